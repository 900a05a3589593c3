import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { AnyEventDefinition, DomainError, EVENT_DEFINITIONS, findEventDefinition, Submission } from '@saydo/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { hasRole, Principal } from '../../auth/principal';
import { ListStakeholdersQuery } from '../../directory/queries/list-stakeholders/list-stakeholders.query';
import { EventSubmissionDto } from '../../events/dto/event-submission.dto';
import { eventDataErrors } from '../../events/dto/validate-event-data';
import { RecordEventsCommand } from '../../events/commands/record-events/record-events.command';
import { FieldError, ProblemException, problems } from '../../problems/problem';
import { fieldErrors } from '../../problems/validation-errors';
import { PageErrorFilter } from '../errors/page-error.filter';
import { chooseLocale } from '../i18n/locale';
import { pageContext, PageContext } from '../shared/page-context';
import { ReportReads } from '../shared/report-reads';
import { PageRequestDto } from '../shared/page-request.dto';
import { errorsByField, formFieldNames, FormValues, submissionFromForm } from './desk-form';
import { CLEARED_SESSION_COOKIE, csrfTokenMatches, DeskSession, DeskSessions, sessionCookie } from './desk-sessions';
import { DeskFacts } from './desk-facts';
import { DeskPickers } from './desk-pickers';
import { DeskPreview, Preview } from './desk-preview';
import { DeskHomePage, DeskQueue, EventFormPage, SignInPage } from './desk.page';
import { CLEARED_SIGN_IN_COOKIE, SignInCsrf } from './sign-in-csrf';

type Form = Record<string, unknown>;

