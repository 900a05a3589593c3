import { Injectable } from '@nestjs/common';
import { buildSayDoReport, ReportEvent, StatusChange, statusChanges, streamIdOf, Submission } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { resolveMoment } from '../../reports/queries/report-moment';
import { inReadModelSnapshot } from '../../reports/queries/read-model-snapshot';
import { readReportEvents } from '../../reports/queries/report-events.reader';

export interface Preview {
  stakeholderId: string;
  changes: StatusChange[];
}

/**
 * Before an editor records a fact: which statuses it would change. The stakeholder's report is folded
 * by the domain's buildSayDoReport without and with the fact, on the same events the live report reads.
 * It does not apply the record's rules (the submission may still be refused when recorded).
 */
@Injectable()
export class DeskPreview {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the fact names no stakeholder or commitment to fold (editorial acts, for one). */
  preview(submission: Submission): Promise<Preview | null> {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const stakeholderId = await this.stakeholderOf(submission, (sql, params) => manager.query(sql, params));
      if (!stakeholderId) return null;
      const moment = await resolveMoment(manager, readModelPosition, {});
      const events = await readReportEvents(manager, stakeholderId, moment.position);
      const data = submission.data as Record<string, unknown>;
      const hypothetical: ReportEvent = {
        position: moment.position + 1, eventId: '00000000-0000-4000-8000-000000000000', streamId: 'preview', type: submission.type, data,
        occurredAt: submission.occurredAt, recordedAt: moment.judgedAt, sources: [...submission.sources], subjects: [stakeholderId],
      };
      const before = buildSayDoReport(stakeholderId, events, moment.judgedAt, moment.position);
      const after = buildSayDoReport(stakeholderId, [...events, hypothetical], moment.judgedAt, moment.position + 1);
      return { stakeholderId, changes: statusChanges(before, after) };
    });
  }

  /** The stakeholder the fact is about: named in its data, or the owner of the commitment it judges. */
  private async stakeholderOf(submission: Submission, query: (sql: string, params: unknown[]) => Promise<Array<{ stakeholder_id: string }>>): Promise<string | null> {
    const data = submission.data as Record<string, unknown>;
    if (typeof data.stakeholderId === 'string') return data.stakeholderId;
    if (typeof data.commitmentId !== 'string') return null;
    const [row] = await query(
      `SELECT data->>'stakeholderId' AS stakeholder_id FROM events WHERE stream_id = $1 AND type IN ('PledgeMade', 'RedLineStated') ORDER BY position LIMIT 1`,
      [streamIdOf('commitment', data.commitmentId)],
    );
    return row?.stakeholder_id ?? null;
  }
}
