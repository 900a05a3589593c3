import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadConsistency } from '../../../shared/read-consistency';
import { RecentChange, RecentChangesQuery } from './recent-changes.query';
import { RecentChangesRequestDto } from './recent-changes.request.dto';

@ApiTags('directory')
@Controller('v1/changes')
export class RecentChangesHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'The latest facts, judgements and corrections about any stakeholder, newest first',
    schema: {
      type: 'object',
      properties: {
        position: { type: 'number' },
        changes: {
          type: 'array',
          items: {
            type: 'object',
            properties: { position: { type: 'number' }, type: { type: 'string' }, streamId: { type: 'string' }, stakeholderIds: { type: 'array', items: { type: 'string' } }, occurredAt: { type: 'object' }, recordedAt: { type: 'string' }, data: { type: 'object' } },
          },
        },
      },
    },
  })
  async recent(@Query() query: RecentChangesRequestDto): Promise<{ position: number; changes: RecentChange[] }> {
    await this.consistency.waitForReadModels(query.waitForPosition);
    return this.queries.execute(new RecentChangesQuery(query.limit));
  }
}
