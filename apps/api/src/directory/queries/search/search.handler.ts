import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../../../reports/queries/read-model-snapshot';
import { containsPattern } from '../like-pattern';
import { SEARCH_LIMIT, SearchQuery, SearchResults } from './search.query';

@QueryHandler(SearchQuery)
export class SearchHandler implements IQueryHandler<SearchQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ q }: SearchQuery): Promise<SearchResults> {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const pattern = containsPattern(q);
      const stakeholders: Array<{ id: string; name: string; kind: string }> = await manager.query(
        `SELECT id, name, kind FROM rm_stakeholders WHERE name ILIKE $1 OR id ILIKE $1 ORDER BY name, id LIMIT $2`,
        [pattern, SEARCH_LIMIT],
      );
      const commitments: Array<{ id: string; stakeholder_id: string; kind: string; text: string; topics: string[] }> = await manager.query(
        `SELECT id, stakeholder_id, kind, text, topics FROM rm_commitments
          WHERE text ILIKE $1 OR id ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(topics) t WHERE t ILIKE $1)
          ORDER BY stakeholder_id, stated_from, id LIMIT $2`,
        [pattern, SEARCH_LIMIT],
      );
      return {
        position,
        q,
        stakeholders: stakeholders.map((s) => ({ stakeholderId: s.id, name: s.name, kind: s.kind })),
        commitments: commitments.map((c) => ({ commitmentId: c.id, stakeholderId: c.stakeholder_id, kind: c.kind, text: c.text, topics: c.topics })),
      };
    });
  }
}
