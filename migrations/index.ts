import { CreateEventStore1763900000000 } from './1763900000000-create-event-store';
import { CreateReadModels1763900000001 } from './1763900000001-create-read-models';
import { CreateApiKeys1763900000002 } from './1763900000002-create-api-keys';
import { CreateKafkaProgress1763900000003 } from './1763900000003-create-kafka-progress';
import { AddAuditorRole1763900000004 } from './1763900000004-add-auditor-role';
import { AddAppendGroupFunction1763900000008 } from './1763900000008-add-append-group-function';
import { CommitmentTopicsEver1763900000021 } from './1763900000021-commitment-topics-ever';
import { AddRetentionIndexes1764620000000 } from './1764620000000-add-retention-indexes';
import { SlimReadModels1764700000000 } from './1764700000000-slim-read-models';
import { AddOutboxTraceparent1764800000000 } from './1764800000000-add-outbox-traceparent';
import { DropUnreadReadModelSources1764900000000 } from './1764900000000-drop-unread-read-model-sources';
import { TimelineKeyedByStakeholderPosition1764900000001 } from './1764900000001-timeline-keyed-by-stakeholder-position';
import { OutboxWithoutForeignKey1765010000000 } from './1765010000000-outbox-without-foreign-key';

/** Every migration, in order. The data source lists them explicitly (no glob), so builds and tests see the same set. */
export const MIGRATIONS = [
  CreateEventStore1763900000000, CreateReadModels1763900000001, CreateApiKeys1763900000002, CreateKafkaProgress1763900000003, AddAuditorRole1763900000004,
  AddAppendGroupFunction1763900000008, CommitmentTopicsEver1763900000021, AddRetentionIndexes1764620000000, SlimReadModels1764700000000, AddOutboxTraceparent1764800000000,
  DropUnreadReadModelSources1764900000000, TimelineKeyedByStakeholderPosition1764900000001, OutboxWithoutForeignKey1765010000000,
];
