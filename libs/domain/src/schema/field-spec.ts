/**
 * The fields of an event type's data, declared once in the domain. The API validates requests
 * with them and publishes them as OpenAPI schemas, so a new event type needs no DTO class.
 */
export type FieldSpec =
  | { kind: 'slug'; description: string; optional?: boolean }
  | { kind: 'slugs'; description: string; maxItems: number; minItems?: number; optional?: boolean }
  | { kind: 'text'; description: string; maxLength: number; optional?: boolean }
  | { kind: 'enum'; description: string; values: readonly string[]; optional?: boolean }
  | { kind: 'date'; description: string; optional?: boolean }
  | { kind: 'number'; description: string; min?: number; optional?: boolean }
  | { kind: 'uuid'; description: string; optional?: boolean }
  | { kind: 'object'; description: string; optional?: boolean };

export type DataSchema = Readonly<Record<string, FieldSpec>>;

/** Length limits shared by event types. */
export const TEXT = { name: 200, title: 500, text: 5000, short: 200 } as const;
export const MAX_TOPICS = 20;
export const MAX_PARTIES = 50;

export const field = {
  slug: (description: string, optional = false): FieldSpec => ({ kind: 'slug', description, optional }),
  slugs: (description: string, maxItems: number, minItems = 0): FieldSpec => ({ kind: 'slugs', description, maxItems, minItems }),
  text: (description: string, maxLength: number = TEXT.text, optional = false): FieldSpec => ({ kind: 'text', description, maxLength, optional }),
  enumOf: (description: string, values: readonly string[], optional = false): FieldSpec => ({ kind: 'enum', description, values, optional }),
  date: (description: string, optional = false): FieldSpec => ({ kind: 'date', description, optional }),
  number: (description: string, min?: number, optional = false): FieldSpec => ({ kind: 'number', description, min, optional }),
  uuid: (description: string): FieldSpec => ({ kind: 'uuid', description }),
  object: (description: string): FieldSpec => ({ kind: 'object', description }),
  topics: (): FieldSpec => ({ kind: 'slugs', description: 'Topic slugs; commitments and actions on the same topic match', maxItems: MAX_TOPICS }),
};
