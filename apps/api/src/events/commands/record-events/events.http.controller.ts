import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags, ApiPayloadTooLargeResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Submission } from '@saydo/domain';
import { AppendOutcome } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { Principal } from '../../../auth/principal';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { problems } from '../../../problems/problem';
import { AppendedBatchResponse, AppendedEventResponse } from '../../dto/appended-event.response';
import { EventBatchDto, EventSubmissionDto } from '../../dto/event-submission.dto';
import { eventDataErrors } from '../../dto/validate-event-data';
import { oversizedEvents } from './event-size';
import { RecordEventsCommand } from './record-events.command';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

@ApiTags('events')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the original answer again; same key, other body: 422.' })
@ApiConflictResponse({ description: 'Expected version mismatch (with currentVersion) or a fact that conflicts with the record' })
@ApiUnprocessableEntityResponse({ description: 'A rule of the record is broken, or the idempotency key was used for another body' })
@ApiPayloadTooLargeResponse({ description: 'An event is over MAX_EVENT_BYTES of JSON (event-too-large), or the body over the request limit' })
@RequiresRole('contributor')
@Controller('v1')
export class EventsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Post('events')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AppendedEventResponse })
  async submit(
    @Body() body: EventSubmissionDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppendedEventResponse> {
    const outcome = await this.record([body], '', principal, idempotencyKey, reply);
    return outcome.events[0];
  }

  @Post('event-batches')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AppendedBatchResponse, description: 'All events appended, one result each, in order' })
  async submitBatch(
    @Body() body: EventBatchDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppendedBatchResponse> {
    const outcome = await this.record(body.events, 'events', principal, idempotencyKey, reply);
    return { events: outcome.events };
  }

  private async record(
    submissions: EventSubmissionDto[],
    path: string,
    principal: Principal,
    idempotencyKey: string | undefined,
    reply: FastifyReply,
  ): Promise<AppendOutcome> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw problems.validation([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 200 characters of A-Z a-z 0-9 . _ : -' }]);
    }
    // Before validation: one size for an event everywhere (the relay and the topic are sized from it).
    const oversized = oversizedEvents(submissions, path, this.config.MAX_EVENT_BYTES);
    if (oversized.length > 0) throw problems.eventTooLarge(oversized, this.config.MAX_EVENT_BYTES);
    const errors = submissions.flatMap((submission, index) => eventDataErrors(submission, path ? `${path}[${index}].` : ''));
    if (errors.length > 0) throw problems.validation(errors);
    const outcome = await this.commands.execute(new RecordEventsCommand(submissions.map(toSubmission), principal, idempotencyKey));
    if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
    return outcome;
  }
}

function toSubmission(dto: EventSubmissionDto): Submission {
  return {
    type: dto.type,
    data: dto.data as Submission['data'],
    occurredAt: dto.occurredAt,
    sources: dto.sources.map((source) => ({ ...source })),
    ...(dto.expectedVersion !== undefined ? { expectedVersion: dto.expectedVersion } : {}),
  };
}
