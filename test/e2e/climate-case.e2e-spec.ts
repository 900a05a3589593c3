import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findEventDefinition } from '@saydo/domain';
import { ADMIN_KEY, startTestApp, TestApp, TestResponse } from '../support/test-app';

/**
 * A second, unrelated case (a bank, a utility, an NGO, a public body, all fictional) so nothing
 * in Saydo is hard-wired to the founding AI case. The dataset is test/fixtures/climate-case.json,
 * posted batch by batch through the public API; the reports are read between the batches.
 */
interface Submission {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  sources: Array<{ url: string }>;
}
interface Batch {
  name: string;
  refs: Record<string, number>;
  events: Submission[];
}
interface Appended {
  eventId: string;
  streamId: string;
  streamVersion: number;
  position: number;
  hash: string;
}

const FIXTURE: { _note: string; batches: Batch[] } = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/climate-case.json'), 'utf8'));
const REPORT_DATE = '2026-06-01T00:00:00Z';
const REF = /^\$ref:(.+)$/;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const ids = (items: Array<{ actionId?: string; commitmentId?: string; action?: { actionId: string } }>) =>
  items.map((item) => item.commitmentId ?? item.action?.actionId ?? item.actionId);
const statuses = (report: Json): Record<string, string> => Object.fromEntries(report.commitments.map((c: Json) => [c.commitmentId, c.status]));
const commitment = (report: Json, id: string): Json => report.commitments.find((c: Json) => c.commitmentId === id);

