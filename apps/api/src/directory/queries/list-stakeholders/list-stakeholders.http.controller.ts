import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ListStakeholdersQuery, StakeholderListItem } from './list-stakeholders.query';
import { ListStakeholdersRequestDto } from './list-stakeholders.request.dto';
import { decodeCursor, encodeCursor } from './stakeholder-cursor';

const STATUS_COUNTS = { type: 'object', additionalProperties: { type: 'integer' }, example: { crossed: 1, under_strain: 2 } };

@ApiTags('directory')
@Controller('v1/stakeholders')
export class ListStakeholdersHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'Stakeholders by name, searchable and paged, with their commitments counted by status (due dates judged now)',
    schema: {
      type: 'object',
      properties: {
        position: { type: 'number', description: 'Log position the answer reflects' },
        items: {
          type: 'array',
          items: { type: 'object', properties: { stakeholderId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, commitments: { type: 'integer' }, byStatus: STATUS_COUNTS } },
        },
        next: { type: 'string', nullable: true, description: 'Link to the next page, null on the last' },
      },
    },
  })
  async list(@Query() query: ListStakeholdersRequestDto): Promise<{ position: number; items: StakeholderListItem[]; next: string | null }> {
    const after = query.after === undefined ? null : decodeCursor(query.after);
    if (query.after !== undefined && !after) throw problems.validation([{ field: 'after', message: 'after must be a cursor taken from a `next` link' }]);
    await this.consistency.waitForReadModels(query.waitForPosition);
    const { position, items, nextCursor } = await this.queries.execute(new ListStakeholdersQuery(query.q, query.limit, after));
    return { position, items, next: nextCursor && `/v1/stakeholders?${nextPageParams(query, encodeCursor(nextCursor))}` };
  }
}

function nextPageParams(query: ListStakeholdersRequestDto, cursor: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  params.set('limit', String(query.limit));
  params.set('after', cursor);
  return params.toString();
}
