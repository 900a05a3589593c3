import { SayDoReport } from './say-do-report.types';

export interface TopicComparison {
  topic: string;
  asOf: string;
  position: number;
  stakeholders: Array<{
    stakeholder: SayDoReport['stakeholder'];
    commitments: Array<Pick<SayDoReport['commitments'][number], 'commitmentId' | 'kind' | 'text' | 'status' | 'statedAt' | 'withdrawn' | 'contested'> & { links: number; suggestions: number }>;
  }>;
}

/** Every stakeholder's commitments on one topic, side by side with their statuses. */
export function compareOnTopic(topic: string, reports: readonly SayDoReport[], asOf: string, position: number): TopicComparison {
  return {
    topic,
    asOf,
    position,
    stakeholders: reports
      .map((report) => ({
        stakeholder: report.stakeholder,
        commitments: report.commitments
          .filter((c) => c.topics.includes(topic))
          .map((c) => ({ commitmentId: c.commitmentId, kind: c.kind, text: c.text, status: c.status, statedAt: c.statedAt, withdrawn: c.withdrawn, contested: c.contested, links: c.links.length, suggestions: c.suggestions.length })),
      }))
      .filter((entry) => entry.commitments.length > 0)
      .sort((a, b) => a.stakeholder.stakeholderId.localeCompare(b.stakeholder.stakeholderId)),
  };
}
