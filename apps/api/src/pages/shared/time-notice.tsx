import { formatDated } from '../i18n/dates';
import { PageContext } from './page-context';

/** Says plainly when the page is not "now": the world as of a date, the record as of a position. */
export function TimeNotice({ ctx, position, worldAsOf }: { ctx: PageContext; position: number; worldAsOf: { value: string; precision: string } | null | undefined }) {
  const { t } = ctx;
  return (
    <>
      {worldAsOf && (
        <p class="notice" role="note">
          {t('asof.showing.world', { date: formatDated(worldAsOf as { value: string; precision: 'year' | 'month' | 'day' | 'instant' }, ctx.locale) })}
        </p>
      )}
      {ctx.time.knownAt && (
        <p class="notice" role="note">
          {t('asof.showing.known', { position })}
        </p>
      )}
    </>
  );
}
