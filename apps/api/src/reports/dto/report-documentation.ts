import { ApiOkResponse } from '@nestjs/swagger';

const headers = {
  Link: { description: 'The permalink: `<...>; rel="canonical"`', schema: { type: 'string' } },
  ETag: { description: 'The contentHash, quoted; send it back in If-None-Match for a 304', schema: { type: 'string' } },
  'Cache-Control': { description: 'A year and immutable when knownAt (a position) and date are both given; a few seconds otherwise', schema: { type: 'string' } },
};

/** Every report answer says where it stands in the log and in time, and how to fetch it again. */
const MOMENT_PROPERTIES = {
  position: { type: 'number', description: 'Log position the answer reflects' },
  knownAt: { type: 'object', description: 'The position folded and when it was recorded (recordedAt null before the first event), live or not', properties: { position: { type: 'number' }, recordedAt: { type: 'string', nullable: true } } },
  judgedAt: { type: 'string', description: 'The instant due dates were judged at' },
  worldAsOf: { type: 'object', nullable: true, description: 'The asOf date asked, if any' },
  permalink: { type: 'string', description: 'Relative URL pinning knownAt (a position), date and asOf: it answers these same bytes for as long as the log exists', example: '/v1/stakeholders/openai/report?knownAt=1234&date=2026-12-01T21:00:00.000Z' },
  contentHash: { type: 'string', description: 'SHA-256 of the rest of the body' },
};

/**
 * Reports are documents folded by the domain (libs/domain/src/report/*.types.ts holds their exact
 * shape); OpenAPI describes their main members.
 */
export const ApiReportResponse = (description: string, properties: Record<string, object>) =>
  ApiOkResponse({ description, headers, schema: { type: 'object', properties: { ...properties, ...MOMENT_PROPERTIES } } });

const dated = { type: 'object', properties: { value: { type: 'string' }, precision: { type: 'string', enum: ['year', 'month', 'day', 'instant'] }, label: { type: 'string', example: 'April 2025' } } };

export const COMMITMENT_PROPERTIES = {
  commitmentId: { type: 'string' },
  kind: { type: 'string', enum: ['pledge', 'red_line'] },
  text: { type: 'string', description: 'Current text (after revisions)' },
  status: { type: 'string', enum: ['not_yet_rated', 'kept', 'partially_kept', 'broken', 'overdue', 'untested', 'held', 'under_strain', 'crossed'] },
  statedAt: dated,
  withdrawn: { type: 'object', nullable: true, description: 'disclosure (announced | unannounced) and date' },
  contested: { type: 'boolean', description: 'An open dispute concerns one of its links' },
  history: { type: 'array', items: { type: 'object' }, description: 'Stated, reaffirmed, revised, withdrawn, with dates and sources' },
  links: { type: 'array', items: { type: 'object' }, description: "Editors' assessments: relation, rationale, contested, disputes, revisions, the action with its date and sources" },
  suggestions: { type: 'array', items: { type: 'object' }, description: 'Automatic: actions of the stakeholder on the same topics, not judged yet (relation strains, matchingTopics)' },
  citedBy: { type: 'array', items: { type: 'object' }, description: 'Departures that invoke the commitment' },
};
