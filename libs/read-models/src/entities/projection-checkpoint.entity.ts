import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** How far in the log each projection has applied; written in the same transaction as its rows. */
@Entity('projection_checkpoints')
export class ProjectionCheckpointEntity {
  @PrimaryColumn('text') name!: string;
  @Column(bigintColumn('position')) position!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
