import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadConsistency } from '../../../shared/read-consistency';
import { SearchQuery, SearchResults } from './search.query';
import { SearchRequestDto } from './search.request.dto';

@ApiTags('directory')
@Controller('v1/search')
export class SearchHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'Stakeholders (name, id) and commitments (text, id, topics) containing the words, at most 25 of each',
    schema: {
      type: 'object',
      properties: {
        position: { type: 'number' },
        q: { type: 'string' },
        stakeholders: { type: 'array', items: { type: 'object', properties: { stakeholderId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } } } },
        commitments: {
          type: 'array',
          items: { type: 'object', properties: { commitmentId: { type: 'string' }, stakeholderId: { type: 'string' }, kind: { type: 'string' }, text: { type: 'string' }, topics: { type: 'array', items: { type: 'string' } } } },
        },
      },
    },
  })
  async search(@Query() query: SearchRequestDto): Promise<SearchResults> {
    await this.consistency.waitForReadModels(query.waitForPosition);
    return this.queries.execute(new SearchQuery(query.q));
  }
}
