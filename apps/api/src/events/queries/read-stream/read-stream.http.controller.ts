import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { segment } from '../../../reports/http/report-permalink';
import { problems } from '../../../problems/problem';
import { PageResponse } from '../../../shared/page.response';
import { pageLink } from '../../../shared/paging';
import { ReadConsistency } from '../../../shared/read-consistency';
import { RecordedEventResponse, toRecordedEventResponse } from '../../dto/recorded-event.response';
import { ReadStreamQuery } from './read-stream.query';
import { ReadStreamRequestDto } from './read-stream.request.dto';

class StreamResponse {
  @ApiProperty({ example: 'commitment-openai-no-domestic-surveillance' }) streamId!: string;
  @ApiProperty({ description: 'Current version (number of events)' }) version!: number;
  @ApiProperty({ type: [RecordedEventResponse], description: 'This page of the stream, in version order' }) events!: RecordedEventResponse[];
  @ApiProperty({ type: PageResponse }) page!: PageResponse;
}

@ApiTags('events')
@Controller('v1/streams')
export class ReadStreamHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':streamId')
  @ApiOkResponse({ type: StreamResponse, description: 'One stream, paged by version: `after` (exclusive) and `limit`' })
  async read(@Param('streamId') streamId: string, @Query() query: ReadStreamRequestDto): Promise<StreamResponse> {
    await this.consistency.waitForLog(query.waitForPosition);
    const { events, version } = await this.queries.execute(new ReadStreamQuery(streamId, query.after, query.limit));
    if (version === 0) throw problems.notFound(`no stream ${streamId}`);
    const last = events.length ? events[events.length - 1].streamVersion : query.after;
    const next = last < version ? pageLink(`/v1/streams/${segment(streamId)}`, { after: last, limit: query.limit }) : null;
    return { streamId, version, events: events.map(toRecordedEventResponse), page: { limit: query.limit, next } };
  }
}