describe('a climate case through the API: a bank that said no to coal, then financed coal', () => {
  let t: TestApp;
  let editorKey: string;
  /** eventIds the API answered, by the fixture's ref names. */
  const eventIds = new Map<string, string>();
  let head = 0;

  const batch = (name: string): Batch => {
    const found = FIXTURE.batches.find((b) => b.name === name);
    if (!found) throw new Error(`no batch ${name} in the fixture`);
    return found;
  };
  const withRefsResolved = (submission: Submission): Submission => {
    const match = typeof submission.data.eventId === 'string' ? REF.exec(submission.data.eventId) : null;
    if (!match) return submission;
    const eventId = eventIds.get(match[1]);
    if (!eventId) throw new Error(`ref ${match[1]} was not answered by an earlier batch`);
    return { ...submission, data: { ...submission.data, eventId } };
  };
  const expectStatus = (response: TestResponse, status: number) => {
    if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  };
  const postBatch = async (name: string): Promise<Appended[]> => {
    const { events, refs } = batch(name);
    const response = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events: events.map(withRefsResolved) }, headers: { authorization: `Bearer ${editorKey}` } });
    expectStatus(response, 201);
    const answered: Appended[] = response.json().events;
    expect(answered).toHaveLength(events.length);
    for (const [ref, index] of Object.entries(refs)) eventIds.set(ref, answered[index].eventId);
    head = answered[answered.length - 1].position;
    return answered;
  };
  const get = async (url: string, status = 200): Promise<Json> => {
    const response = await t.inject({ url: `${url}${url.includes('?') ? '&' : '?'}waitForPosition=${head}` });
    expectStatus(response, status);
    return response.json();
  };
  const report = (stakeholderId: string, date = REPORT_DATE) => get(`/v1/stakeholders/${stakeholderId}/report?date=${date}`);
  const dossier = (commitmentId: string) => get(`/v1/commitments/${commitmentId}?date=${REPORT_DATE}`);

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'climate-desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expectStatus(created, 201);
    editorKey = created.json().key;
  });
  afterAll(() => t?.close());

  it('the fixture is in the public submission shape, with a placeholder source for every fact', () => {
    expect(FIXTURE._note).toMatch(/fictional/);
    expect(FIXTURE._note).toMatch(/example\.org/);
    for (const { name, events, refs } of FIXTURE.batches) {
      for (const [ref, index] of Object.entries(refs)) expect({ name, ref, exists: events[index] !== undefined }).toEqual({ name, ref, exists: true });
      for (const event of events) {
        expect(Object.keys(event).sort()).toEqual(['data', 'occurredAt', 'sources', 'type']);
        const definition = findEventDefinition(event.type);
        expect(definition).toBeDefined();
        if (definition!.factual) expect({ type: event.type, sources: event.sources.length > 0 }).toEqual({ type: event.type, sources: true });
        for (const source of event.sources) expect(new URL(source.url).hostname).toMatch(/(^|\.)example\.(org|com|net)$/);
      }
    }
  });

  it('records the stakeholders, their commitments and their deeds through the batch endpoint', async () => {
    await postBatch('stakeholders');
    const commitments = await postBatch('commitments');
    expect(commitments.map((e) => e.streamId)).toContain('commitment-northbank-no-coal');
    const actions = await postBatch('actions');
    expect(actions[0]).toMatchObject({ streamId: 'action-northbank-kessel-loan', streamVersion: 1 });

    const northbank = await report('northbank');
    expect(northbank.stakeholder).toEqual({ stakeholderId: 'northbank', name: 'Northbank', kind: 'organization', formerNames: [] });
    expect(commitment(northbank, 'northbank-no-coal')).toMatchObject({
      kind: 'red_line',
      text: 'No new project financing for coal-fired power plants',
      statedAt: { value: '2020-06-03', precision: 'day', label: '3 June 2020' },
      status: 'untested',
    });
    expect((await report('eu-commission')).stakeholder).toMatchObject({ kind: 'government' });
  });

  it("suggests a strain for each of the actor's deeds sharing a topic with a live commitment, before any assessment", async () => {
    const northbank = await report('northbank');
    const noCoal = commitment(northbank, 'northbank-no-coal');
    expect(noCoal.links).toEqual([]);
    expect(noCoal.suggestions.map((s: Json) => [s.action.actionId, s.relation, s.matchingTopics])).toEqual([
      ['northbank-moorland-rehabilitation', 'strains', ['coal']],
      ['northbank-kessel-loan', 'strains', ['coal']],
      ['northbank-dunmore-mine', 'strains', ['coal']],
    ]);
    expect(ids(commitment(northbank, 'northbank-coal-exposure-disclosure').suggestions)).toEqual(['northbank-coal-exposure-2024']);
    // No deed of Northbank shares a topic with its climate pledges; the NGO's complaint is not Northbank's deed.
    for (const id of ['northbank-net-zero-2050', 'northbank-halve-2025', 'northbank-paris-aligned-lending']) expect(commitment(northbank, id).suggestions).toEqual([]);
    expect(northbank.summary.suggestions).toBe(4);
    expect(ids(northbank.unlinkedActions)).toEqual(expect.arrayContaining(['green-watch-kessel-complaint', 'northbank-kessel-loan']));

    const eu = await report('eu-commission');
    // A refusal upholds a red line: it is never suggested as straining it.
    expect(commitment(eu, 'eu-no-coal-funding').suggestions).toEqual([]);
    expect(ids(eu.unlinkedActions)).toEqual(['eu-refuses-kessel-cofinancing']);
    expect(commitment(eu, 'eu-no-coal-funding').status).toBe('untested');
  });

  it("after the editors' assessments: the coal red line is crossed, the disclosure pledge kept, the Commission's red line held; the dismissed suggestion is gone", async () => {
    await postBatch('assessments');
    const northbank = await report('northbank');
    expect(statuses(northbank)).toEqual({
      'northbank-no-coal': 'crossed',
      'northbank-net-zero-2050': 'not_yet_rated',
      'northbank-halve-2025': 'overdue',
      'northbank-paris-aligned-lending': 'not_yet_rated',
      'northbank-coal-exposure-disclosure': 'kept',
      'northbank-no-arctic-drilling': 'not_yet_rated',
    });
    const noCoal = commitment(northbank, 'northbank-no-coal');
    expect(noCoal.links.map((l: Json) => [l.action.actionId, l.relation])).toEqual([['northbank-kessel-loan', 'contradicts']]);
    // The Kessel loan is now linked, the Moorland restoration dismissed: only the Dunmore mine is still suggested.
    expect(ids(noCoal.suggestions)).toEqual(['northbank-dunmore-mine']);
    expect(commitment(northbank, 'northbank-coal-exposure-disclosure').suggestions).toEqual([]);
    expect(northbank.summary.suggestions).toBe(1);
    expect(ids(northbank.unlinkedActions)).not.toContain('northbank-kessel-loan');
    expect(ids(northbank.unlinkedActions)).toContain('northbank-moorland-rehabilitation');

    const eu = await report('eu-commission');
    expect(statuses(eu)).toEqual({ 'eu-no-coal-funding': 'held' });
    expect(commitment(eu, 'eu-no-coal-funding').suggestions).toEqual([]);
    expect(commitment(eu, 'eu-no-coal-funding').links.map((l: Json) => [l.action.actionId, l.action.type, l.relation])).toEqual([
      ['eu-refuses-kessel-cofinancing', 'ContractRefused', 'fulfils'],
    ]);
  });

  it('the 2025 interim pledge, never rated, is overdue only once 2025 is wholly past', async () => {
    expect(statuses(await report('northbank', '2025-06-01T00:00:00Z'))['northbank-halve-2025']).toBe('not_yet_rated');
    expect(statuses(await report('northbank', '2025-12-31T23:59:59Z'))['northbank-halve-2025']).toBe('not_yet_rated');
    expect(statuses(await report('northbank', '2026-01-01T00:00:00Z'))['northbank-halve-2025']).toBe('overdue');
    const halve = commitment(await report('northbank'), 'northbank-halve-2025');
    expect(halve).toMatchObject({ dueBy: '2025', status: 'overdue', links: [], withdrawn: null });
  });

  it("the bank's dispute makes the link contested until an editor resolves it, upheld", async () => {
    await postBatch('dispute');
    const contested = (await dossier('northbank-no-coal')).commitment;
    expect(contested).toMatchObject({ status: 'crossed', contested: true });
    expect(contested.links[0]).toMatchObject({
      contested: true,
      disputes: [{ disputeId: 'northbank-reply-kessel', disputedBy: 'Northbank', open: true, raisedAt: { value: '2025-10-06', label: '6 October 2025' } }],
    });
    expect((await report('northbank')).summary.openDisputes).toBe(1);
    const comparison = await get(`/v1/topics/coal/comparison?date=${REPORT_DATE}`);
    expect(comparison.stakeholders.find((s: Json) => s.stakeholder.stakeholderId === 'northbank').commitments[0]).toMatchObject({ commitmentId: 'northbank-no-coal', contested: true });

    await postBatch('resolution');
    const resolved = (await dossier('northbank-no-coal')).commitment;
    expect(resolved).toMatchObject({ status: 'crossed', contested: false });
    expect(resolved.links[0].contested).toBe(false);
    expect(resolved.links[0].disputes).toEqual([
      expect.objectContaining({ disputeId: 'northbank-reply-kessel', open: false, outcome: 'upheld', resolution: 'The loan agreement names the Kessel coal unit as the use of proceeds' }),
    ]);
    expect((await report('northbank')).summary.openDisputes).toBe(0);
  });

  it('an editor corrects the mistitled contract and retracts two mistaken facts: reports follow, the log keeps the originals', async () => {
    const before = {
      kessel: await get('/v1/streams/action-northbank-kessel-loan'),
      dunmore: await get('/v1/streams/action-northbank-dunmore-mine'),
      arctic: await get('/v1/streams/commitment-northbank-no-arctic-drilling'),
    };
    expect(before.kessel.events[0].data.title).toBe('Bond underwriting for Coalgen Power');

    const editorial = await postBatch('editorial');
    // Editorial acts go to the stream of the event they act on.
    expect(editorial.map((e) => [e.streamId, e.streamVersion])).toEqual([
      ['action-northbank-kessel-loan', 2],
      ['action-northbank-dunmore-mine', 2],
      ['commitment-northbank-no-arctic-drilling', 2],
    ]);

    // Immutability: each original event is still there, byte for byte, followed by the editorial act.
    const after = {
      kessel: await get('/v1/streams/action-northbank-kessel-loan'),
      dunmore: await get('/v1/streams/action-northbank-dunmore-mine'),
      arctic: await get('/v1/streams/commitment-northbank-no-arctic-drilling'),
    };
    for (const key of ['kessel', 'dunmore', 'arctic'] as const) {
      expect(after[key].version).toBe(2);
      expect(after[key].events[0]).toEqual(before[key].events[0]);
    }
    expect(after.kessel.events.map((e: Json) => e.type)).toEqual(['ContractSigned', 'EventCorrected']);
    expect(after.kessel.events[0].data.title).toBe('Bond underwriting for Coalgen Power');
    expect(after.kessel.events[1].data).toMatchObject({ eventId: eventIds.get('kessel-loan'), data: { title: 'Loan to Coalgen Power for the Kessel coal unit' } });
    expect(after.dunmore.events.map((e: Json) => e.type)).toEqual(['ContractSigned', 'EventRetracted']);
    expect(after.arctic.events.map((e: Json) => e.type)).toEqual(['PledgeMade', 'EventRetracted']);

    const northbank = await report('northbank');
    // The correction: the corrected title wherever the contract shows.
    expect(commitment(northbank, 'northbank-no-coal').links[0].action).toMatchObject({ actionId: 'northbank-kessel-loan', title: 'Loan to Coalgen Power for the Kessel coal unit' });
    expect(northbank.corrections).toEqual([expect.objectContaining({ eventId: eventIds.get('kessel-loan'), type: 'EventCorrected', reason: expect.stringMatching(/term loan/) })]);
    const coalgen = await report('coalgen-power');
    expect(coalgen.unlinkedActions.find((a: Json) => a.actionId === 'northbank-kessel-loan').title).toBe('Loan to Coalgen Power for the Kessel coal unit');

    // The retractions: the mine financing and the misattributed pledge no longer count anywhere.
    expect(ids(northbank.commitments)).not.toContain('northbank-no-arctic-drilling');
    expect(ids(northbank.unlinkedActions)).not.toContain('northbank-dunmore-mine');
    expect(commitment(northbank, 'northbank-no-coal').suggestions).toEqual([]);
    expect(northbank.summary.suggestions).toBe(0);
    expect(northbank.retractions.map((r: Json) => [r.eventId, r.type])).toEqual([
      [eventIds.get('dunmore-mine'), 'EventRetracted'],
      [eventIds.get('arctic-pledge'), 'EventRetracted'],
    ]);
    expect((await report('dunmore-mining')).unlinkedActions).toEqual([]);
    await get('/v1/commitments/northbank-no-arctic-drilling', 404);
    expect((await get(`/v1/topics/arctic/comparison?date=${REPORT_DATE}`)).stakeholders).toEqual([]);

    // The timeline still shows both, marked.
    const timeline = await get('/v1/stakeholders/northbank/timeline');
    const entry = (streamId: string, type: string) => timeline.entries.find((e: Json) => e.streamId === streamId && e.type === type);
    expect(entry('action-northbank-kessel-loan', 'ContractSigned')).toMatchObject({ data: { title: 'Loan to Coalgen Power for the Kessel coal unit' }, corrected: { reason: expect.any(String) }, retracted: null });
    expect(entry('action-northbank-dunmore-mine', 'ContractSigned')).toMatchObject({ retracted: { reason: expect.stringMatching(/not among the lenders/) }, corrected: null });
    expect(entry('commitment-northbank-no-arctic-drilling', 'PledgeMade').retracted).not.toBeNull();
  });

  it('gives the say-do figure with its denominator, and counts the unannounced withdrawal', async () => {
    const northbank = await report('northbank');
    expect(statuses(northbank)).toEqual({
      'northbank-no-coal': 'crossed',
      'northbank-net-zero-2050': 'not_yet_rated',
      'northbank-halve-2025': 'overdue',
      'northbank-paris-aligned-lending': 'not_yet_rated',
      'northbank-coal-exposure-disclosure': 'kept',
    });
    expect(northbank.summary).toMatchObject({
      total: 5,
      byStatus: { kept: 1, crossed: 1, overdue: 1, not_yet_rated: 2, held: 0, broken: 0, under_strain: 0, untested: 0, partially_kept: 0 },
      sayDo: { honoured: 1, partiallyHonoured: 0, failed: 2, underStrain: 0, rated: 3, unrated: 2, statement: '1 of 3 rated commitments honoured (2 awaiting a verdict)' },
      suggestions: 0,
      openDisputes: 0,
      withdrawn: { announced: 0, unannounced: 1 },
    });
    expect(northbank.summary.sayDo.ratio).toBeCloseTo(1 / 3);

    const paris = commitment(northbank, 'northbank-paris-aligned-lending');
    expect(paris.withdrawn).toEqual({ disclosure: 'unannounced', at: { value: '2025-09', precision: 'month', label: 'September 2025' } });
    expect(paris.history.map((h: Json) => [h.type, h.disclosure])).toEqual([
      ['PledgeMade', undefined],
      ['CommitmentWithdrawn', 'unannounced'],
    ]);
    for (const id of ['northbank-no-coal', 'northbank-net-zero-2050', 'northbank-halve-2025', 'northbank-coal-exposure-disclosure']) expect(commitment(northbank, id).withdrawn).toBeNull();

    const climate = await get(`/v1/topics/climate/comparison?date=${REPORT_DATE}`);
    expect(climate.stakeholders.map((s: Json) => s.stakeholder.stakeholderId)).toEqual(['northbank']);
    expect(climate.stakeholders[0].commitments.map((c: Json) => [c.commitmentId, c.status, c.withdrawn?.disclosure ?? null])).toEqual([
      ['northbank-net-zero-2050', 'not_yet_rated', null],
      ['northbank-halve-2025', 'overdue', null],
      ['northbank-paris-aligned-lending', 'not_yet_rated', 'unannounced'],
    ]);
  });

  it("compares on coal: Northbank's red line crossed beside the Commission's held", async () => {
    const comparison = await get(`/v1/topics/coal/comparison?date=${REPORT_DATE}`);
    expect(comparison.topic).toBe('coal');
    expect(comparison.stakeholders.map((s: Json) => [s.stakeholder.stakeholderId, s.stakeholder.kind, s.commitments.map((c: Json) => [c.commitmentId, c.kind, c.status, c.contested, c.links, c.suggestions])])).toEqual([
      ['eu-commission', 'government', [['eu-no-coal-funding', 'red_line', 'held', false, 1, 0]]],
      ['northbank', 'organization', [['northbank-no-coal', 'red_line', 'crossed', false, 1, 0]]],
    ]);
  });

  it('gives the dossier of the coal red line: its history, the link with its resolved dispute', async () => {
    const answer = await dossier('northbank-no-coal');
    expect(answer.stakeholder).toMatchObject({ stakeholderId: 'northbank' });
    const redLine = answer.commitment;
    expect(redLine).toMatchObject({ commitmentId: 'northbank-no-coal', kind: 'red_line', status: 'crossed', contested: false, withdrawn: null, text: 'No new project financing for coal-fired power plants' });
    expect(redLine.history.map((h: Json) => [h.type, h.occurredAt.value, h.text])).toEqual([
      ['RedLineStated', '2020-06-03', 'No new financing for coal'],
      ['CommitmentReaffirmed', '2023-04-20', 'Our coal policy stands: we do not finance new coal'],
      ['CommitmentRevised', '2024-02', 'No new project financing for coal-fired power plants'],
    ]);
    expect(redLine.history.every((h: Json) => h.sources.length > 0)).toBe(true);
    expect(redLine.links).toHaveLength(1);
    expect(redLine.links[0]).toMatchObject({
      relation: 'contradicts',
      contested: false,
      revisions: [],
      assessedAt: { value: '2025-07-02' },
      action: { actionId: 'northbank-kessel-loan', type: 'ContractSigned', title: 'Loan to Coalgen Power for the Kessel coal unit', counterpartyIds: ['coalgen-power'], topics: ['coal', 'energy'], occurredAt: { value: '2025-06', label: 'June 2025' } },
      disputes: [{ disputeId: 'northbank-reply-kessel', disputedBy: 'Northbank', open: false, outcome: 'upheld' }],
    });
    expect(redLine.links[0].action.sources).toHaveLength(1);
    expect(redLine.suggestions).toEqual([]);
    expect(answer.corrections.map((c: Json) => c.eventId)).toEqual([eventIds.get('kessel-loan')]);

    const eu = (await dossier('eu-no-coal-funding')).commitment;
    expect(eu).toMatchObject({ status: 'held', contested: false, links: [{ relation: 'fulfils', action: { actionId: 'eu-refuses-kessel-cofinancing' } }] });
  });
});
