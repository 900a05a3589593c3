import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatDated } from './dates';
import { chooseLocale, LOCALES } from './locale';
import { en, MessageKey } from './messages.en';
import { fr } from './messages.fr';
import { translator } from './translator';

describe('choosing the language', () => {
  it('given ?lang, it wins over the cookie and Accept-Language', () => {
    expect(chooseLocale('fr', 'lang=en', 'en-GB')).toBe('fr');
  });

  it('given a cookie left by the switch, it wins over Accept-Language', () => {
    expect(chooseLocale(undefined, 'theme=dark; lang=fr', 'en-GB,en;q=0.9')).toBe('fr');
  });

  it('given Accept-Language, the supported language of highest quality wins, regions ignored', () => {
    expect(chooseLocale(undefined, undefined, 'de-DE, fr-CH;q=0.8, en;q=0.5')).toBe('fr');
    expect(chooseLocale(undefined, undefined, 'fr;q=0.2, en-US;q=0.9')).toBe('en');
    expect(chooseLocale(undefined, undefined, 'fr;q=0, en;q=0.1')).toBe('en');
  });

  it('whatever the headers say, answers a supported language (English when nothing matches)', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (lang, cookie, accept) => {
        expect(LOCALES).toContain(chooseLocale(lang ?? undefined, cookie ?? undefined, accept ?? undefined));
      }),
    );
    expect(chooseLocale(undefined, undefined, 'de, ja')).toBe('en');
  });
});

describe('dates at their own precision', () => {
  it('says a month as a month, in each language', () => {
    expect(formatDated({ value: '2026-03', precision: 'month' }, 'en')).toBe('March 2026');
    expect(formatDated({ value: '2026-03', precision: 'month' }, 'fr')).toBe('mars 2026');
    expect(formatDated({ value: '2023', precision: 'year' }, 'fr')).toBe('2023');
    expect(formatDated({ value: '2026-03-07', precision: 'day' }, 'fr')).toBe('7 mars 2026');
    expect(formatDated({ value: '2026-03-07', precision: 'day' }, 'en')).toBe('7 March 2026');
  });

  it('never invents a day for a month, whatever the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const value = `${year}-${String(month).padStart(2, '0')}`;
        for (const locale of LOCALES) expect(formatDated({ value, precision: 'month' }, locale)).not.toMatch(/\b1(er)?\b/);
      }),
    );
  });
});

describe('message catalogues', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('have the same keys in both languages', () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
  });

  it('compile in both languages and use the same arguments', () => {
    const argumentsOf = (message: string) => [...new Set(argumentNames(new IntlMessageFormat(message, 'en').getAst() as AstNode[]))].sort();
    for (const key of keys) expect([key, argumentsOf(fr[key])]).toEqual([key, argumentsOf(en[key])]);
    const sample = { n: 2, label: 'L', name: 'X', q: 'x', topic: 't', topics: 't', date: 'd', reason: 'r', honoured: 1, rated: 3, announced: 0, unannounced: 1, commitments: 2, stakeholders: 1, links: 1, by: 'b', grounds: 'g', outcome: 'o', resolution: 'r', relation: 'r', rationale: 'r', disclosure: 'd', detail: 'd', publisher: 'p', position: 4, role: 'editor', action: 'a', commitment: 'c', stakeholder: 's', from: 'f', to: 't', pages: 3, limit: 100, statuses: 's' };
    for (const locale of LOCALES) for (const key of keys) expect(typeof translator(locale)(key, sample)).toBe('string');
  });

  it('put the denominator in words in the say-do figure', () => {
    expect(translator('en')('report.sayDo', { honoured: 2, rated: 5 })).toBe('2 of 5 rated commitments kept or held');
    expect(translator('fr')('report.sayDo', { honoured: 2, rated: 5 })).toBe('2 sur 5 engagements évalués tenus ou respectés');
    expect(translator('en')('report.sayDo', { honoured: 1, rated: 1 })).toBe('1 of 1 rated commitment kept or held');
  });
});

type AstNode = { type?: number; value?: unknown; options?: Record<string, { value: AstNode[] }> };
/** The names of a message's arguments, nested plural and select branches included. */
function argumentNames(nodes: AstNode[]): string[] {
  return nodes.flatMap((node) => [
    ...(isArgument(node) ? [node.value as string] : []),
    ...Object.values(node.options ?? {}).flatMap((option) => argumentNames(option.value)),
  ]);
}
function isArgument(node: AstNode): boolean {
  // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (0 is literal text, 7 the # sign).
  return typeof node.type === 'number' && node.type >= 1 && node.type <= 6;
}
