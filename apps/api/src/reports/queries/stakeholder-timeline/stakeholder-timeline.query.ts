import { Query } from '@nestjs/cqrs';
import { TimelineResponse } from '../../dto/timeline.response';

export class StakeholderTimelineQuery extends Query<TimelineResponse | null> {
  constructor(readonly stakeholderId: string) {
    super();
  }
}
