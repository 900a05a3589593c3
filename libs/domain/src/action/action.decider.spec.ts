import { deciderSpecification, factContext } from '../testing/decider-specification';
import { actionDecider, RecordContract } from './action.decider';
import { ContractSigned } from './action.events';

const spec = deciderSpecification(actionDecider);
const data = { actionId: 'openai-dow-classified-2026', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Classified deployment', topics: ['defence'] };
const signed: ContractSigned = { type: 'ContractSigned', data };
const registered = { registeredStakeholderIds: new Set(['openai', 'us-dod']) };
const record = (overrides: Partial<RecordContract> = {}): RecordContract => ({
  type: 'RecordContract', outcome: 'ContractSigned', data, context: factContext(), parties: registered, ...overrides,
});

describe('action decider', () => {
  it('records a signed contract between registered stakeholders', () => {
    spec.given([]).when(record()).then([signed]);
  });

  it('records a refusal as its own event type', () => {
    spec.given([]).when(record({ outcome: 'ContractRefused' })).then([{ type: 'ContractRefused', data }]);
  });

  it('refuses an action id already recorded', () => {
    spec.given([signed]).when(record()).thenRejects('action-already-recorded');
  });

  it('refuses an unregistered counterparty', () => {
    spec.given([]).when(record({ parties: { registeredStakeholderIds: new Set(['openai']) } })).thenRejects('stakeholder-not-registered');
  });

  it('refuses an actor named among its counterparties', () => {
    spec.given([]).when(record({ data: { ...data, counterpartyIds: ['openai'] } })).thenRejects('actor-is-counterparty');
  });

  it('refuses an action without a source', () => {
    spec.given([]).when(record({ context: factContext('2026-02-27', { sources: [] }) })).thenRejects('source-required');
  });
});
