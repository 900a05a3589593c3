import { formatDated } from '../i18n/dates';
import { PageContext } from './page-context';

interface CitationProps {
  ctx: PageContext;
  position: number;
  contentHash: string;
  /** Absent where the page cannot be reproduced at a past position (the home page lists what exists now). */
  permalink?: string;
  /** The instant statuses were judged at, when the page has statuses. */
  judgedAt?: string;
}

/** What the page reflects and how to get exactly it again. */
export function Citation({ ctx, position, contentHash, permalink, judgedAt }: CitationProps) {
  const { t } = ctx;
  return (
    <aside class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">{t('cite.title')}</h2>
      {ctx.time.knownAt && <p>{t('cite.pinned')}</p>}
      <dl>
        <dt>{t('cite.position')}</dt>
        <dd data-testid="position">{position}</dd>
        <dt>{t('cite.hash')}</dt>
        <dd>
          <code data-testid="content-hash">{contentHash}</code>
        </dd>
        {judgedAt && (
          <>
            <dt>{t('cite.judged')}</dt>
            <dd>
              <time dateTime={judgedAt}>{formatDated({ value: judgedAt, precision: 'instant' }, ctx.locale)}</time>
            </dd>
          </>
        )}
        {permalink && (
          <>
            <dt>{t('cite.permalink')}</dt>
            <dd>
              <a rel="bookmark" href={permalink} data-testid="permalink">
                {new URL(permalink, ctx.origin).href}
              </a>
            </dd>
          </>
        )}
      </dl>
    </aside>
  );
}
