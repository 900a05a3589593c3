import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** A pledge or red line. `status` is the assessed status; `overdue` depends on the date and is applied when a report is read. */
@Entity('rm_commitments')
export class CommitmentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'stakeholder_id' }) stakeholderId!: string;
  @Column('text') kind!: 'pledge' | 'red_line';
  @Column('text') text!: string;
  /** The topics as they stand (corrections applied). */
  @Column('text', { array: true }) topics!: string[];
  /** Every topic it was ever stated or corrected under: what topic comparisons look owners up by, pinned or live. */
  @Column('text', { name: 'all_topics', array: true }) allTopics!: string[];
  @Column('text', { name: 'due_by', nullable: true }) dueBy!: string | null;
  @Column('text', { name: 'stated_at' }) statedAt!: string;
  @Column('text', { name: 'stated_precision' }) statedPrecision!: string;
  @Column('timestamptz', { name: 'stated_from' }) statedFrom!: string;
  @Column('text', { array: true }) relations!: string[];
  @Column('text') status!: string;
  @Column(bigintColumn('last_position')) lastPosition!: number;
}
