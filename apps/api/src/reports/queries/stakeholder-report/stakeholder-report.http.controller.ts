import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { chargeReportRead, enterFold } from '../../../rate-limits/report-read-admission';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse, COMMITMENT_PROPERTIES } from '../../dto/report-documentation';
import { segment } from '../../http/report-permalink';
import { reportPageAnswer } from '../../http/report-page-answer';
import { PagedReportRequestDto } from '../../http/paged-report.request.dto';
import { ReportAnswerSources } from '../../http/report-answer-sources';
import { answerReport } from '../../http/send-report';
import { StakeholderReportQuery } from './stakeholder-report.query';
import { isPinned, positionToWaitFor } from './stakeholder-report.request.dto';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderReportHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly answers: ReportAnswerSources,
  ) {}

  @Get(':stakeholderId/report')
  @ApiReportResponse("The stakeholder's say-do report", {
    stakeholder: { type: 'object' },
    commitments: { type: 'array', items: { type: 'object', properties: COMMITMENT_PROPERTIES } },
    unlinkedActions: { type: 'array', items: { type: 'object' } },
    reactions: { type: 'array', items: { type: 'object' } },
    policies: { type: 'array', items: { type: 'object' } },
    retractions: { type: 'array', items: { type: 'object' } },
    corrections: { type: 'array', items: { type: 'object' } },
    page: { type: 'object', description: 'This page: `offset`, `limit`, `next` (its permalink, null on the last page) and `totals` (each paged list\'s whole length)' },
    summary: { type: 'object', description: 'Counts by status, the say-do figure with its denominator, suggestions, open disputes, withdrawals' },
  })
  async report(
    @Param('stakeholderId') stakeholderId: string,
    @Query() query: PagedReportRequestDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const path = `/v1/stakeholders/${segment(stakeholderId)}/report`;
    const window = { offset: query.offset, limit: query.limit };
    await answerReport(request, reply, { path, pinned: isPinned(query), time: query, page: window }, this.answers, {
      charge: () => chargeReportRead(request),
      fold: async () => {
        const report = await this.queries.execute(new StakeholderReportQuery(stakeholderId, query, () => enterFold(request)));
        if (!report) throw problems.notFound(`no stakeholder ${stakeholderId}`);
        return reportPageAnswer(path, report, window);
      },
    });
  }
}
