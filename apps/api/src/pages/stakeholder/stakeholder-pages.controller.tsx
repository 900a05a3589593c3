import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PageErrorFilter } from '../errors/page-error.filter';
import { translator } from '../i18n/translator';
import { atomFeed } from '../shared/atom-feed';
import { pageContext, permalinkOf, withTime, withWindow } from '../shared/page-context';
import { PageRequestDto } from '../shared/page-request.dto';
import { pageRequest, sendDocument, sendPage, validatorOf } from '../shared/page-response';
import { ReportReads } from '../shared/report-reads';
import { TimelinePage } from '../timeline/timeline.page';
import { saidDoneByYear } from './said-done-series';
import { sayDoCsv } from './say-do-csv';
import { StakeholderPage } from './stakeholder.page';

const ATOM = 'application/atom+xml';

/** A stakeholder's page, its timeline, and their exports (CSV of the say-do table, Atom feed). */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('stakeholders')
export class StakeholderPagesController {
  constructor(private readonly reads: ReportReads) {}

  @Get(':stakeholderId')
  async page(@Param('stakeholderId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { whole, page: report } = await this.reads.reportPage(id, query);
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    const permalink = permalinkOf(page.path, report);
    return sendPage(request, reply, page, validatorOf(page.time, report), () => (
      <StakeholderPage
        ctx={ctx}
        report={report}
        series={saidDoneByYear(whole)}
        permalink={permalink}
        json={withWindow(withTime(`/v1/stakeholders/${id}/report`, page.time), report.pager)}
        csv={withTime(`/stakeholders/${id}/say-do.csv`, page.time)}
        feed={{ type: ATOM, href: `/stakeholders/${id}/feed.atom`, title: ctx.t('feed.stakeholder', { name: report.stakeholder.name }) }}
      />
    ));
  }

  @Get(':stakeholderId/say-do.csv')
  async csv(@Param('stakeholderId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const report = await this.reads.report(id, query);
    const page = pageRequest(request, query);
    reply.header('Content-Disposition', `attachment; filename="${id}-say-do-${report.position}.csv"`);
    // A live download names the URL that gives these rows for as long as the log exists.
    reply.header('Link', `<${permalinkOf(page.path, report)}>; rel="canonical"`);
    return sendDocument(request, reply, page, validatorOf(page.time, report), 'text/csv; charset=utf-8', () => sayDoCsv(report, translator(page.locale)));
  }

  @Get(':stakeholderId/feed.atom')
  async feed(@Param('stakeholderId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const [report, timeline] = [await this.reads.report(id, query), await this.reads.timeline(id, query)];
    const page = pageRequest(request, query);
    const t = translator(page.locale);
    const spec = { id: `${page.origin}/stakeholders/${id}`, title: t('feed.stakeholder', { name: report.stakeholder.name }), link: `${page.origin}/stakeholders/${id}`, self: `${page.origin}${page.path}` };
    return sendDocument(request, reply, page, validatorOf(page.time, timeline), `${ATOM}; charset=utf-8`, () => atomFeed(spec, timeline.entries, t, page.locale));
  }

  @Get(':stakeholderId/timeline')
  async timeline(@Param('stakeholderId') id: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const [report, timeline] = [await this.reads.report(id, query), await this.reads.timelinePage(id, query)];
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    return sendPage(request, reply, page, validatorOf(page.time, timeline), () => (
      <TimelinePage
        ctx={ctx}
        name={report.stakeholder.name}
        stakeholderId={id}
        timeline={timeline}
        permalink={permalinkOf(page.path, timeline)}
        json={withWindow(withTime(`/v1/stakeholders/${id}/timeline`, page.time), timeline.pager)}
        feed={{ type: ATOM, href: `/stakeholders/${id}/feed.atom`, title: ctx.t('feed.stakeholder', { name: report.stakeholder.name }) }}
      />
    ));
  }
}
