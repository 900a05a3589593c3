/** Facts of the founding case used by the end-to-end tests (see ../shared/scenarios). */
export const S5 = {
  url: 'https://www.example.org/2026/03/09/openai-robotics-head-resigns',
  publisher: 'Example News',
  title: "Caitlin Kalinowski quits OpenAI over the Pentagon agreement",
  publishedAt: '2026-03-09',
  quote: 'rushed without the guardrails defined',
};

export const registerOpenAi = { type: 'StakeholderRegistered', data: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, occurredAt: '2015-12', sources: [S5] };
export const registerDoD = {
  type: 'StakeholderRegistered', data: { stakeholderId: 'us-dod', name: 'US Department of Defense (Department of War)', kind: 'government' }, occurredAt: '1947', sources: [S5],
};
export const openAiRedLine = {
  type: 'RedLineStated',
  data: { commitmentId: 'openai-no-domestic-surveillance', stakeholderId: 'openai', text: 'Our technology will not be used for domestic mass surveillance or fully autonomous weapons', topics: ['surveillance', 'autonomous-weapons'] },
  occurredAt: '2026-03',
  sources: [S5],
};
export const classifiedAgreement = {
  type: 'ContractSigned',
  data: { actionId: 'openai-dow-classified-agreement', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Agreement to deploy models on classified networks', topics: ['defence', 'surveillance'] },
  occurredAt: '2026-02',
  sources: [S5],
};
export const strainAssessment = {
  type: 'AssessmentRecorded',
  data: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'openai-dow-classified-agreement', relation: 'strains', rationale: 'Signed in a rush, before guardrails against domestic surveillance were defined' },
  occurredAt: '2026-03-09',
  sources: [],
};
