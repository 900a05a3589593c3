import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { chargeReportRead, enterFold } from '../../../rate-limits/report-read-admission';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse } from '../../dto/report-documentation';
import { segment } from '../../http/report-permalink';
import { pagedTimeline } from '../../http/paged-answers';
import { PagedReportRequestDto } from '../../http/paged-report.request.dto';
import { ReportAnswerSources } from '../../http/report-answer-sources';
import { plainAnswer } from '../../http/report-answer';
import { answerReport } from '../../http/send-report';
import { isPinned, positionToWaitFor } from '../stakeholder-report/stakeholder-report.request.dto';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderTimelineHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly answers: ReportAnswerSources,
  ) {}

  @Get(':stakeholderId/timeline')
  @ApiReportResponse('Every event about the stakeholder, in order of occurredAt, precision kept; retractions and corrections shown on the events they concern', {
    stakeholderId: { type: 'string' },
    entries: { type: 'array', items: { type: 'object' } },
    page: { type: 'object', description: 'This page: `offset`, `limit`, `next` (its permalink, null on the last page) and `totals.entries`' },
  })
  async timeline(
    @Param('stakeholderId') stakeholderId: string,
    @Query() query: PagedReportRequestDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const path = `/v1/stakeholders/${segment(stakeholderId)}/timeline`;
    const window = { offset: query.offset, limit: query.limit };
    await answerReport(request, reply, { path, pinned: isPinned(query), time: query, page: window }, this.answers, {
      charge: () => chargeReportRead(request),
      fold: async () => {
        const timeline = await this.queries.execute(new StakeholderTimelineQuery(stakeholderId, query, () => enterFold(request)));
        if (!timeline) throw problems.notFound(`no stakeholder ${stakeholderId}`);
        return plainAnswer(pagedTimeline(path, timeline, window));
      },
    });
  }
}
