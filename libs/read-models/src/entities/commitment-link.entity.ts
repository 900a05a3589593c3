import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** An editor's assessment linking one action to one commitment. Id: `<commitmentId>/<actionId>`. */
@Entity('rm_commitment_links')
export class CommitmentLinkEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'commitment_id' }) commitmentId!: string;
  @Column('text', { name: 'action_id' }) actionId!: string;
  @Column('text') relation!: string;
  @Column('text') rationale!: string;
  @Column('text', { name: 'assessed_at' }) assessedAt!: string;
  @Column('text', { name: 'assessed_precision' }) assessedPrecision!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: string;
  @Column(bigintColumn('last_position')) lastPosition!: number;
}
