import { inspectUntrusted, MAX_JSON_DEPTH } from './untrusted-input';
import { problems } from './problem';

/**
 * The one parser of JSON bodies (Fastify's is removed): unparsable JSON, nesting past
 * MAX_JSON_DEPTH, NUL, unpaired surrogates and `__proto__` keys are refused here, as 400
 * problems, before class-transformer recurses or PostgreSQL sees a string.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw problems.malformedJson('the body is empty; send a JSON document or no content-type');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw problems.malformedJson(error instanceof Error ? error.message : 'unparsable JSON');
  }
  const inspection = inspectUntrusted(value);
  if (inspection.tooDeep) throw problems.nestingTooDeep(MAX_JSON_DEPTH);
  if (inspection.faults.length > 0) throw problems.validation(inspection.faults);
  return value;
}
