import { SayDoReport } from '@saydo/domain';
import { stringify } from 'csv-stringify/sync';
import { Translate } from '../i18n/translator';

/** The say-do table as CSV: codes for machines, words for people, one row per commitment. */
export function sayDoCsv(report: SayDoReport, t: Translate): string {
  return stringify(
    report.commitments.map((c) => ({
      commitment_id: c.commitmentId,
      kind: c.kind,
      text: c.text,
      stated_at: c.statedAt.value,
      status: c.status,
      status_label: t(`status.${c.status}`),
      actions: c.links.map((l) => `${l.relation}:${l.action.actionId}`).join(' '),
      unconfirmed_suggestions: c.suggestions.length,
      contested: c.contested,
      position: report.position,
    })),
    { header: true, columns: ['commitment_id', 'kind', 'text', 'stated_at', 'status', 'status_label', 'actions', 'unconfirmed_suggestions', 'contested', 'position'] },
  );
}
