import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { contentHash } from '@saydo/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ListStakeholdersQuery } from '../../directory/queries/list-stakeholders/list-stakeholders.query';
import { decodeCursor, encodeCursor } from '../../directory/queries/list-stakeholders/stakeholder-cursor';
import { ListTopicsQuery } from '../../directory/queries/list-topics/list-topics.query';
import { RecentChangesQuery } from '../../directory/queries/recent-changes/recent-changes.query';
import { SearchQuery } from '../../directory/queries/search/search.query';
import { problems } from '../../problems/problem';
import { ReadConsistency } from '../../shared/read-consistency';
import { PageErrorFilter } from '../errors/page-error.filter';
import { pageContext } from '../shared/page-context';
import { liveTag, pageRequest, sendPage } from '../shared/page-response';
import { HomeRequestDto } from './home-request.dto';
import { HomePage } from './home.page';

const PAGE_SIZE = 20;

/** The home page: always live (it lists what exists now), through the directory's query handlers. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller()
export class HomePagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  async home(@Query() query: HomeRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const after = query.after === undefined ? null : decodeCursor(query.after);
    if (query.after !== undefined && !after) throw problems.validation([{ field: 'after', message: 'after must be a cursor taken from a `next` link' }]);
    await this.consistency.waitForReadModels(query.waitForPosition);
    const q = query.q?.trim() ?? '';
    const list = await this.queries.execute(new ListStakeholdersQuery(q || undefined, PAGE_SIZE, after));
    const { topics } = await this.queries.execute(new ListTopicsQuery());
    const { changes } = await this.queries.execute(new RecentChangesQuery(10));
    const commitments = q ? (await this.queries.execute(new SearchQuery(q))).commitments : [];
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    const nextParams = new URLSearchParams();
    if (q) nextParams.set('q', q);
    if (list.nextCursor) nextParams.set('after', encodeCursor(list.nextCursor));
    const body = { stakeholders: list.items, topics, changes, commitments };
    return sendPage(request, reply, page, { pinned: false, tag: liveTag(list.position) }, () => (
      <HomePage
        ctx={ctx}
        q={q}
        stakeholders={list.items}
        next={list.nextCursor ? `/?${nextParams}` : null}
        paged={after !== null}
        commitments={commitments}
        topics={topics}
        changes={changes}
        position={list.position}
        contentHash={contentHash(body)}
      />
    ));
  }
}
