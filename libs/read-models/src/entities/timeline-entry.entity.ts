import { Entity, PrimaryColumn, PrimaryColumnOptions } from 'typeorm';
import { bigintColumn } from './bigint-column';

/**
 * One event indexed under one stakeholder it is about: reports read only `(stakeholder_id,
 * position)` and fold the event itself from the log, so that pair is the whole row and its key.
 * `id` (`<stakeholderId>@<position>`) and `lastPosition` exist only in memory, for the applier
 * (a write-once projection's rows never change, so no row needs to remember what touched it).
 */
@Entity('rm_timeline_entries')
export class TimelineEntryEntity {
  @PrimaryColumn('text', { name: 'stakeholder_id' }) stakeholderId!: string;
  @PrimaryColumn({ ...bigintColumn('position'), primary: true } as PrimaryColumnOptions) position!: number;
  id!: string;
  lastPosition!: number;
}
