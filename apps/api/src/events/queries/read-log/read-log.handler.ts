import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@saydo/event-store';
import { ReadLogQuery } from './read-log.query';

@QueryHandler(ReadLogQuery)
export class ReadLogHandler implements IQueryHandler<ReadLogQuery> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ after, limit }: ReadLogQuery) {
    const [events, head] = await Promise.all([this.store.readAll(after, limit), this.store.head()]);
    return { events, head: head.position };
  }
}
