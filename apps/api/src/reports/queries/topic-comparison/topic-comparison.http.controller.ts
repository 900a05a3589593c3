import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { isSlug } from '@saydo/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import { chargeReportRead, enterFold } from '../../../rate-limits/report-read-admission';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse } from '../../dto/report-documentation';
import { segment } from '../../http/report-permalink';
import { pagedComparison } from '../../http/paged-answers';
import { PagedReportRequestDto } from '../../http/paged-report.request.dto';
import { ReportAnswerSources } from '../../http/report-answer-sources';
import { plainAnswer } from '../../http/report-answer';
import { answerReport } from '../../http/send-report';
import { isPinned, positionToWaitFor } from '../stakeholder-report/stakeholder-report.request.dto';
import { TopicComparisonQuery } from './topic-comparison.query';

@ApiTags('reports')
@Controller('v1/topics')
export class TopicComparisonHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly answers: ReportAnswerSources,
  ) {}

  @Get(':topic/comparison')
  @ApiReportResponse("Every stakeholder's commitments on the topic, side by side with their statuses, a page of commitments at a time", {
    topic: { type: 'string' },
    stakeholders: {
      type: 'array',
      description: "This page's commitments (`offset`/`limit` count commitments, stakeholders by id, each one's in its report's order), grouped under their stakeholder: one whose commitments straddle two pages is on both",
      items: { type: 'object', properties: { stakeholder: { type: 'object' }, commitments: { type: 'array', items: { type: 'object' } } } },
    },
    page: {
      type: 'object',
      description: 'This page: `offset`, `limit`, `next` (its permalink, null on the last page) and `totals` (`stakeholders` and `commitments` of the whole comparison)',
      properties: {
        offset: { type: 'number' },
        limit: { type: 'number' },
        next: { type: 'string', nullable: true },
        totals: { type: 'object', properties: { stakeholders: { type: 'number' }, commitments: { type: 'number' } } },
      },
    },
  })
  async compare(@Param('topic') topic: string, @Query() query: PagedReportRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!isSlug(topic)) throw problems.validation([{ field: 'topic', message: 'topic must be a slug: lowercase letters, digits and dashes' }]);
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const path = `/v1/topics/${segment(topic)}/comparison`;
    const window = { offset: query.offset, limit: query.limit };
    await answerReport(request, reply, { path, pinned: isPinned(query), time: query, page: window }, this.answers, {
      charge: () => chargeReportRead(request),
      fold: async () => {
        const comparison = await this.queries.execute(new TopicComparisonQuery(topic, query, () => enterFold(request)));
        return plainAnswer(pagedComparison(path, comparison, window));
      },
    });
  }
}
