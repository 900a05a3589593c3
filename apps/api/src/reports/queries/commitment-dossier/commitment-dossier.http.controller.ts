import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { chargeReportRead, enterFold } from '../../../rate-limits/report-read-admission';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse, COMMITMENT_PROPERTIES } from '../../dto/report-documentation';
import { segment } from '../../http/report-permalink';
import { pagedDossier } from '../../http/paged-answers';
import { PagedReportRequestDto } from '../../http/paged-report.request.dto';
import { ReportAnswerSources } from '../../http/report-answer-sources';
import { plainAnswer } from '../../http/report-answer';
import { answerReport } from '../../http/send-report';
import { isPinned, positionToWaitFor } from '../stakeholder-report/stakeholder-report.request.dto';
import { CommitmentDossierQuery } from './commitment-dossier.query';

@ApiTags('reports')
@Controller('v1/commitments')
export class CommitmentDossierHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly answers: ReportAnswerSources,
  ) {}

  @Get(':commitmentId')
  @ApiReportResponse("One commitment's full dossier: history, editors' links with disputes and revisions, suggestions, departures citing it", {
    stakeholder: { type: 'object' },
    commitment: { type: 'object', properties: COMMITMENT_PROPERTIES },
    page: { type: 'object', description: 'This page of the commitment\'s history, links, suggestions, citedBy (their whole lengths in `commitment.totals`) and of the editorial notes: `offset`, `limit`, `next`, `totals`' },
  })
  async dossier(
    @Param('commitmentId') commitmentId: string,
    @Query() query: PagedReportRequestDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const path = `/v1/commitments/${segment(commitmentId)}`;
    const window = { offset: query.offset, limit: query.limit };
    await answerReport(request, reply, { path, pinned: isPinned(query), time: query, page: window }, this.answers, {
      charge: () => chargeReportRead(request),
      fold: async () => {
        const dossier = await this.queries.execute(new CommitmentDossierQuery(commitmentId, query, () => enterFold(request)));
        if (!dossier) throw problems.notFound(`no commitment ${commitmentId}`);
        return plainAnswer(pagedDossier(path, dossier, window));
      },
    });
  }
}
