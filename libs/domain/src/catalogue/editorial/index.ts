import { eventCorrected } from './event-corrected';
import { eventRetracted } from './event-retracted';

export const EDITORIAL_EVENTS = [eventRetracted, eventCorrected];
