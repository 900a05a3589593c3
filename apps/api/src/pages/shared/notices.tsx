import { EditorialNote } from '@saydo/domain';
import { formatDated } from '../i18n/dates';
import { PageContext } from './page-context';

/** Corrections and retractions are part of the record: shown as notices, never silently applied. */
export function EditorialNotices({ ctx, retractions, corrections }: { ctx: PageContext; retractions: readonly EditorialNote[]; corrections: readonly EditorialNote[] }) {
  if (retractions.length + corrections.length === 0) return null;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{ctx.t('notices.title')}</h2>
      {retractions.map((note) => (
        <p class="notice" role="note" data-notice="retraction">
          <strong aria-hidden="true">⚠ </strong>
          {ctx.t('notice.retracted', { date: formatDated(note.at, ctx.locale), reason: note.reason })}
        </p>
      ))}
      {corrections.map((note) => (
        <p class="notice" role="note" data-notice="correction">
          <strong aria-hidden="true">✎ </strong>
          {ctx.t('notice.corrected', { date: formatDated(note.at, ctx.locale), reason: note.reason })}
        </p>
      ))}
    </section>
  );
}
