import { PageContext } from './page-context';

/** A plain GET form for both time axes: works without JavaScript, and its URL is shareable. */
export function AsOfForm({ ctx }: { ctx: PageContext }) {
  const { t, time } = ctx;
  return (
    <form class="asof inline" method="get" action={ctx.path} aria-labelledby="asof-title">
      <h2 id="asof-title">{t('asof.title')}</h2>
      <div>
        <label for="asof-world">{t('asof.world')}</label>
        <input id="asof-world" name="asOf" type="text" inputMode="numeric" placeholder="2026-02-28" value={time.asOf ?? ''} />
      </div>
      <div>
        <label for="asof-known">{t('asof.known')}</label>
        <input id="asof-known" name="knownAt" type="text" placeholder="42" value={time.knownAt ?? ''} />
      </div>
      <input type="hidden" name="lang" value={ctx.locale} />
      <button type="submit">{t('asof.submit')}</button>
      {(time.asOf || time.knownAt) && <a href={ctx.path}>{t('asof.reset')}</a>}
    </form>
  );
}
