import 'reflect-metadata';

// Nest 12 is ESM-only and unit specs run as CommonJS: its documentation decorators (OpenAPI) are
// replaced by no-ops so that the DTOs load; their class-validator rules, the ones compared here, are real.
jest.mock('@nestjs/swagger', () => ({ ApiProperty: () => () => undefined, ApiPropertyOptional: () => () => undefined }));
jest.mock('@nestjs/common', () => ({
  applyDecorators:
    (...decorators: PropertyDecorator[]) =>
    (target: object, key: string | symbol) =>
      decorators.forEach((decorate) => decorate(target, key)),
}));
import { SAYDO_EVENT_TYPES } from '@saydo/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { isValidBatch, isValidSubmission } from './envelope-fast-check';
import { EventBatchDto, EventSubmissionDto } from './event-submission.dto';

/** What the global ValidationPipe checks (whitelist, forbidNonWhitelisted, transform). */
function classValidatorAccepts(dto: new () => object, value: unknown): boolean {
  return validateSync(plainToInstance(dto, value) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0;
}

const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.double(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const date = maybe(fc.constantFrom('2026', '2026-03', '2026-03-09', '2026-03-09T10:00:00Z', '2026-03-09T10:00:00+02:00'), fc.constantFrom('2026-13', '09/03/2026', '', '2026-02-30', 'yesterday'));
const url = maybe(fc.webUrl({ validSchemes: ['http', 'https'] }), fc.constantFrom('/news/1', 'ftp://x.org/a', 'example.org', 'https://', `https://x.org/${'a'.repeat(2100)}`));
const text = (most: number) => maybe(fc.string({ minLength: 1, maxLength: Math.min(most, 40) }), fc.constantFrom('', 'x'.repeat(most + 1), '😀'.repeat(most)));
const source = fc.record(
  {
    url,
    publisher: text(200),
    title: text(500),
    publishedAt: date,
    quote: text(2000),
    language: maybe(fc.constantFrom('fr', 'en-US', 'de'), fc.constantFrom('FR', 'english', '', 'x')),
    archiveUrl: url,
    archiveSha256: maybe(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), fc.constantFrom('ABC', 'e'.repeat(63))),
    extra: junk,
  },
  { requiredKeys: [] },
);
const submission = fc.record(
  {
    type: maybe(fc.constantFrom(...SAYDO_EVENT_TYPES), fc.constantFrom('StakeholderDeleted', '', 'pledgemade')),
    data: maybe(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), junk),
    occurredAt: date,
    sources: maybe(fc.array(maybe(source, junk), { maxLength: 3 }), junk),
    expectedVersion: maybe(fc.nat(), fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.string())),
    stray: junk,
  },
  { requiredKeys: [] },
);
// Valid ones are rare among the above; these make sure the yes side is exercised as often as the no side.
const validSource = fc.record({ url: fc.webUrl({ validSchemes: ['https'] }), publisher: fc.constant('Example News'), title: fc.constant('t'), publishedAt: fc.constant('2026-03'), quote: fc.constant('q') });
const validSubmission = fc.record({ type: fc.constantFrom(...SAYDO_EVENT_TYPES), data: fc.constant({ stakeholderId: 'x' }), occurredAt: fc.constant('2026'), sources: fc.array(validSource, { maxLength: 2 }) });

describe('envelope fast check', () => {
  it('never says yes to a submission the DTO rules refuse', () => {
    fc.assert(
      fc.property(fc.oneof(submission, validSubmission, junk), (value) => {
        if (isValidSubmission(value)) expect(classValidatorAccepts(EventSubmissionDto, value)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('never says yes to a batch the DTO rules refuse', () => {
    const batch = fc.record({ events: maybe(fc.array(fc.oneof(validSubmission, submission), { maxLength: 4 }), junk), stray: junk }, { requiredKeys: [] });
    fc.assert(
      fc.property(batch, (value) => {
        if (isValidBatch(value)) expect(classValidatorAccepts(EventBatchDto, value)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('says yes to well-formed submissions and batches, so the fast path is taken', () => {
    fc.assert(
      fc.property(fc.array(validSubmission, { minLength: 1, maxLength: 5 }), (events) => {
        expect(events.every(isValidSubmission)).toBe(true);
        expect(isValidBatch({ events })).toBe(true);
      }),
    );
  });

  it('says no to what the rules refuse, whatever the field', () => {
    const ok = { type: 'PledgeMade', data: {}, occurredAt: '2026', sources: [{ url: 'https://x.org/a', publisher: 'p', title: 't', publishedAt: '2026', quote: 'q' }] };
    expect(isValidSubmission(ok)).toBe(true);
    for (const bad of [
      { ...ok, extra: 1 },
      { ...ok, type: 'Nope' },
      { ...ok, data: [] },
      { ...ok, occurredAt: '2026-13' },
      { ...ok, expectedVersion: -1 },
      { ...ok, expectedVersion: 1.5 },
      { ...ok, sources: [{ ...ok.sources[0], url: '/relative' }] },
      { ...ok, sources: [{ ...ok.sources[0], quote: '' }] },
      { ...ok, sources: [{ ...ok.sources[0], extra: 'x' }] },
      { ...ok, sources: Array.from({ length: 21 }, () => ok.sources[0]) },
    ]) {
      expect(isValidSubmission(bad)).toBe(false);
      expect(classValidatorAccepts(EventSubmissionDto, bad)).toBe(false);
    }
    expect(isValidBatch({ events: [] })).toBe(false);
    expect(isValidBatch({ events: Array.from({ length: 1001 }, () => ok) })).toBe(false);
  });
});
