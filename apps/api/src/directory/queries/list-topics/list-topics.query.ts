import { Query } from '@nestjs/cqrs';

export interface TopicListItem {
  topic: string;
  /** Commitments that name the topic. */
  commitments: number;
  /** Stakeholders with at least one of them. */
  stakeholders: number;
}

export class ListTopicsQuery extends Query<{ position: number; topics: TopicListItem[] }> {}
