import { Pager as PagerLinks } from './answers';
import { PageContext, permalinkOf } from './page-context';

/**
 * Previous and next windows of a long page, as links that keep its pin: the JSON API's links at the
 * same log position, judged instant and world date, on this page's path. Nothing when one page holds it all.
 */
export function Pager({ ctx, pager }: { ctx: PageContext; pager: PagerLinks }) {
  const { t } = ctx;
  if (pager.offset === 0 && pager.next === null) return null;
  const pages = Math.max(1, Math.ceil(pager.total / pager.limit));
  const n = Math.min(pages, Math.floor(pager.offset / pager.limit) + 1);
  const here = (link: string) => permalinkOf(ctx.path, { permalink: link });
  return (
    <nav class="pager" aria-label={t('paging.title')}>
      <p>{t('paging.position', { n, pages })}</p>
      <ul class="counts">
        {pager.previous && (
          <li>
            <a rel="prev" href={here(pager.previous)}>
              {t('paging.previous')}
            </a>
          </li>
        )}
        {pager.next && (
          <li>
            <a rel="next" href={here(pager.next)}>
              {t('paging.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
