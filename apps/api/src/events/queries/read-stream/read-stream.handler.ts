import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@saydo/event-store';
import { ReadStreamQuery } from './read-stream.query';

@QueryHandler(ReadStreamQuery)
export class ReadStreamHandler implements IQueryHandler<ReadStreamQuery> {
  constructor(private readonly store: PostgresEventStore) {}

  execute({ streamId, afterVersion, limit }: ReadStreamQuery) {
    return this.store.readStreamPage(streamId, afterVersion, limit);
  }
}
