import { Dated } from '@saydo/domain';
import { formatDated } from '../i18n/dates';
import { PageContext } from './page-context';

/** A date at its own precision, in words, with its machine value. */
export function DateText({ ctx, date }: { ctx: PageContext; date: Pick<Dated, 'value' | 'precision'> }) {
  return <time dateTime={date.value}>{formatDated(date, ctx.locale)}</time>;
}
