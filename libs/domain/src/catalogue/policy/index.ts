import { policyChanged } from './policy-changed';
import { policyPublished } from './policy-published';

export const POLICY_EVENTS = [policyPublished, policyChanged];
