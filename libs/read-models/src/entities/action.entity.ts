import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from './bigint-column';

/** Something a stakeholder did, with its counterparties (a report for either side shows it). */
@Entity('rm_actions')
export class ActionEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') type!: string;
  @Column('text', { name: 'stakeholder_id' }) stakeholderId!: string;
  @Column('text', { name: 'counterparty_ids', array: true }) counterpartyIds!: string[];
  @Column('text') title!: string;
  @Column('text', { array: true }) topics!: string[];
  @Column('text', { name: 'occurred_at' }) occurredAt!: string;
  @Column('text', { name: 'occurred_precision' }) occurredPrecision!: string;
  @Column('timestamptz', { name: 'occurred_from' }) occurredFrom!: string;
  @Column('jsonb') sources!: object[];
  @Column(bigintColumn('last_position')) lastPosition!: number;
}
