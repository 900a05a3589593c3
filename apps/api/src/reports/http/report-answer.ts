import { ReportMomentFields } from '../queries/report-moment';
import { publish, PublishedAnswer } from './published-answers';

/** A folded answer: the moment its permalink names, and how to serialise it under that permalink. */
export interface ReportAnswer {
  moment: ReportMomentFields;
  serialise(permalink: string): PublishedAnswer;
}

/** An answer serialised whole (`publish`). */
export function plainAnswer(body: ReportMomentFields & object): ReportAnswer {
  return { moment: body, serialise: (permalink) => publish(body, permalink) };
}
