import { CreateEventStore1763900000000 } from './1763900000000-create-event-store';
import { CreateReadModels1763900000001 } from './1763900000001-create-read-models';
import { CreateApiKeys1763900000002 } from './1763900000002-create-api-keys';
import { CreateKafkaProgress1763900000003 } from './1763900000003-create-kafka-progress';
import { AddAuditorRole1763900000004 } from './1763900000004-add-auditor-role';

/** Every migration, in order. The data source lists them explicitly (no glob), so builds and tests see the same set. */
export const MIGRATIONS = [CreateEventStore1763900000000, CreateReadModels1763900000001, CreateApiKeys1763900000002, CreateKafkaProgress1763900000003, AddAuditorRole1763900000004];
