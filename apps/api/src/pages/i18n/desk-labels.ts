import { AnyEventDefinition, FieldSpec } from '@saydo/domain';
import { en, MessageKey } from './messages.en';
import { Translate } from './translator';

const isKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

/** The entry for this field of this event type, else the field's entry shared by every type; null when the catalogue has neither. */
function fieldKey(kind: 'label' | 'help', type: string, field: string): MessageKey | null {
  const specific = `desk.${kind}.${type}.${field}`;
  if (isKey(specific)) return specific;
  const shared = `desk.${kind}.${field}`;
  return isKey(shared) ? shared : null;
}

/** The catalogue keys a desk form uses for one event type: spec-tested so a new type cannot ship untranslated. */
export function deskKeysOf(definition: AnyEventDefinition): Array<MessageKey | null> {
  return [
    isKey(`event.${definition.type}`) ? (`event.${definition.type}` as MessageKey) : null,
    isKey(`desk.about.${definition.type}`) ? (`desk.about.${definition.type}` as MessageKey) : null,
    ...Object.entries(definition.schema).flatMap(([field, spec]) => [
      fieldKey('label', definition.type, field),
      fieldKey('help', definition.type, field),
      ...(spec.kind === 'enum' ? spec.values.map((value) => valueKey(field, value)) : []),
    ]),
  ];
}

const valueKey = (field: string, value: string): MessageKey | null => (isKey(`desk.value.${field}.${value}`) ? (`desk.value.${field}.${value}` as MessageKey) : null);

// Should an entry be missing after all, the form still works: the field's name and the domain's English description.

/** What the event type is for, in the reader's language. */
export const eventPurpose = (t: Translate, definition: AnyEventDefinition) => (isKey(`desk.about.${definition.type}`) ? t(`desk.about.${definition.type}` as MessageKey) : definition.description);

export function fieldLabel(t: Translate, type: string, field: string): string {
  const key = fieldKey('label', type, field);
  return key ? t(key) : field;
}

export function fieldHelp(t: Translate, type: string, field: string, spec: FieldSpec): string {
  const key = fieldKey('help', type, field);
  return key ? t(key) : spec.description;
}

/** A choice of an enum field ("Strains it", "Le met sous tension"); the code stays the submitted value. */
export function choiceLabel(t: Translate, field: string, value: string): string {
  const key = valueKey(field, value);
  return key ? t(key) : value;
}

export function sourceFieldLabel(t: Translate, name: string): string {
  return isKey(`desk.source.${name}`) ? t(`desk.source.${name}` as MessageKey) : name;
}

export function sourceFieldHint(t: Translate, name: string): string | undefined {
  return isKey(`desk.source.${name}.hint`) ? t(`desk.source.${name}.hint` as MessageKey) : undefined;
}
