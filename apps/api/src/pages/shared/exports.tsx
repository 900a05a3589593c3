import { Alternate } from './layout';
import { PageContext } from './page-context';

/** The same answer in other forms: JSON, CSV, feeds. Print uses the print stylesheet. */
export function Exports({ ctx, json, csv, feeds = [] }: { ctx: PageContext; json: string; csv?: string; feeds?: Alternate[] }) {
  const { t } = ctx;
  return (
    <nav class="exports" aria-label={t('export.title')}>
      <h2>{t('export.title')}</h2>
      <ul class="counts">
        <li>
          <a href={json} type="application/json">
            {t('export.json')}
          </a>
        </li>
        {csv && (
          <li>
            <a href={csv} type="text/csv">
              {t('export.csv')}
            </a>
          </li>
        )}
        {feeds.map((feed) => (
          <li>
            <a href={feed.href} type={feed.type}>
              {t('export.atom')}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
