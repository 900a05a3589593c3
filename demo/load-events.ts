import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Submission } from './dataset';
import { ApiResponse, describeProblem, problemSlug, SaydoClient } from './saydo-client';

/**
 * Conflicts that mean "this fact (or one saying the same thing) is on the instance already":
 * someone recorded it before the demo (the README walk-through registers `openai`, for one).
 * The demo keeps what is there rather than failing; the log is append-only anyway.
 */
const ALREADY_THERE = new Set([
  'stakeholder-already-registered',
  'commitment-already-stated',
  'action-already-recorded',
  'policy-already-published',
  'assessment-already-recorded',
  'affiliation-already-open',
  'already-assessed',
  'suggestion-already-dismissed',
  'dispute-already-recorded',
  'name-unchanged',
]);

export interface LoadReport {
  appended: number;
  replayed: number;
  /** Facts the instance holds already (recorded by someone else), kept as they are. */
  alreadyThere: string[];
  /** Facts the instance refused for another reason: said plainly, the rest still loads. */
  refused: string[];
  /** A refusal that is not about the data (a bad key, a server error): stop. */
  fatal?: ApiResponse;
}

/** The idempotency key of one event of the dataset, derived from its place and its canonical JSON. */
export function eventIdempotencyKey(datasetKey: string, index: number, event: Submission): string {
  const hash = createHash('sha256').update(canonicalize(event) ?? '').digest('hex').slice(0, 32);
  return `${datasetKey.slice(0, 40)}-e${index}-${hash}`;
}

/**
 * Event by event, in the dataset's order: each one either recorded now, replayed (this key recorded it
 * on an earlier run), already there (the instance has it from elsewhere), or refused with its reason.
 */
export async function loadEventByEvent(client: SaydoClient, events: Submission[], datasetKey: string, apiKey: string): Promise<LoadReport> {
  const report: LoadReport = { appended: 0, replayed: 0, alreadyThere: [], refused: [] };
  for (const [index, event] of events.entries()) {
    const response = await client.post('/v1/events', event, { authorization: `Bearer ${apiKey}`, 'idempotency-key': eventIdempotencyKey(datasetKey, index, event) });
    if (response.status === 201) {
      if (response.headers.get('idempotent-replayed') === 'true') report.replayed++;
      else report.appended++;
    } else if (response.status === 409 && ALREADY_THERE.has(problemSlug(response))) {
      report.alreadyThere.push(`${describeEvent(event)}: ${await alreadyThereNote(client, event, response)}`);
    } else if (response.status === 409 || response.status === 422) {
      report.refused.push(`${describeEvent(event)}: ${describeProblem(response)}`);
    } else {
      report.fatal = response;
      return report;
    }
  }
  return report;
}

/** "StakeholderRegistered openai" */
export function describeEvent(event: Submission): string {
  const data = event.data as Record<string, unknown>;
  const subject = ['commitmentId', 'actionId', 'policyId', 'stakeholderId'].map((field) => data[field]).find((value) => typeof value === 'string');
  return `${event.type}${subject ? ` ${String(subject)}` : ''}`;
}

/** For a stakeholder the instance holds already, says whether it is the same one or another under the same id. */
async function alreadyThereNote(client: SaydoClient, event: Submission, response: ApiResponse): Promise<string> {
  if (event.type !== 'StakeholderRegistered') return `kept the instance's record (${problemSlug(response)})`;
  const data = event.data as { stakeholderId: string; name: string };
  const existing = await client.get(`/v1/stakeholders/${encodeURIComponent(data.stakeholderId)}/report`);
  const name = existing.status === 200 ? (existing.body?.stakeholder?.name as string | undefined) : undefined;
  if (name === undefined || name === data.name) return `registered already${name ? ` as “${name}”` : ''}: reused`;
  return `registered already under another name, “${name}” (the founding case says “${data.name}”): reused as it is`;
}
