import { Locale } from '../apps/api/src/pages/i18n/locale';
import { en, MessageKey } from '../apps/api/src/pages/i18n/messages.en';
import { Translate, translator } from '../apps/api/src/pages/i18n/translator';
import { SaydoClient } from './saydo-client';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The pages' own words, from their catalogue in the reader's language: "Under strain", "Sous tension", not `under_strain`. */
const wordOf = (t: Translate) => (prefix: string, code: string) => (`${prefix}.${code}` in en ? t(`${prefix}.${code}` as MessageKey) : code);

/** A page's URL in the headlines' language (the page then remembers it in its `lang` cookie). */
const pageUrl = (client: SaydoClient, path: string, locale: Locale) => client.url(locale === 'en' ? path : `${path}?lang=${locale}`);

/** A few lines from the reports themselves, in the words the pages use, each with the page to read it on. */
export async function printHeadlines(client: SaydoClient, position: number, locale: Locale = 'en'): Promise<void> {
  const t = translator(locale);
  const word = wordOf(t);
  console.log(`\n${t('demo.headlines')}`);
  for (const stakeholderId of ['openai', 'anthropic']) {
    const response = await client.read(`/v1/stakeholders/${stakeholderId}/report`, position);
    if (response.status !== 200) {
      console.log(`  ${stakeholderId}: report unavailable (${response.status})`);
      continue;
    }
    const report = response.body;
    const { sayDo } = report.summary;
    const figure = sayDo.rated ? t('report.sayDo', { honoured: sayDo.honoured, rated: sayDo.rated }) : t('report.sayDo.none');
    console.log(`  ${report.stakeholder.name}${t('colon')} ${figure}. ${t('report.suggestions', { n: report.summary.suggestions })}`.trimEnd());
    console.log(`    ${pageUrl(client, `/stakeholders/${stakeholderId}`, locale)}`);
    for (const c of report.commitments) {
      const notes = [
        t('topic.judged', { links: c.links.length }),
        c.suggestions.length ? t('demo.suggestions', { n: c.suggestions.length }) : '',
        c.citedBy.length ? t('demo.citedBy', { n: c.citedBy.length }) : '',
      ].filter(Boolean);
      console.log(`    ${word('commitment.kind', c.kind).padEnd(11)}  ${word('status', c.status).padEnd(19)} ${c.text}`);
      console.log(`                 ${notes.join(', ')}${t('colon')} ${pageUrl(client, `/commitments/${c.commitmentId}`, locale)}`);
    }
    for (const r of report.reactions) console.log(`    ${t('demo.reaction')}  ${r.title} (${r.details.figure ?? '?'} ${r.details.unit ?? ''}, ${r.details.certainty}, ${r.occurredAt.label})`);
  }
  for (const topic of ['surveillance', 'autonomous-weapons']) {
    const response = await client.read(`/v1/topics/${topic}/comparison`, position);
    if (response.status !== 200) continue;
    const side = response.body.stakeholders.map((s: any) => `${s.stakeholder.name}${t('colon')} ${s.commitments.map((c: any) => word('status', c.status)).join(', ')}`);
    console.log(`  ${t('demo.sideBySide', { topic, statuses: side.join('; ') })}`);
    console.log(`    ${pageUrl(client, `/topics/${topic}`, locale)}`);
  }
}
