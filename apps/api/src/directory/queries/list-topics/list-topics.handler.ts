import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../../../reports/queries/read-model-snapshot';
import { ListTopicsQuery } from './list-topics.query';

/** Topics are those of commitments: the ones a comparison can show side by side. */
@QueryHandler(ListTopicsQuery)
export class ListTopicsHandler implements IQueryHandler<ListTopicsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute() {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const rows: Array<{ topic: string; commitments: string; stakeholders: string }> = await manager.query(
        `SELECT topic, count(*) AS commitments, count(DISTINCT stakeholder_id) AS stakeholders
           FROM rm_commitments, unnest(topics) AS topic
          GROUP BY topic ORDER BY topic`,
      );
      return { position, topics: rows.map((r) => ({ topic: r.topic, commitments: Number(r.commitments), stakeholders: Number(r.stakeholders) })) };
    });
  }
}
