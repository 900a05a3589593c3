import { EVENT_DEFINITIONS, eventDefinition } from '@saydo/domain';
import { errorsByField, formFieldNames, pickerFor, submissionFromForm } from './desk-form';

describe('desk forms generated from the catalogue', () => {
  it('turn a form into the body POST /v1/events takes: lists split, numbers parsed, empty fields left out, one source', () => {
    const form = {
      'data.actionId': 'acme-deal', 'data.stakeholderId': 'acme', 'data.counterpartyIds': 'us-dod, nsa', 'data.title': 'A deal', 'data.topics': 'privacy  defence',
      occurredAt: ' 2026-03 ', 'source.url': 'https://example.org/a', 'source.publisher': 'P', 'source.title': 'T', 'source.publishedAt': '2026-03-01', 'source.quote': 'Q', 'source.language': '',
    };
    expect(submissionFromForm(eventDefinition('ContractSigned'), form)).toEqual({
      type: 'ContractSigned',
      data: { actionId: 'acme-deal', stakeholderId: 'acme', counterpartyIds: ['us-dod', 'nsa'], title: 'A deal', topics: ['privacy', 'defence'] },
      occurredAt: '2026-03',
      sources: [{ url: 'https://example.org/a', publisher: 'P', title: 'T', publishedAt: '2026-03-01', quote: 'Q' }],
    });
    expect(submissionFromForm(eventDefinition('SuggestionDismissed'), { 'data.commitmentId': 'c', occurredAt: '2026' }).sources).toEqual([]);
  });

  it("place the API's field errors beside their fields, and the rest above the form", () => {
    const names = formFieldNames(eventDefinition('PledgeMade').schema);
    const placed = errorsByField(
      [
        { field: 'data.text', message: 'data.text is required' },
        { field: 'sources[0].url', message: 'url must be a URL' },
        { field: '', message: 'commitment acme-x is already stated' },
      ],
      names,
    );
    expect(Object.fromEntries(placed)).toEqual({ 'data.text': ['data.text is required'], 'source.url': ['url must be a URL'], '': ['commitment acme-x is already stated'] });
  });

  it('give every existing-id field of every event type a picker, and none to the id of something new', () => {
    for (const definition of EVENT_DEFINITIONS) {
      for (const [name, spec] of Object.entries(definition.schema)) {
        const kind = pickerFor(name, spec);
        if (spec.kind === 'slug' && /^Id (of the new|chosen)/.test(spec.description)) expect(kind).toBeNull();
      }
    }
    expect(pickerFor('actionId', eventDefinition('AssessmentRecorded').schema.actionId)).toBe('actions');
    expect(pickerFor('commitmentId', eventDefinition('AssessmentRecorded').schema.commitmentId)).toBe('commitments');
    expect(pickerFor('stakeholderId', eventDefinition('PledgeMade').schema.stakeholderId)).toBe('stakeholders');
    expect(pickerFor('commitmentId', eventDefinition('PledgeMade').schema.commitmentId)).toBeNull();
    expect(pickerFor('actionId', eventDefinition('ContractSigned').schema.actionId)).toBeNull();
  });
});
