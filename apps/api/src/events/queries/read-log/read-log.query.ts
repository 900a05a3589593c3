import { Query } from '@nestjs/cqrs';
import { StoredEvent } from '@saydo/event-store';

export class ReadLogQuery extends Query<{ events: StoredEvent[]; head: number }> {
  constructor(
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}
