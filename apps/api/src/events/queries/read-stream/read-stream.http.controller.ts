import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ReadQueryDto } from '../../../shared/read-query.dto';
import { RecordedEventResponse, toRecordedEventResponse } from '../../dto/recorded-event.response';
import { ReadStreamQuery } from './read-stream.query';

class StreamResponse {
  @ApiProperty({ example: 'commitment-openai-no-domestic-surveillance' }) streamId!: string;
  @ApiProperty({ description: 'Current version (number of events)' }) version!: number;
  @ApiProperty({ type: [RecordedEventResponse] }) events!: RecordedEventResponse[];
}

@ApiTags('events')
@Controller('v1/streams')
export class ReadStreamHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':streamId')
  @ApiOkResponse({ type: StreamResponse })
  async read(@Param('streamId') streamId: string, @Query() query: ReadQueryDto): Promise<StreamResponse> {
    await this.consistency.waitForLog(query.waitForPosition);
    const events = await this.queries.execute(new ReadStreamQuery(streamId));
    if (events.length === 0) throw problems.notFound(`no stream ${streamId}`);
    return { streamId, version: events[events.length - 1].streamVersion, events: events.map(toRecordedEventResponse) };
  }
}
