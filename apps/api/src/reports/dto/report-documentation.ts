import { ApiOkResponse } from '@nestjs/swagger';

/**
 * Reports are documents folded by the domain (libs/domain/src/report/*.types.ts holds their exact
 * shape); OpenAPI describes their main members.
 */
export const ApiReportResponse = (description: string, properties: Record<string, object>) =>
  ApiOkResponse({ description, schema: { type: 'object', properties: { position: { type: 'number', description: 'Log position the answer reflects' }, ...properties } } });

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
