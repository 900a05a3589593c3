import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dated } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../../../reports/queries/read-model-snapshot';
import { RecentChangesQuery } from './recent-changes.query';

/** The latest recorded facts, judgements and editorial acts, newest first, as far as the read models reflect the log. */
@QueryHandler(RecentChangesQuery)
export class RecentChangesHandler implements IQueryHandler<RecentChangesQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ limit }: RecentChangesQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      // The log itself, newest first (a primary-key scan); the stakeholders are each event's own subjects.
      const rows: Array<{ position: string; type: string; stream_id: string; subjects: string[] | null; occurred_at: string; recorded_at: Date; data: Record<string, unknown> }> = await manager.query(
        `SELECT position, type, stream_id, metadata->'subjects' AS subjects, occurred_at, recorded_at, data
           FROM events WHERE position <= $1 ORDER BY position DESC LIMIT $2`,
        [position, limit],
      );
      return {
        position,
        changes: rows.map((r) => ({
          position: Number(r.position),
          type: r.type,
          streamId: r.stream_id,
          stakeholderIds: [...(r.subjects ?? [])].sort(),
          occurredAt: dated(r.occurred_at),
          recordedAt: new Date(r.recorded_at).toISOString(),
          data: r.data,
        })),
      };
    });
  }
}
