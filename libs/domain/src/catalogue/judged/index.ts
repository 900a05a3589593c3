import { assessmentDisputed } from './assessment-disputed';
import { assessmentRecorded } from './assessment-recorded';
import { assessmentRevised } from './assessment-revised';
import { disputeResolved } from './dispute-resolved';
import { suggestionDismissed } from './suggestion-dismissed';

export const JUDGED_EVENTS = [assessmentRecorded, assessmentRevised, assessmentDisputed, disputeResolved, suggestionDismissed];
