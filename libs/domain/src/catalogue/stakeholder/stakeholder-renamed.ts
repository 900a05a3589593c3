import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registered } from '../rules';
import { streamIdOf } from '../stream-ids';
import { StakeholderState } from '../stream-states';

export type StakeholderRenamedData = { stakeholderId: string; name: string };

/** The US Department of Defense became the Department of War: the id stays, the name changes. */
export const stakeholderRenamed = defineEvent<StakeholderRenamedData, StakeholderState>({
  type: 'StakeholderRenamed', schemaVersion: 1, family: 'stakeholder', category: 'stakeholder', role: 'contributor', factual: true,
  description: 'A stakeholder is known under a new name from this date on; earlier events keep their meaning.',
  schema: { stakeholderId: field.slug('The stakeholder'), name: field.text('The new name', TEXT.name) },
  example: { stakeholderId: 'us-dod', name: 'US Department of War' },
  streamId: (data) => streamIdOf('stakeholder', data.stakeholderId),
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    const stakeholder = registered(state, data.stakeholderId);
    if (stakeholder.name === data.name) throw new DomainError('name-unchanged', `${data.stakeholderId} is already named ${data.name}`, 'conflict');
    mustHaveHappened(context);
    mustBeSourced(context, 'StakeholderRenamed');
  },
  evolve: (state, data) => (state.status === 'registered' ? { ...state, name: data.name } : state),
  subjects: (data) => [data.stakeholderId],
});
