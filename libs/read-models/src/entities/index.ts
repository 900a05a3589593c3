import { CommitmentLinkEntity } from './commitment-link.entity';
import { CommitmentEntity } from './commitment.entity';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { StakeholderEntity } from './stakeholder.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

export { CommitmentEntity, CommitmentLinkEntity, ProjectionCheckpointEntity, StakeholderEntity, TimelineEntryEntity };

export const READ_MODEL_ENTITIES = [StakeholderEntity, CommitmentEntity, CommitmentLinkEntity, TimelineEntryEntity, ProjectionCheckpointEntity];
