import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** One event as seen from one stakeholder's side. Id: `<stakeholderId>@<position>`. */
@Entity('rm_timeline_entries')
export class TimelineEntryEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'stakeholder_id' }) stakeholderId!: string;
  @Column(bigintColumn('position')) position!: number;
  @Column('text', { name: 'stream_id' }) streamId!: string;
  @Column('text') type!: string;
  @Column('text', { name: 'occurred_at' }) occurredAt!: string;
  @Column('text', { name: 'occurred_precision' }) occurredPrecision!: string;
  @Column('timestamptz', { name: 'occurred_from' }) occurredFrom!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: string;
  @Column('jsonb') data!: object;
  @Column('jsonb') sources!: object[];
  @Column(bigintColumn('last_position')) lastPosition!: number;
}
