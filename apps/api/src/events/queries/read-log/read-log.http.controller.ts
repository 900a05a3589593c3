import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RecordedEventResponse, toRecordedEventResponse } from '../../dto/recorded-event.response';
import { PageResponse } from '../../../shared/page.response';
import { pageLink } from '../../../shared/paging';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ReadLogQuery } from './read-log.query';
import { ReadLogRequestDto } from './read-log.request.dto';

class LogPageResponse {
  @ApiProperty({ type: [RecordedEventResponse] }) events!: RecordedEventResponse[];
  @ApiProperty({ description: 'Pass as `after` for the next page' }) nextAfter!: number;
  @ApiProperty({ description: 'Latest position of the log' }) head!: number;
  @ApiProperty({ type: PageResponse }) page!: PageResponse;
}

@ApiTags('events')
@Controller('v1/events')
export class ReadLogHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOkResponse({ type: LogPageResponse, description: 'The global log in position order' })
  async read(@Query() query: ReadLogRequestDto): Promise<LogPageResponse> {
    await this.consistency.waitForLog(query.waitForPosition);
    const { events, head } = await this.queries.execute(new ReadLogQuery(query.after, query.limit));
    const nextAfter = events.length ? events[events.length - 1].position : query.after;
    const next = nextAfter < head ? pageLink('/v1/events', { after: nextAfter, limit: query.limit }) : null;
    return { events: events.map(toRecordedEventResponse), nextAfter, head, page: { limit: query.limit, next } };
  }
}
