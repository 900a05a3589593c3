import fc from 'fast-check';
import { field, TEXT } from './field-spec';
import { validateData } from './validate-data';

const schema = { stakeholderId: field.slug('The stakeholder'), name: field.text('The new name', TEXT.name) };
const valid = { stakeholderId: 'us-dod', name: 'US Department of War' };
/** What every plain object inherits: a lookup with `in` or `obj[key]` would find these. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

describe('validateData', () => {
  it('accepts the declared fields', () => {
    expect(validateData(schema, valid, 'data')).toEqual([]);
  });

  it.each([...INHERITED, 'prototype'])('rejects %p like any other unknown field', (key) => {
    // JSON.parse makes even "__proto__" an own property, as a request body would carry it.
    const data = JSON.parse(JSON.stringify({ ...valid }).replace('{', `{"${key}":1,`));
    expect(validateData(schema, data, 'data')).toEqual([{ field: `data.${key}`, message: `unknown field data.${key}` }]);
  });

  it('a declared field is read only as an own property', () => {
    const inherited = Object.create({ name: 'from the prototype' });
    inherited.stakeholderId = 'us-dod';
    expect(validateData(schema, inherited, 'data')).toEqual([{ field: 'data.name', message: 'data.name is required' }]);
  });

  it('every undeclared key is reported, whatever its name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...INHERITED), fc.string({ minLength: 1, maxLength: 20 })), (key) => {
        fc.pre(!Object.hasOwn(schema, key));
        const data = JSON.parse(`{${JSON.stringify(key)}:null,"stakeholderId":"us-dod","name":"x"}`);
        expect(validateData(schema, data, 'data').map((error) => error.field)).toEqual([`data.${key}`]);
      }),
    );
  });
});
