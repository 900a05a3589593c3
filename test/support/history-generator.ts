import { randomUUID } from 'node:crypto';
import { requirePartialDate, SaydoEvent } from '@saydo/domain';
import { NewEvent } from '@saydo/event-store';

const SOURCE = { url: 'https://example.org/report', publisher: 'Example', title: 'Report', publishedAt: '2026-03-09', quote: 'quoted' };

/**
 * A deterministic, realistic history for feed tests: stakeholders, commitments, contracts and
 * assessments over many streams, so every projection and every partition gets work.
 */
export function* generateHistory(total: number): Generator<NewEvent> {
  const stakeholders: string[] = [];
  const commitments: Array<{ id: string; owner: string }> = [];
  const actions: Array<{ id: string; actor: string; counterparty: string }> = [];
  for (let i = 0; i < total; i++) {
    const kind = stakeholders.length < 2 ? 0 : i % 4;
    let event: SaydoEvent;
    let streamId: string;
    let subjects: string[];
    if (kind === 0) {
      const id = `org-${stakeholders.length}`;
      stakeholders.push(id);
      event = { type: 'StakeholderRegistered', data: { stakeholderId: id, name: `Org ${id}`, kind: 'organization' } };
      streamId = `stakeholder-${id}`;
      subjects = [id];
    } else if (kind === 1) {
      const owner = stakeholders[i % stakeholders.length];
      const id = `c-${commitments.length}`;
      commitments.push({ id, owner });
      event = { type: 'RedLineStated', data: { commitmentId: id, stakeholderId: owner, text: `Red line ${id}`, topics: ['surveillance'] } };
      streamId = `commitment-${id}`;
      subjects = [owner];
    } else if (kind === 2) {
      const actor = stakeholders[i % stakeholders.length];
      const counterparty = stakeholders[(i + 1) % stakeholders.length];
      const id = `a-${actions.length}`;
      actions.push({ id, actor, counterparty });
      event = { type: 'ContractSigned', data: { actionId: id, stakeholderId: actor, counterpartyIds: [counterparty], title: `Contract ${id}`, topics: ['defence'] } };
      streamId = `action-${id}`;
      subjects = [actor, counterparty].filter((s, i, all) => all.indexOf(s) === i);
    } else if (commitments.length && actions.length) {
      const commitment = commitments[i % commitments.length];
      const action = actions[(i * 7) % actions.length];
      event = { type: 'AssessmentRecorded', data: { commitmentId: commitment.id, actionId: `${action.id}`, relation: i % 3 ? 'strains' : 'contradicts', rationale: `r${i}` } };
      streamId = `commitment-${commitment.id}`;
      subjects = [...new Set([commitment.owner, action.actor, action.counterparty])];
    } else {
      continue;
    }
    yield {
      eventId: randomUUID(),
      streamId,
      type: event.type,
      schemaVersion: 1,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { sources: [SOURCE], subjects },
      occurredAt: requirePartialDate(`2026-0${1 + (i % 3)}`),
    };
  }
}
