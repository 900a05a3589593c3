import { resolve } from 'node:path';
import { loadDataset } from '../../demo/dataset';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The founding case (../shared/scenarios/frontier-ai-2023-2026.md), loaded from the demo's
 * dataset through the real API as one batch, and the conclusions the scenario says a good report
 * shows, read back from the reports.
 */
const dataset = loadDataset(resolve(__dirname, '../../demo/founding-case.json'));
const JUDGEMENTS = new Set(['AssessmentRecorded', 'AssessmentRevised', 'AssessmentDisputed', 'DisputeResolved', 'SuggestionDismissed', 'EventRetracted', 'EventCorrected']);
const AGREEMENT = 'openai-dow-classified-agreement';

describe('the founding case through the API', () => {
  let t: TestApp;
  let editorKey: string;
  let loaded: { statusCode: number; body: string; json(): any };
  let position: number;
  const postBatch = (events: object[], idempotencyKey = dataset.idempotencyKey) =>
    t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events }, headers: { authorization: `Bearer ${editorKey}`, 'idempotency-key': idempotencyKey } });
  const read = async (url: string) => {
    const response = await t.inject(`${url}${url.includes('?') ? '&' : '?'}waitForPosition=${position}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const commitment = (report: any, id: string) => {
    const found = report.commitments.find((c: any) => c.commitmentId === id);
    expect(found).toBeDefined();
    return found;
  };
  const ids = (actions: Array<{ actionId: string }>) => actions.map((a) => a.actionId);
  const linksOf = (c: any) => c.links.map((l: any) => [l.relation, l.action.actionId]);

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'founding-case', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(created.statusCode).toBe(201);
    editorKey = created.json().key;
    loaded = await postBatch(dataset.events);
    if (loaded.statusCode !== 201) throw new Error(`the founding case was refused: ${loaded.body}`);
    const appended = loaded.json().events;
    position = appended[appended.length - 1].position;
  });
  afterAll(() => t.close());

  it('records every event of the dataset, in order, in one batch', () => {
    const appended = loaded.json().events;
    expect(appended).toHaveLength(dataset.events.length);
    expect(appended.map((e: { position: number }) => e.position)).toEqual(dataset.events.map((_, i) => appended[0].position + i));
  });

  it("OpenAI: the 2023 no-military-use line is crossed, Microsoft's Azure access of 2023 linked as contradicting it", async () => {
    const report = await read('/v1/stakeholders/openai/report');
    const noMilitaryUse = commitment(report, 'openai-no-military-use');
    expect(noMilitaryUse).toMatchObject({ kind: 'red_line', status: 'crossed', statedAt: { value: '2023', precision: 'year', label: '2023' } });
    expect(noMilitaryUse.links).toEqual([
      expect.objectContaining({
        relation: 'contradicts',
        action: expect.objectContaining({
          actionId: 'microsoft-azure-openai-dod-access-2023', type: 'ContractSigned', stakeholderId: 'microsoft', counterpartyIds: ['us-dod', 'openai'],
          occurredAt: { value: '2023', precision: 'year', label: '2023' },
        }),
      }),
    ]);
    expect(noMilitaryUse.links[0].action.sources[0]).toMatchObject({ publishedAt: '2026-03-09', language: 'fr' });
    // Left to an editor on purpose: whether the 2026 agreement also bears on the 2023 policy.
    expect(noMilitaryUse.suggestions).toEqual([expect.objectContaining({ relation: 'strains', matchingTopics: ['defence', 'military-use'], action: expect.objectContaining({ actionId: AGREEMENT }) })]);
    expect(report.policies.map((p: { policyId: string }) => p.policyId)).toEqual(['openai-usage-policy', 'openai-preparedness-framework']);
  });

  it("OpenAI: the 2026 red lines are under strain from the classified-network agreement, Kalinowski's resignation citing them", async () => {
    const report = await read('/v1/stakeholders/openai/report');
    for (const [id, topic] of [['openai-no-domestic-surveillance', 'surveillance'], ['openai-no-autonomous-weapons', 'autonomous-weapons']]) {
      const redLine = commitment(report, id);
      expect(redLine).toMatchObject({ kind: 'red_line', status: 'under_strain', topics: [topic], statedAt: { value: '2026-02', label: 'February 2026' }, suggestions: [] });
      expect(redLine.history.map((h: { type: string; occurredAt: { value: string } }) => [h.type, h.occurredAt.value])).toEqual([['RedLineStated', '2026-02'], ['CommitmentReaffirmed', '2026-03']]);
      expect(linksOf(redLine)).toEqual([['strains', AGREEMENT]]);
      expect(redLine.links[0].action).toMatchObject({ type: 'ContractSigned', counterpartyIds: ['us-dod'], occurredAt: { value: '2026-02', label: 'February 2026' } });
      expect(redLine.citedBy).toEqual([
        expect.objectContaining({ actionId: 'kalinowski-resigns', type: 'DepartureAnnounced', stakeholderId: 'caitlin-kalinowski', occurredAt: { value: '2026-03-07', precision: 'day', label: '7 March 2026' } }),
      ]);
      expect(redLine.citedBy[0].details.statedReason).toContain('rushed without the guardrails defined');
    }
  });

  it('OpenAI: two departures and a subscriber exodus follow the agreement', async () => {
    const report = await read('/v1/stakeholders/openai/report');
    const departures = report.unlinkedActions.filter((a: { type: string }) => a.type === 'DepartureAnnounced');
    expect(departures.map((a: any) => [a.actionId, a.stakeholderId, a.occurredAt.label])).toEqual([
      ['schwarzer-leaves-openai', 'max-schwarzer', 'February 2026'],
      ['kalinowski-resigns', 'caitlin-kalinowski', '7 March 2026'],
    ]);
    expect(report.reactions).toEqual([
      expect.objectContaining({
        actionId: 'chatgpt-subscriber-exodus-2026', type: 'PublicReactionObserved',
        occurredAt: { value: '2026', precision: 'year', label: '2026' },
        details: expect.objectContaining({ figure: 1500000, unit: 'subscribers', certainty: 'reported' }),
      }),
    ]);
    expect(ids(report.unlinkedActions)).toEqual(expect.arrayContaining(['altman-all-hands-2026', 'openai-statement-on-agreement']));
    expect(report.affiliations).toEqual(expect.arrayContaining([
      expect.objectContaining({ personId: 'caitlin-kalinowski', role: 'Head of robotics and consumer hardware', from: expect.objectContaining({ value: '2024' }), until: expect.objectContaining({ value: '2026-03-07' }) }),
    ]));
  });

  it('OpenAI: the preparedness pledge is set against the rollback, the complaints and the lawsuits', async () => {
    const report = await read('/v1/stakeholders/openai/report');
    const preparedness = commitment(report, 'openai-preparedness');
    expect(preparedness).toMatchObject({ kind: 'pledge', status: 'partially_kept', dueBy: null });
    expect(linksOf(preparedness)).toEqual(expect.arrayContaining([
      ['partially_fulfils', 'gpt-4o-sycophancy-rollback'],
      ['strains', 'ftc-complaints-2025'],
      ['strains', 'raine-v-openai'],
    ]));
    expect(preparedness.links).toHaveLength(3);
    const byAction = Object.fromEntries(preparedness.links.map((l: any) => [l.action.actionId, l.action]));
    expect(byAction['gpt-4o-sycophancy-rollback']).toMatchObject({ type: 'ProductChangeRolledBack', occurredAt: { value: '2025-04', label: 'April 2025' } });
    expect(byAction['ftc-complaints-2025']).toMatchObject({ type: 'ComplaintFiled', counterpartyIds: ['openai', 'us-ftc'] });
    expect(byAction['raine-v-openai']).toMatchObject({ type: 'LawsuitFiled', details: { caseName: 'Raine v. OpenAI' } });
    // The opening of the role was dismissed by an editor; the Sora restriction still awaits one.
    expect(ids(preparedness.suggestions.map((s: any) => s.action))).toEqual(['sora-mlk-restriction']);
    expect(report.summary).toMatchObject({ suggestions: 2, byStatus: { crossed: 1, under_strain: 2, partially_kept: 1 } });
    expect(report.summary.sayDo).toMatchObject({ honoured: 0, partiallyHonoured: 1, rated: 4, ratio: 0 });
    // The turnover of the role, as affiliations.
    const preparednessRoles = report.affiliations.filter((a: { role: string }) => a.role.startsWith('Head of Preparedness'));
    expect(preparednessRoles.map((a: any) => [a.personId, a.from.value, a.until?.value ?? null])).toEqual([
      ['aleksander-madry', '2023', '2024'],
      ['joaquin-quinonero-candela', '2024', '2025-07'],
      ['lilian-weng', '2024', '2024-11'],
    ]);
  });

  it('Anthropic: its red lines, tested by the same demand, held by refusing the contract, at a cost', async () => {
    const report = await read('/v1/stakeholders/anthropic/report');
    for (const id of ['anthropic-no-mass-surveillance', 'anthropic-no-autonomous-weapons']) {
      const redLine = commitment(report, id);
      expect(redLine).toMatchObject({ kind: 'red_line', status: 'held', suggestions: [] });
      expect(linksOf(redLine)).toEqual([['fulfils', 'anthropic-refuses-dow-terms']]);
      expect(redLine.links[0].action).toMatchObject({ type: 'ContractRefused', counterpartyIds: ['us-dod'], occurredAt: { value: '2026-02', label: 'February 2026' } });
    }
    expect(report.summary.sayDo).toMatchObject({ honoured: 2, rated: 2, ratio: 1 });
    expect(report.unlinkedActions).toEqual(expect.arrayContaining([
      expect.objectContaining({ actionId: 'dow-drops-anthropic', type: 'ContractTerminated', stakeholderId: 'us-dod', details: { contractActionId: 'anthropic-dod-contract' } }),
    ]));
    expect(report.affiliations).toEqual([expect.objectContaining({ personId: 'max-schwarzer', organizationId: 'anthropic', from: expect.objectContaining({ value: '2026-02' }) })]);
  });

  it('compares the companies side by side on surveillance and on autonomous weapons', async () => {
    const expected: Record<string, Record<string, Array<[string, string]>>> = {
      surveillance: {
        anthropic: [['anthropic-no-mass-surveillance', 'held']],
        'caitlin-kalinowski': [['kalinowski-no-surveillance-without-judicial-oversight', 'untested']],
        openai: [['openai-no-domestic-surveillance', 'under_strain']],
      },
      'autonomous-weapons': {
        anthropic: [['anthropic-no-autonomous-weapons', 'held']],
        'caitlin-kalinowski': [['kalinowski-no-lethal-autonomy-without-human-authorisation', 'untested']],
        openai: [['openai-no-autonomous-weapons', 'under_strain']],
      },
    };
    for (const [topic, byStakeholder] of Object.entries(expected)) {
      const comparison = await read(`/v1/topics/${topic}/comparison`);
      expect(comparison.topic).toBe(topic);
      expect(Object.fromEntries(comparison.stakeholders.map((s: any) => [s.stakeholder.stakeholderId, s.commitments.map((c: any) => [c.commitmentId, c.status])]))).toEqual(byStakeholder);
    }
  });

  it("shows the defence agreement in both parties' reports, the Department under its new name with the former one kept", async () => {
    const openai = await read('/v1/stakeholders/openai/report');
    expect(openai.commitments.flatMap((c: any) => c.links.map((l: any) => l.action.actionId))).toContain(AGREEMENT);
    const dod = await read('/v1/stakeholders/us-dod/report');
    expect(dod.stakeholder).toEqual({ stakeholderId: 'us-dod', name: 'US Department of War', kind: 'government', formerNames: ['US Department of Defense'] });
    expect(ids(dod.unlinkedActions)).toEqual(expect.arrayContaining([AGREEMENT, 'microsoft-azure-openai-dod-access-2023', 'anthropic-refuses-dow-terms', 'dow-drops-anthropic']));
    const dossier = await read('/v1/commitments/openai-no-domestic-surveillance');
    expect(dossier).toMatchObject({ stakeholder: { stakeholderId: 'openai' }, commitment: { status: 'under_strain', links: [expect.objectContaining({ relation: 'strains' })] } });
  });

  it('keeps imprecise dates imprecise on the timeline, in order of occurrence', async () => {
    const timeline = await read('/v1/stakeholders/openai/timeline');
    const entry = (type: string, key: string, value: string) => timeline.entries.find((e: any) => e.type === type && e.data[key] === value);
    expect(entry('ContractSigned', 'actionId', AGREEMENT).occurredAt).toEqual({ value: '2026-02', precision: 'month', label: 'February 2026' });
    expect(entry('ProductChangeRolledBack', 'actionId', 'gpt-4o-sycophancy-rollback').occurredAt).toEqual({ value: '2025-04', precision: 'month', label: 'April 2025' });
    expect(entry('AffiliationStarted', 'role', 'Research role').occurredAt).toEqual({ value: '2024', precision: 'year', label: '2024' });
    expect(entry('PositionOpened', 'actionId', 'openai-head-of-preparedness-opening').occurredAt.label).toBe('27 December 2025');
    // In order of the first day each date covers ("2026" starts before "2026-02").
    const starts = timeline.entries.map((e: any) => `${e.occurredAt.value}-01-01`.slice(0, 10));
    expect(starts).toEqual([...starts].sort());
    expect(timeline.entries[0]).toMatchObject({ type: 'StakeholderRegistered', occurredAt: { value: '2015-12' } });
    expect(timeline.entries.map((e: any) => e.occurredAt.value).filter((v: string) => v.startsWith('2026'))).toEqual(
      expect.arrayContaining(['2026', '2026-02', '2026-03', '2026-03-07', '2026-03-10']),
    );
  });

  it('gives every fact at least one source, and judgements none', async () => {
    const log = await read('/v1/events?after=0&limit=1000');
    expect(log.events).toHaveLength(dataset.events.length);
    for (const event of log.events) {
      if (JUDGEMENTS.has(event.type)) {
        expect(event.sources).toEqual([]);
        continue;
      }
      expect(event.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of event.sources) {
        expect(source).toEqual(expect.objectContaining({ url: expect.stringMatching(/^https:\/\//), publisher: expect.any(String), title: expect.any(String), quote: expect.any(String), language: 'fr' }));
        expect(['2025-12', '2025-12-29', '2026-03-09']).toContain(source.publishedAt);
      }
    }
    expect(log.events.filter((e: { type: string }) => JUDGEMENTS.has(e.type)).map((e: { type: string }) => e.type)).toEqual([
      ...Array(6).fill('AssessmentRecorded'), 'SuggestionDismissed', 'AssessmentRecorded', 'AssessmentRecorded',
    ]);
  });

  it('answers the same batch with the same Idempotency-Key with the original answer, appending nothing', async () => {
    const headBefore = (await read('/v1/events?limit=1')).head;
    const again = await postBatch(dataset.events);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(loaded.json());
    expect((await read('/v1/events?limit=1')).head).toBe(headBefore);

    const otherBody = await postBatch(dataset.events.slice(0, 1));
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json()).toMatchObject({ type: 'https://saydo.dev/problems/idempotency-key-reused' });
    expect((await read('/v1/events?limit=1')).head).toBe(headBefore);
  });
});
