import { field } from '../../schema/field-spec';
import { INCIDENT_SEVERITIES } from '../vocabulary';
import { defineAction } from './action-base';

export const incidentReported = defineAction<{ severity: (typeof INCIDENT_SEVERITIES)[number] }>({
  type: 'IncidentReported',
  description: 'An incident involving the stakeholder was reported.',
  schema: { severity: field.enumOf('How serious', INCIDENT_SEVERITIES) },
  example: { actionId: 'data-leak-2025', stakeholderId: 'acme', counterpartyIds: [], title: 'Customer data exposed', topics: ['privacy'], severity: 'high' },
});
