import { OpenAPIObject } from '@nestjs/swagger';
import { EVENT_DEFINITIONS, toJsonSchema } from '@saydo/domain';

/** Name of the OpenAPI schema of an event type's data. */
export const dataSchemaName = (type: string) => `${type}Data`;

/** Adds one schema per event type, generated from the domain's declarations, with its example. */
export function addEventDataSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const definition of EVENT_DEFINITIONS) {
    const description = `${definition.description} Stream: ${definition.category === 'any' ? "the target event's" : definition.category}. Role: ${definition.role}.${definition.factual ? ' Needs at least one source.' : ''} Schema version ${definition.schemaVersion}.`;
    schemas[dataSchemaName(definition.type)] = toJsonSchema(definition.schema, definition.example as object, description) as never;
  }
  document.components.schemas = schemas;
  return document;
}