/**
 * The editor desk: sign in with an API key, record facts through forms generated from the domain
 * catalogue, and work the queue of suggestions. Every write goes through the same command as
 * `POST /v1/events` (RecordEventsCommand), with the same validation and the same roles.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('desk')
export class DeskPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly keys: ApiKeysService,
    private readonly sessions: DeskSessions,
    private readonly reads: ReportReads,
    private readonly previews: DeskPreview,
    private readonly pickers: DeskPickers,
    private readonly facts: DeskFacts,
    private readonly signInCsrf: SignInCsrf,
  ) {}

  @Get()
  async home(@Query('stakeholder') stakeholder: string | undefined, @Query('recorded') recorded: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = contextOf(request);
    const signedIn = await this.signedIn(request);
    if (!signedIn) return this.signInPage(request, reply, 200);
    const { session, principal } = signedIn;
    const stakeholders = await this.stakeholders();
    const queue = stakeholder ? await this.queue(stakeholder.trim()) : null;
    const definitions = EVENT_DEFINITIONS.filter((d) => hasRole(principal, d.role));
    return send(
      reply,
      200,
      <DeskHomePage ctx={ctx} csrf={session.csrfToken} who={principal} definitions={[...definitions]} stakeholders={stakeholders} queue={queue} recorded={recorded && /^\d+$/.test(recorded) ? recorded : undefined} />,
    );
  }

  @Post('sign-in')
  @HttpCode(303)
  async signIn(@Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // Login CSRF: without the token bound to this browser's pre-session cookie, the key is not even looked at.
    if (!this.signInCsrf.matches(request.headers.cookie, body?._csrf)) return this.signInPage(request, reply, 403, 'desk.signIn.stale');
    const key = typeof body?.key === 'string' ? body.key.trim() : '';
    const principal = key ? await this.keys.authenticate(key) : null;
    if (!principal) return this.signInPage(request, reply, 401, 'desk.signIn.refused');
    const session = this.sessions.open(key);
    return reply.status(303).header('Set-Cookie', [sessionCookie(session), CLEARED_SIGN_IN_COOKIE]).header('Location', '/desk').send();
  }

  /** The sign-in form with its pre-session token (and the cookie it is bound to, when the browser has none yet). */
  private signInPage(request: FastifyRequest, reply: FastifyReply, status: number, error?: 'desk.signIn.refused' | 'desk.signIn.stale'): FastifyReply {
    const ctx = contextOf(request);
    const { token, setCookie } = this.signInCsrf.issue(request.headers.cookie);
    if (setCookie) reply.header('Set-Cookie', setCookie);
    return send(reply, status, <SignInPage ctx={ctx} csrf={token} error={error && ctx.t(error)} />);
  }

  @Post('sign-out')
  @HttpCode(303)
  async signOut(@Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const session = this.sessions.find(request.headers.cookie);
    if (session) {
      this.checkCsrf(session, body);
      this.sessions.close(session);
    }
    return reply.status(303).header('Set-Cookie', CLEARED_SESSION_COOKIE).header('Location', '/desk').send();
  }

  @Get('events/:type')
  async form(@Param('type') type: string, @Query() query: Record<string, string>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { session, definition } = await this.writable(request, type);
    const values: FormValues = Object.fromEntries(Object.entries(query).filter(([name, value]) => typeof value === 'string' && /^(data|source)\.[A-Za-z]+$|^occurredAt$/.test(name)));
    if (query.fact && /^\d{1,15}$/.test(query.fact)) Object.assign(values, await this.editorialPrefill(definition, Number(query.fact)));
    return send(reply, 200, <EventFormPage ctx={contextOf(request)} csrf={session.csrfToken} definition={definition} values={values} errors={new Map()} pickers={await this.pickers.read()} />);
  }

  @Post('events/:type')
  @HttpCode(303)
  async record(@Param('type') type: string, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { session, principal, definition } = await this.writable(request, type);
    this.checkCsrf(session, body);
    const values: FormValues = Object.fromEntries(Object.entries(body ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf'));
    const refused = (status: number, errors: FieldError[]) =>
      this.pickers.read().then((pickers) =>
        send(
          reply,
          status,
          <EventFormPage ctx={contextOf(request)} csrf={session.csrfToken} definition={definition} values={values} errors={errorsByField(errors, formFieldNames(definition.schema))} pickers={pickers} />,
        ),
      );
    try {
      const submission = await validSubmission(submissionFromForm(definition, values));
      if (body?._action === 'preview') {
        const preview = await this.previewOf(submission);
        return send(reply, 200, <EventFormPage ctx={contextOf(request)} csrf={session.csrfToken} definition={definition} values={values} errors={new Map()} pickers={await this.pickers.read()} preview={preview} />);
      }
      const outcome = await this.commands.execute(new RecordEventsCommand([submission], principal));
      return reply.status(303).header('Location', `/desk?recorded=${outcome.events[0].position}`).send();
    } catch (error) {
      // The API's problem details, shown beside the fields they name.
      if (error instanceof ProblemException && error.getStatus() < 500) return refused(error.getStatus(), error.problem.errors ?? [{ field: '', message: error.problem.detail }]);
      if (error instanceof DomainError) return refused(error.kind === 'conflict' ? 409 : 422, [{ field: '', message: error.message }]);
      throw error;
    }
  }

  /** A correction starts from the event's data as it stands; a retraction from its id. */
  private async editorialPrefill(definition: AnyEventDefinition, position: number): Promise<FormValues> {
    const fact = await this.facts.atPosition(position);
    if (!fact) throw problems.notFound(`no event at log position ${position}`);
    const values: FormValues = { 'data.eventId': fact.eventId };
    if ('data' in definition.schema) values['data.data'] = JSON.stringify(fact.data, null, 2);
    return values;
  }

  /** 'unavailable' when the fold cannot place the fact (an action the stakeholder's report does not hold, say). */
  private async previewOf(submission: Submission): Promise<Preview | null | 'unavailable'> {
    try {
      return await this.previews.preview(submission);
    } catch {
      return 'unavailable';
    }
  }

  /** The signed-in session and its key's principal; a revoked key ends the session. */
  private async signedIn(request: FastifyRequest): Promise<{ session: DeskSession; principal: Principal } | null> {
    const session = this.sessions.find(request.headers.cookie);
    if (!session) return null;
    const principal = await this.keys.authenticate(session.apiKey);
    if (!principal) {
      this.sessions.close(session);
      return null;
    }
    return { session, principal };
  }

  /** A form the signed-in key may submit: roles apply as in the API (a contributor gets no assessment form). */
  private async writable(request: FastifyRequest, type: string): Promise<{ session: DeskSession; principal: Principal; definition: AnyEventDefinition }> {
    const signedIn = await this.signedIn(request);
    if (!signedIn) throw problems.unauthorized('sign in at /desk first');
    const definition = findEventDefinition(type);
    if (!definition) throw problems.notFound(`no event type ${type}`);
    if (!hasRole(signedIn.principal, definition.role)) throw problems.forbidden(`${type} needs the ${definition.role} role; the key has ${signedIn.principal.role}`);
    return { ...signedIn, definition };
  }

  private checkCsrf(session: DeskSession, body: Form): void {
    if (!csrfTokenMatches(session, body?._csrf)) throw problems.forbidden('the form’s CSRF token is missing or stale: reload the page and submit again');
  }

  private async stakeholders(): Promise<Array<{ stakeholderId: string; name: string }>> {
    const list = await this.queries.execute(new ListStakeholdersQuery(undefined, 200, null));
    return list.items.map(({ stakeholderId, name }) => ({ stakeholderId, name }));
  }

  /** What an editor can work on for one stakeholder: suggestions, open disputes, facts to correct or retract. */
  private async queue(stakeholderId: string): Promise<DeskQueue> {
    const report = await this.reads.report(stakeholderId, new PageRequestDto());
    const timeline = await this.reads.timeline(stakeholderId, new PageRequestDto());
    return {
      stakeholderId,
      items: report.commitments.flatMap((c) => c.suggestions.map((suggestion) => ({ commitmentId: c.commitmentId, text: c.text, suggestion }))),
      disputes: report.commitments.flatMap((c) =>
        c.links.flatMap((link) => link.disputes.filter((d) => d.open).map((dispute) => ({ commitmentId: c.commitmentId, text: c.text, action: link.action.title, dispute }))),
      ),
      facts: timeline.entries.filter((e) => !e.retracted && e.type !== 'EventCorrected' && e.type !== 'EventRetracted').map((e) => ({ position: e.position, type: e.type, occurredAt: e.occurredAt.label, summary: summaryOf(e.data) })),
    };
  }
}

/** A line that tells an editor which fact this is. */
function summaryOf(data: Record<string, unknown>): string {
  for (const field of ['text', 'title', 'statement', 'name', 'rationale', 'grounds']) if (typeof data[field] === 'string') return String(data[field]).slice(0, 160);
  return String(data.commitmentId ?? data.actionId ?? data.stakeholderId ?? '');
}

/** Same envelope validation as the API's pipe, then the data against the catalogue's schema. */
async function validSubmission(raw: Record<string, unknown>): Promise<Submission> {
  const dto = plainToInstance(EventSubmissionDto, raw);
  const envelope = fieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  const errors = envelope.length ? envelope : eventDataErrors(dto, '');
  if (errors.length) throw problems.validation(errors);
  return { type: dto.type, data: dto.data as Submission['data'], occurredAt: dto.occurredAt, sources: dto.sources.map((source) => ({ ...source })) };
}

function contextOf(request: FastifyRequest): PageContext {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const locale = chooseLocale(url.searchParams.get('lang') ?? undefined, request.headers.cookie, request.headers['accept-language']);
  return pageContext(locale, url.origin, url.pathname, {}, url.searchParams);
}

/** Desk pages are private to the session: never cached. */
function send(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(`<!DOCTYPE html>${renderToString(page)}`);
}
