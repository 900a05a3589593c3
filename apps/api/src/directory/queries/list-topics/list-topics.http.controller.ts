import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadQueryDto } from '../../../shared/read-query.dto';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ListTopicsQuery, TopicListItem } from './list-topics.query';

@ApiTags('directory')
@Controller('v1/topics')
export class ListTopicsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'Every topic named by a commitment, with how many commitments and stakeholders',
    schema: {
      type: 'object',
      properties: {
        position: { type: 'number' },
        topics: { type: 'array', items: { type: 'object', properties: { topic: { type: 'string' }, commitments: { type: 'integer' }, stakeholders: { type: 'integer' } } } },
      },
    },
  })
  async list(@Query() query: ReadQueryDto): Promise<{ position: number; topics: TopicListItem[] }> {
    await this.consistency.waitForReadModels(query.waitForPosition);
    return this.queries.execute(new ListTopicsQuery());
  }
}
