import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

@Entity('rm_stakeholders')
export class StakeholderEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'registered_at' }) registeredAt!: string;
  @Column('text', { name: 'registered_precision' }) registeredPrecision!: string;
  @Column(bigintColumn('last_position')) lastPosition!: number;
}
