import { Query } from '@nestjs/cqrs';
import { StoredEvent } from '@saydo/event-store';

export class ReadStreamQuery extends Query<{ events: StoredEvent[]; version: number }> {
  constructor(
    readonly streamId: string,
    readonly afterVersion: number,
    readonly limit: number,
  ) {
    super();
  }
}
