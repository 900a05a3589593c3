import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../../../reports/queries/read-model-snapshot';
import { containsPattern } from '../like-pattern';
import { statusCounts } from '../status-counts';
import { ListStakeholdersQuery, StakeholderList } from './list-stakeholders.query';

@QueryHandler(ListStakeholdersQuery)
export class ListStakeholdersHandler implements IQueryHandler<ListStakeholdersQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ q, limit, after }: ListStakeholdersQuery): Promise<StakeholderList> {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const rows: Array<{ id: string; name: string; kind: string; commitments: string }> = await manager.query(
        `SELECT s.id, s.name, s.kind, (SELECT count(*) FROM rm_commitments c WHERE c.stakeholder_id = s.id) AS commitments
           FROM rm_stakeholders s
          WHERE ($1::text IS NULL OR s.name ILIKE $1 OR s.id ILIKE $1)
            AND ($2::text IS NULL OR (s.name, s.id) > ($2, $3))
          ORDER BY s.name, s.id
          LIMIT $4`,
        [q?.trim() ? containsPattern(q) : null, after?.name ?? null, after?.id ?? null, limit + 1],
      );
      const page = rows.slice(0, limit);
      const counts = await statusCounts(manager, page.map((r) => r.id), new Date().toISOString());
      const last = page[page.length - 1];
      return {
        position,
        items: page.map((r) => ({ stakeholderId: r.id, name: r.name, kind: r.kind, commitments: Number(r.commitments), byStatus: counts.get(r.id)! })),
        nextCursor: rows.length > limit ? { name: last.name, id: last.id } : null,
      };
    });
  }
}
