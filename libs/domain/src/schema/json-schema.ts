import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../shared/slug';
import { DataSchema, FieldSpec } from './field-spec';

/** The OpenAPI (JSON Schema) form of an event type's data, with its example. */
export function toJsonSchema(schema: DataSchema, example: object, description: string): Record<string, unknown> {
  return {
    type: 'object',
    description,
    additionalProperties: false,
    required: Object.entries(schema).filter(([, spec]) => !spec.optional).map(([name]) => name),
    properties: Object.fromEntries(Object.entries(schema).map(([name, spec]) => [name, fieldSchema(spec)])),
    example,
  };
}

function fieldSchema(spec: FieldSpec): Record<string, unknown> {
  const slug = { type: 'string', pattern: SLUG_PATTERN.source, maxLength: SLUG_MAX_LENGTH };
  switch (spec.kind) {
    case 'slug':
      return { ...slug, description: spec.description };
    case 'slugs':
      return { type: 'array', items: slug, maxItems: spec.maxItems, minItems: spec.minItems ?? 0, description: spec.description };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: spec.maxLength, description: spec.description };
    case 'enum':
      return { type: 'string', enum: [...spec.values], description: spec.description };
    case 'date':
      return { type: 'string', description: `${spec.description} As precise as known: "2025", "2025-04", "2025-04-12" or an RFC 3339 instant.` };
    case 'number':
      return { type: 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}), description: spec.description };
    case 'uuid':
      return { type: 'string', format: 'uuid', description: spec.description };
    case 'object':
      return { type: 'object', description: spec.description };
    default: {
      const exhaustive: never = spec;
      return exhaustive;
    }
  }
}
