import { ActionState } from '../action/action.decider';
import { StakeholderState } from '../stakeholder/stakeholder.decider';
import { deciderSpecification, factContext } from '../testing/decider-specification';
import { commitmentDecider } from './commitment.decider';
import { AssessmentRecorded, RedLineStated } from './commitment.events';

const spec = deciderSpecification(commitmentDecider);
const openai: StakeholderState = { status: 'registered', stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' };
const contract: ActionState = { status: 'recorded', actionId: 'dow-deal', type: 'ContractSigned', stakeholderId: 'openai', counterpartyIds: ['us-dod'], topics: ['surveillance'] };
const redLine: RedLineStated = {
  type: 'RedLineStated',
  data: { commitmentId: 'openai-no-surveillance', stakeholderId: 'openai', text: 'No domestic mass surveillance', topics: ['surveillance'] },
};
const assessment: AssessmentRecorded = {
  type: 'AssessmentRecorded',
  data: { commitmentId: 'openai-no-surveillance', actionId: 'dow-deal', relation: 'strains', rationale: 'Signed without defined guardrails' },
};
const stateRedLine = { type: 'StateRedLine' as const, data: redLine.data, context: factContext('2026-03'), stakeholder: openai };
const assess = (action: ActionState = contract) => ({ type: 'RecordAssessment' as const, data: assessment.data, context: factContext('2026-03-07'), action });

describe('commitment decider', () => {
  describe('stating', () => {
    it('states a red line of a registered stakeholder, with a month-precise date', () => {
      spec.given([]).when(stateRedLine).then([redLine]);
    });

    it('makes a pledge with a due date', () => {
      const data = { commitmentId: 'net-zero', stakeholderId: 'openai', text: 'Net zero', topics: ['climate'], dueBy: '2030' };
      spec.given([]).when({ type: 'MakePledge', data, context: factContext('2023'), stakeholder: openai }).then([{ type: 'PledgeMade', data }]);
    });

    it('refuses a commitment of a stakeholder that is not registered', () => {
      spec.given([]).when({ ...stateRedLine, stakeholder: { status: 'unknown' } }).thenRejects('stakeholder-not-registered');
    });

    it('refuses to state the same commitment id twice', () => {
      spec.given([redLine]).when(stateRedLine).thenRejects('commitment-already-stated');
    });

    it('refuses a commitment without a source', () => {
      spec.given([]).when({ ...stateRedLine, context: factContext('2026-03', { sources: [] }) }).thenRejects('source-required');
    });
  });

  describe('assessing', () => {
    it('links an existing commitment and an existing action', () => {
      spec.given([redLine]).when(assess()).then([assessment]);
    });

    it('refuses an assessment of a commitment that does not exist', () => {
      spec.given([]).when(assess()).thenRejects('commitment-not-found');
    });

    it('refuses an assessment of an action that does not exist', () => {
      spec.given([redLine]).when(assess({ status: 'unknown' })).thenRejects('action-not-found');
    });

    it('refuses a second assessment of the same action against the same commitment', () => {
      spec.given([redLine, assessment]).when(assess()).thenRejects('assessment-already-recorded');
    });
  });
});
