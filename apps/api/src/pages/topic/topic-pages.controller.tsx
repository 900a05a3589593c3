import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isSlug, TimelineEntry } from '@saydo/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../problems/problem';
import { PageErrorFilter } from '../errors/page-error.filter';
import { translator } from '../i18n/translator';
import { atomFeed } from '../shared/atom-feed';
import { pageContext, permalinkOf, withTime, withWindow } from '../shared/page-context';
import { PageRequestDto } from '../shared/page-request.dto';
import { pageRequest, sendDocument, sendPage, validatorOf } from '../shared/page-response';
import { ReportReads } from '../shared/report-reads';
import { TopicPage } from './topic.page';

const ATOM = 'application/atom+xml';

/** A topic's side-by-side comparison and its Atom feed. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('topics')
export class TopicPagesController {
  constructor(private readonly reads: ReportReads) {}

  @Get(':topic')
  async page(@Param('topic') topic: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!isSlug(topic)) throw problems.notFound(`no topic ${topic}`);
    const comparison = await this.reads.topicPage(topic, query);
    if (comparison.page.totals.commitments === 0) throw problems.notFound(`no commitment on the topic ${topic}`);
    const page = pageRequest(request, query);
    const ctx = pageContext(page.locale, page.origin, page.path, page.time, page.search);
    return sendPage(request, reply, page, validatorOf(page.time, comparison), () => (
      <TopicPage
        ctx={ctx}
        comparison={comparison}
        permalink={permalinkOf(page.path, comparison)}
        json={withWindow(withTime(`/v1/topics/${topic}/comparison`, page.time), comparison.pager)}
        feed={{ type: ATOM, href: `/topics/${topic}/feed.atom`, title: ctx.t('feed.topic', { topic }) }}
      />
    ));
  }

  /** The topic's commitments' events, from each committed stakeholder's timeline. */
  @Get(':topic/feed.atom')
  async feed(@Param('topic') topic: string, @Query() query: PageRequestDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const comparison = await this.comparison(topic, query);
    const commitmentIds = new Set(comparison.stakeholders.flatMap((s) => s.commitments.map((c) => c.commitmentId)));
    const entries = new Map<number, TimelineEntry>();
    for (const { stakeholder } of comparison.stakeholders) {
      for (const entry of (await this.reads.timeline(stakeholder.stakeholderId, query)).entries) {
        const topics = entry.data.topics;
        if (commitmentIds.has(entry.data.commitmentId as string) || (Array.isArray(topics) && topics.includes(topic))) entries.set(entry.position, entry);
      }
    }
    const page = pageRequest(request, query);
    const t = translator(page.locale);
    const spec = { id: `${page.origin}/topics/${topic}`, title: t('feed.topic', { topic }), link: `${page.origin}/topics/${topic}`, self: `${page.origin}${page.path}` };
    return sendDocument(request, reply, page, validatorOf(page.time, comparison), `${ATOM}; charset=utf-8`, () => atomFeed(spec, [...entries.values()], t, page.locale));
  }

  private comparison(topic: string, query: PageRequestDto) {
    if (!isSlug(topic)) throw problems.notFound(`no topic ${topic}`);
    return this.reads.topic(topic, query);
  }
}
