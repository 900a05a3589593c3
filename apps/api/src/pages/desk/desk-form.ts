import { AnyEventDefinition, DataSchema, FieldSpec } from '@saydo/domain';
import { FieldError } from '../../problems/problem';

/** A submitted form: names as the form generated them (`data.actionId`, `occurredAt`, `source.url`). */
export type FormValues = Record<string, string>;

/** The fields of the one source a desk form records (the API accepts more; one is what a form needs). */
export const SOURCE_FIELDS = ['url', 'publisher', 'title', 'publishedAt', 'quote', 'language', 'archiveUrl'] as const;
const OPTIONAL_SOURCE_FIELDS = new Set(['language', 'archiveUrl']);

/** The request body `POST /v1/events` would receive for this form, so the desk goes through the same validation. */
export function submissionFromForm(definition: AnyEventDefinition, form: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(definition.schema)) {
    const raw = (form[`data.${name}`] ?? '').trim();
    if (raw === '') continue; // absent: the schema says whether that is allowed
    data[name] = fieldValue(spec, raw);
  }
  const source: Record<string, string> = {};
  for (const name of SOURCE_FIELDS) {
    const raw = (form[`source.${name}`] ?? '').trim();
    if (raw !== '') source[name] = raw;
  }
  const hasSource = Object.keys(source).length > 0;
  return { type: definition.type, data, occurredAt: (form.occurredAt ?? '').trim(), sources: hasSource ? [source] : [] };
}

function fieldValue(spec: FieldSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'slugs':
      return raw.split(/[\s,]+/).filter(Boolean);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'object':
      try {
        return JSON.parse(raw);
      } catch {
        return raw;
      }
    default:
      return raw;
  }
}

/** Where a problem's `errors[].field` shows on the form: `sources[0].url` beside `source.url`, the rest by name. */
export function formFieldOf(field: string): string {
  const source = /^sources\[0\]\.(.+)$/.exec(field);
  if (source) return `source.${source[1]}`;
  if (field === 'sources') return 'source.url';
  return field;
}

/** Errors by form field; those no field shows (the whole body, a rule of the record) under `''`. */
export function errorsByField(errors: readonly FieldError[], fieldNames: ReadonlySet<string>): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const name = formFieldOf(error.field);
    const key = fieldNames.has(name) ? name : '';
    byField.set(key, [...(byField.get(key) ?? []), key || !error.field ? error.message : `${error.field}: ${error.message}`]);
  }
  return byField;
}

/** Every field name a generated form has, to place errors. */
export function formFieldNames(schema: DataSchema): Set<string> {
  return new Set([...Object.keys(schema).map((name) => `data.${name}`), 'occurredAt', ...SOURCE_FIELDS.map((name) => `source.${name}`)]);
}

export const isOptionalSourceField = (name: string) => OPTIONAL_SOURCE_FIELDS.has(name);

export interface PickerOption {
  value: string;
  label: string;
}

/** What a form's id fields can pick from: the record's stakeholders, commitments and actions. */
export interface Pickers {
  stakeholders: PickerOption[];
  commitments: PickerOption[];
  actions: PickerOption[];
}

export type PickerKind = keyof Pickers;

/** The picker a field of the catalogue's schema gets: none for the id of something new. */
export function pickerFor(name: string, spec: FieldSpec): PickerKind | null {
  if (spec.kind !== 'slug' || /^Id (of the new|chosen)/.test(spec.description)) return null;
  if (/^(stakeholderId|organizationId|personId)$/.test(name)) return 'stakeholders';
  if (/commitmentId$/i.test(name)) return 'commitments';
  if (/actionId$/i.test(name)) return 'actions';
  return null;
}

