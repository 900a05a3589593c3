import { ValidationError } from 'class-validator';
import { FieldError } from './problem';

/** Flattens class-validator's error tree into field paths (`events[2].sources[0].url`). */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    // class-validator names no property when the whole value is wrong (a body that is not an object).
    if (error.property === undefined) return [{ field: parent || 'body', message: `${parent || 'the body'} must be a JSON object` }];
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: rewordWhitelist(message, field) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function rewordWhitelist(message: string, field: string): string {
  return /should not exist/.test(message) ? `unknown field ${field}` : message;
}
