import { eventLabel } from '../i18n/labels';
import { ReportAction } from '@saydo/domain';
import { DateText } from '../shared/date-text';
import { PageContext } from '../shared/page-context';
import { Sources } from '../shared/sources';

/** One action: what kind of act, when, its title in the language of its sources, and the sources. */
export function ActionItem({ ctx, action }: { ctx: PageContext; action: ReportAction }) {
  const language = (action.sources as Array<{ language?: string }>).find((s) => s.language)?.language;
  return (
    <div class="action" id={`action-${action.actionId}`}>
      <p>
        <strong>{eventLabel(ctx.t, action.type)}</strong>, <DateText ctx={ctx} date={action.occurredAt} />
        {ctx.t('colon')} <span lang={language}>{action.title}</span>
      </p>
      <Sources ctx={ctx} sources={action.sources} />
    </div>
  );
}
