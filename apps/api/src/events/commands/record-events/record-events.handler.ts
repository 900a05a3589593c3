import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { eventDefinition } from '@saydo/domain';
import { AppendOutcome, PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { hasRole, principalRef } from '../../../auth/principal';
import { problems } from '../../../problems/problem';
import { RecordEventsCommand } from './record-events.command';
import { SubmissionRecorder, WriteContentionError } from './submission-recorder';

/** Thin handler: check the roles, let the recorder decide and append, say 503 if it lost every race. */
@CommandHandler(RecordEventsCommand)
export class RecordEventsHandler implements ICommandHandler<RecordEventsCommand> {
  private readonly recorder: SubmissionRecorder;

  constructor(store: PostgresEventStore, @Inject(AppConfig) config: AppConfig) {
    this.recorder = new SubmissionRecorder(store, { limit: config.WRITE_RETRY_LIMIT, baseDelayMs: config.WRITE_RETRY_BASE_DELAY_MS });
  }

  async execute({ submissions, principal, idempotencyKey }: RecordEventsCommand): Promise<AppendOutcome> {
    for (const submission of submissions) {
      const required = eventDefinition(submission.type).role;
      if (!hasRole(principal, required)) throw problems.forbidden(`${submission.type} needs the ${required} role; the key has ${principal.role}`);
    }
    try {
      return await this.recorder.record(submissions, principalRef(principal), idempotencyKey);
    } catch (error) {
      if (error instanceof WriteContentionError) throw problems.writeContention(error.attempts, 1);
      throw error;
    }
  }
}
