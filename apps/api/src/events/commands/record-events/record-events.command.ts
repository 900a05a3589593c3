import { Command } from '@nestjs/cqrs';
import { Submission } from '@saydo/domain';
import { AppendOutcome } from '@saydo/event-store';
import { Principal } from '../../../auth/principal';

/** Record one or more submitted facts, all or nothing. */
export class RecordEventsCommand extends Command<AppendOutcome> {
  constructor(
    readonly submissions: readonly Submission[],
    readonly principal: Principal,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
