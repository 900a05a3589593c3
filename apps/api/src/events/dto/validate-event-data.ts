import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError } from '../../problems/problem';
import { fieldErrors } from '../../problems/validation-errors';
import { EVENT_DATA_DTOS } from './event-data.dto';
import { EventSubmissionDto } from './event-submission.dto';

/**
 * Second validation pass: `data` against the DTO of the submission's type, with unknown fields
 * rejected. Returns the errors with their full path (`events[3].data.text`).
 */
export function eventDataErrors(submission: EventSubmissionDto, path: string): FieldError[] {
  const dto = EVENT_DATA_DTOS[submission.type];
  const instance = plainToInstance(dto, submission.data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  return fieldErrors(errors, `${path}data`);
}
