import { Injectable } from '@nestjs/common';
import { ReadConsistency } from '../../shared/read-consistency';
import { AnswersInFlight } from './answers-in-flight';
import { SharedFreshRead } from './shared-fresh-read';
import { PublishedAnswers } from './published-answers';
import { ReportAnswers, SentAnswer } from './send-report';

/** The one set of answer sources every report route shares (`answerReport`): one process, one single flight. */
@Injectable()
export class ReportAnswerSources implements ReportAnswers {
  readonly inFlight = new AnswersInFlight<SentAnswer>();
  /** Every report request reads the position first, most of them only that: readers asking at once share the read. */
  private readonly position: SharedFreshRead<number>;

  constructor(
    readonly published: PublishedAnswers,
    consistency: ReadConsistency,
  ) {
    this.position = new SharedFreshRead(() => consistency.readModelPosition());
  }

  readModelPosition(): Promise<number> {
    return this.position.get();
  }
}
