import { Query } from '@nestjs/cqrs';
import { StoredEvent } from '@saydo/event-store';

export class ReadStreamQuery extends Query<StoredEvent[]> {
  constructor(readonly streamId: string) {
    super();
  }
}
