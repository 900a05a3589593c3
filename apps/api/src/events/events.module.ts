import { Module } from '@nestjs/common';
import { RecordEventsHandler } from './commands/record-events/record-events.handler';
import { EventsHttpController } from './commands/record-events/events.http.controller';
import { ReadLogHandler } from './queries/read-log/read-log.handler';
import { ReadLogHttpController } from './queries/read-log/read-log.http.controller';
import { ReadStreamHandler } from './queries/read-stream/read-stream.handler';
import { ReadStreamHttpController } from './queries/read-stream/read-stream.http.controller';

/** Writing facts to the log, and reading the log and its streams. */
@Module({
  controllers: [EventsHttpController, ReadLogHttpController, ReadStreamHttpController],
  providers: [RecordEventsHandler, ReadLogHandler, ReadStreamHandler],
})
export class EventsModule {}
