import { Query } from '@nestjs/cqrs';
import { Dated } from '@saydo/domain';

export interface RecentChange {
  position: number;
  type: string;
  streamId: string;
  /** Stakeholders the event is about. */
  stakeholderIds: string[];
  occurredAt: Dated;
  recordedAt: string;
  data: Record<string, unknown>;
}

export class RecentChangesQuery extends Query<{ position: number; changes: RecentChange[] }> {
  constructor(readonly limit: number) {
    super();
  }
}
