import { EVENT_DEFINITIONS } from '@saydo/domain';
import { SOURCE_FIELDS } from '../desk/desk-form';
import { choiceLabel, deskKeysOf, fieldHelp, fieldLabel } from './desk-labels';
import { en } from './messages.en';
import { fr } from './messages.fr';
import { translator } from './translator';

const has = (catalogue: Record<string, string>, key: string) => Object.prototype.hasOwnProperty.call(catalogue, key) && catalogue[key].trim() !== '';

describe('the desk speaks both languages', () => {
  it('has, for every event type of the domain catalogue, its name, its purpose, and each field’s label, help and choices, in English and French', () => {
    const missing: string[] = [];
    for (const definition of EVENT_DEFINITIONS) {
      const keys = deskKeysOf(definition);
      if (keys.includes(null)) missing.push(`${definition.type}: ${keys.filter((k) => k === null).length} entries missing`);
      for (const key of keys.filter((k) => k !== null)) for (const [name, catalogue] of [['en', en], ['fr', fr]] as const) if (!has(catalogue, key)) missing.push(`${name} ${key}`);
    }
    for (const name of SOURCE_FIELDS) for (const catalogue of [en, fr]) if (!has(catalogue, `desk.source.${name}`)) missing.push(`desk.source.${name}`);
    expect(missing).toEqual([]);
  });

  it('keeps no form entry that no event type uses', () => {
    const used = new Set(EVENT_DEFINITIONS.flatMap((definition) => deskKeysOf(definition)));
    const formKeys = Object.keys(en).filter((key) => /^desk\.(about|label|help|value)\./.test(key));
    expect(formKeys.filter((key) => !used.has(key as never))).toEqual([]);
  });

  it('labels a field by what it means for its event type, in the reader’s language', () => {
    const [enT, frT] = [translator('en'), translator('fr')];
    const pledge = EVENT_DEFINITIONS.find((d) => d.type === 'PledgeMade')!;
    expect(fieldLabel(frT, 'PledgeMade', 'text')).toBe('Texte');
    expect(fieldHelp(enT, 'PledgeMade', 'stakeholderId', pledge.schema.stakeholderId)).toBe('Who commits');
    expect(fieldHelp(frT, 'ContractSigned', 'stakeholderId', pledge.schema.stakeholderId)).toBe('Qui a agi (pour une réaction : qui elle concerne)');
    expect(choiceLabel(frT, 'relation', 'strains')).toBe('Le met sous tension');
  });
});
