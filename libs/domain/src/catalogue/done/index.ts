import { capabilityRestricted } from './capability-restricted';
import { complaintFiled } from './complaint-filed';
import { contractRefused } from './contract-refused';
import { contractSigned } from './contract-signed';
import { contractTerminated } from './contract-terminated';
import { departureAnnounced } from './departure-announced';
import { incidentReported } from './incident-reported';
import { lawsuitFiled } from './lawsuit-filed';
import { positionOpened } from './position-opened';
import { productChangeRolledBack } from './product-change-rolled-back';
import { publicReactionObserved } from './public-reaction-observed';
import { statementMade } from './statement-made';

export const DONE_EVENTS = [
  contractSigned, contractRefused, contractTerminated, productChangeRolledBack, capabilityRestricted, incidentReported,
  complaintFiled, lawsuitFiled, positionOpened, departureAnnounced, statementMade, publicReactionObserved,
];
