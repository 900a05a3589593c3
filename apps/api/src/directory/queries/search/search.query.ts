import { Query } from '@nestjs/cqrs';

export interface SearchResults {
  position: number;
  q: string;
  stakeholders: Array<{ stakeholderId: string; name: string; kind: string }>;
  commitments: Array<{ commitmentId: string; stakeholderId: string; kind: string; text: string; topics: string[] }>;
}

/** At most this many of each kind: a search is for finding, the lists are for browsing. */
export const SEARCH_LIMIT = 25;

export class SearchQuery extends Query<SearchResults> {
  constructor(readonly q: string) {
    super();
  }
}
