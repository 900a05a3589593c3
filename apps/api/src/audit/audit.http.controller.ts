import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PostgresEventStore, verifyStoredChain } from '@saydo/event-store';
import { FastifyReply } from 'fastify';
import { Pool } from 'pg';
import { RequiresRole } from '../auth/requires-role.decorator';
import { problems } from '../problems/problem';
import { pageLink } from '../shared/paging';
import { AuditEventsRequestDto, ExportRequestDto, VerifyRequestDto } from './audit.request.dto';
import { streamExport } from './ndjson-export';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditHttpController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly pool: Pool,
  ) {}

  /** Public on purpose: publish it anywhere, it is what later proves nothing changed up to here. */
  @Get('head')
  @ApiOkResponse({ description: 'Latest position and hash of the log: an anchor to publish outside the system' })
  async head() {
    const head = await this.store.head();
    return { position: head.position, hash: head.hash, at: new Date().toISOString() };
  }

  @Get('verify')
  @ApiBearerAuth()
  @RequiresRole('auditor')
  @ApiOkResponse({ description: 'Recomputes the hash chain over the log or a range; with an anchor, proves nothing up to it changed. `firstBreak` names the first broken position' })
  verify(@Query() query: VerifyRequestDto) {
    const errors = anchorErrors(query);
    if (errors.length > 0) throw problems.validation(errors);
    const anchor = query.anchorPosition !== undefined && query.anchorHash ? { position: query.anchorPosition, hash: query.anchorHash } : undefined;
    return verifyStoredChain(this.pool, { from: query.from, to: query.to, anchor });
  }

  @Get('events')
  @ApiBearerAuth()
  @RequiresRole('auditor')
  @ApiOkResponse({ description: 'Who did what: the events a principal submitted, in log order' })
  async events(@Query() query: AuditEventsRequestDto) {
    const events = await this.store.readByPrincipal(query.principal, query.after, query.limit);
    const nextAfter = events.length ? events[events.length - 1].position : query.after;
    // A full page may have more behind it; a short one is the last.
    const next = events.length === query.limit ? pageLink('/v1/audit/events', { principal: query.principal, after: nextAfter, limit: query.limit }) : null;
    return {
      principal: query.principal,
      events: events.map((e) => ({ position: e.position, eventId: e.eventId, streamId: e.streamId, type: e.type, recordedAt: e.recordedAt, hash: e.hash })),
      nextAfter,
      page: { limit: query.limit, next },
    };
  }

  @Get('export')
  @ApiBearerAuth()
  @RequiresRole('auditor')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'The log as NDJSON, one event per line with its position, hash, principal and sources, from `after`' })
  async export(@Query() query: ExportRequestDto, @Res() reply: FastifyReply): Promise<void> {
    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    await reply.send(streamExport(this.store, query.after));
  }
}

/**
 * An anchor is checked where the verified range ends, so it must lie inside the range: an anchor
 * before `from`, half an anchor, or a `to` elsewhere would answer "valid" without comparing it.
 */
function anchorErrors(query: VerifyRequestDto): Array<{ field: string; message: string }> {
  if ((query.anchorPosition === undefined) !== (query.anchorHash === undefined)) {
    return [{ field: query.anchorHash === undefined ? 'anchorHash' : 'anchorPosition', message: 'anchorPosition and anchorHash go together' }];
  }
  if (query.anchorPosition === undefined) return [];
  const errors = [];
  if (query.from !== undefined && query.anchorPosition < query.from) {
    errors.push({ field: 'anchorPosition', message: `the anchor (${query.anchorPosition}) must not come before from (${query.from}): the range checked ends at the anchor` });
  }
  if (query.to !== undefined && query.to !== query.anchorPosition) {
    errors.push({ field: 'to', message: 'with an anchor the range ends at anchorPosition; leave out to or give the same position' });
  }
  return errors;
}
