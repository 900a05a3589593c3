/** Closed vocabularies shared by event types and reports. */
export const STAKEHOLDER_KINDS = ['organization', 'person', 'government'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export const ASSESSMENT_RELATIONS = ['fulfils', 'partially_fulfils', 'strains', 'contradicts'] as const;
export type AssessmentRelation = (typeof ASSESSMENT_RELATIONS)[number];

export type CommitmentKind = 'pledge' | 'red_line';

export const DISCLOSURES = ['announced', 'unannounced'] as const;
export const POLICY_CHANGE_TYPES = ['added', 'removed', 'loosened', 'tightened', 'clarified'] as const;
export const SEVERITIES = ['minor', 'moderate', 'major'] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const FIGURE_CERTAINTIES = ['reported', 'estimated', 'disputed', 'unverified'] as const;
export const DISPUTE_OUTCOMES = ['upheld', 'assessment_revised', 'rejected'] as const;
