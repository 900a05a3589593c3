import { randomUUID } from 'node:crypto';

/** One source, as editors cite them: about 0.5 KB, so a command body is about 0.8 KB. */
const SOURCE = {
  url: 'https://www.example.org/2026/03/09/benchmark-source-article-with-a-long-permalink',
  publisher: 'Example News',
  title: 'A benchmark source with a realistic title about commitments and what was done',
  publishedAt: '2026-03-09',
  quote:
    'We will not deploy the system for domestic mass surveillance, and every deployment will be reviewed ' +
    'against the guardrails we published; a quote long enough to look like the ones editors cite in practice.',
};

/** A single-event command that always succeeds: registering a stakeholder never seen before. */
export function registrationCommand(stakeholderId: string): Record<string, unknown> {
  return {
    type: 'StakeholderRegistered',
    data: { stakeholderId, name: `Stakeholder ${stakeholderId}`, kind: 'organization' },
    occurredAt: '2025-04',
    sources: [SOURCE],
  };
}

/** Unique stakeholder ids for one run (runs on the same database never collide). */
export function idSource(label: string): () => string {
  const run = randomUUID().slice(0, 8);
  let sequence = 0;
  return () => `${label}-${run}-${(sequence += 1)}`;
}
