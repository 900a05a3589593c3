import { affiliationEnded } from './affiliation-ended';
import { affiliationStarted } from './affiliation-started';
import { stakeholderRegistered } from './stakeholder-registered';
import { stakeholderRenamed } from './stakeholder-renamed';

export const STAKEHOLDER_EVENTS = [stakeholderRegistered, stakeholderRenamed, affiliationStarted, affiliationEnded];
