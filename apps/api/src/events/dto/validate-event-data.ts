import { eventDefinition } from '@saydo/domain';
import { validateData } from '@saydo/domain';
import { FieldError } from '../../problems/problem';
import { EventSubmissionDto } from './event-submission.dto';

/**
 * Second validation pass: `data` against the schema its event type declares in the domain,
 * unknown fields rejected. Errors carry their full path (`events[3].data.text`).
 */
export function eventDataErrors(submission: EventSubmissionDto, path: string): FieldError[] {
  return validateData(eventDefinition(submission.type).schema, submission.data, `${path}data`);
}
