import { parsePartialDate } from '../shared/partial-date';
import { isSlug } from '../shared/slug';
import { DataSchema, FieldSpec } from './field-spec';

export interface DataError {
  field: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks data against its schema: every declared field, and no undeclared one. Fields are looked
 * up as own properties only: `constructor`, `toString` or `__proto__` are unknown fields like any
 * other, never mistaken for what every object inherits.
 */
export function validateData(schema: DataSchema, data: unknown, path: string): DataError[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [{ field: path, message: `${path} must be an object` }];
  const record = data as Record<string, unknown>;
  const errors: DataError[] = Object.keys(record)
    .filter((key) => !Object.hasOwn(schema, key))
    .map((key) => ({ field: `${path}.${key}`, message: `unknown field ${path}.${key}` }));
  for (const [name, spec] of Object.entries(schema)) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    const fieldPath = `${path}.${name}`;
    if (value === undefined || value === null) {
      if (!spec.optional) errors.push({ field: fieldPath, message: `${fieldPath} is required` });
      continue;
    }
    const problem = checkValue(spec, value);
    if (problem) errors.push({ field: fieldPath, message: `${fieldPath} ${problem}` });
  }
  return errors;
}

function checkValue(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'slug':
      return typeof value === 'string' && isSlug(value) ? null : 'must be a slug: lowercase letters, digits and dashes';
    case 'slugs':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && isSlug(item))) return 'must be a list of slugs';
      if (value.length > spec.maxItems) return `must have at most ${spec.maxItems} items`;
      if (value.length < (spec.minItems ?? 0)) return `must have at least ${spec.minItems} item(s)`;
      return null;
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= spec.maxLength ? null : `must be a non-empty text of at most ${spec.maxLength} characters`;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `must be one of: ${spec.values.join(', ')}`;
    case 'date':
      return typeof value === 'string' && parsePartialDate(value) ? null : 'must be a date as precise as known: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 instant';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) ? null : `must be a number${spec.min !== undefined ? ` of at least ${spec.min}` : ''}`;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'must be a UUID';
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? null : 'must be an object';
    default: {
      const exhaustive: never = spec;
      return exhaustive;
    }
  }
}
