import { dated, parsePartialDate, Source } from '@saydo/domain';
import { formatDated } from '../i18n/dates';
import { PageContext } from './page-context';

/** Sources as recorded, in their own language: the quote, the linked article, its archived copy. */
export function Sources({ ctx, sources }: { ctx: PageContext; sources: readonly object[] }) {
  if (sources.length === 0) return null;
  return (
    <ul class="sources" aria-label={ctx.t('commitment.sources')}>
      {(sources as Source[]).map((source) => (
        <li lang={source.language}>
          {source.quote && <blockquote>{source.quote}</blockquote>}
          <cite>
            <a href={source.url} hrefLang={source.language}>
              {source.title}
            </a>
          </cite>{' '}
          <span class="muted" lang={ctx.locale}>
            {ctx.t('source.published', { publisher: source.publisher, date: publishedLabel(source.publishedAt, ctx) })}
          </span>
          {source.archiveUrl && (
            <span lang={ctx.locale}>
              {' · '}
              <a href={source.archiveUrl}>{ctx.t('source.archive')}</a>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function publishedLabel(value: string, ctx: PageContext): string {
  return parsePartialDate(value) ? formatDated(dated(value), ctx.locale) : value;
}
