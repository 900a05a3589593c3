import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PageErrorFilter } from '../errors/page-error.filter';
import { pageContext, permalinkOf, withTime, withWindow } from '../shared/page-context';
import { PageRequestDto } from '../shared/page-request.dto';
import { pageRequest, sendPage, validatorOf } from '../shared/page-response';
import { ReportReads } from '../shared/report-reads';
import { CommitmentCard } from './commitment-card.page';
import { CommitmentPage } from './commitment.page';

/** A commitment's dossier page and its embeddable card. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('commitments')
export class CommitmentPagesController {
  constructor(private readonly reads: ReportReads) {}

  @Get(':commitmentId')
  async page(@Param('commitmentId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const dossier = await this.reads.dossierPage(id, query);
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    return sendPage(request, reply, page, validatorOf(page.time, dossier), () => (
      <CommitmentPage ctx={ctx} dossier={dossier} permalink={permalinkOf(page.path, dossier)} json={withWindow(withTime(`/v1/commitments/${id}`, page.time), dossier.pager)} />
    ));
  }

  /** Framable on purpose (no X-Frame-Options): newsrooms embed it beside a story. */
  @Get(':commitmentId/card')
  async card(@Param('commitmentId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const dossier = await this.reads.dossier(id, query);
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    return sendPage(request, reply, page, validatorOf(page.time, dossier), () => <CommitmentCard ctx={ctx} dossier={dossier} permalink={permalinkOf(page.path, dossier)} />);
  }
}
