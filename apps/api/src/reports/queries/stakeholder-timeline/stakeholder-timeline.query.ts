import { Query } from '@nestjs/cqrs';
import { TimelineEntry } from '@saydo/domain';

export class StakeholderTimelineQuery extends Query<{ stakeholderId: string; position: number; entries: TimelineEntry[] } | null> {
  constructor(readonly stakeholderId: string) {
    super();
  }
}
