import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLEDGE_STATUSES, RED_LINE_STATUSES } from '@saydo/domain';
import { DatedValue } from './dated';

export class ReportStakeholder {
  @ApiProperty() stakeholderId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['organization', 'person', 'government'] }) kind!: string;
}

export class ReportAction {
  @ApiProperty() actionId!: string;
  @ApiProperty({ example: 'ContractSigned' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The actor' }) stakeholderId!: string;
  @ApiProperty({ type: [String] }) counterpartyIds!: string[];
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ type: DatedValue }) occurredAt!: DatedValue;
  @ApiProperty({ type: [Object] }) sources!: object[];
}

export class ReportLink {
  @ApiProperty({ enum: ['fulfils', 'partially_fulfils', 'strains', 'contradicts'] }) relation!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ type: DatedValue, description: 'When the assessment was made' }) assessedAt!: DatedValue;
  @ApiProperty({ type: ReportAction }) action!: ReportAction;
}

export class ReportCommitment {
  @ApiProperty() commitmentId!: string;
  @ApiProperty({ enum: ['pledge', 'red_line'] }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiPropertyOptional({ nullable: true }) dueBy!: string | null;
  @ApiProperty({ type: DatedValue }) statedAt!: DatedValue;
  @ApiProperty({ type: [Object] }) sources!: object[];
  @ApiProperty({ enum: [...PLEDGE_STATUSES, ...RED_LINE_STATUSES] }) status!: string;
  @ApiProperty({ type: [ReportLink] }) links!: ReportLink[];
}

export class SayDoFigureResponse {
  @ApiProperty() honoured!: number;
  @ApiProperty() partiallyHonoured!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() underStrain!: number;
  @ApiProperty({ description: 'The denominator' }) rated!: number;
  @ApiProperty() unrated!: number;
  @ApiProperty({ nullable: true, type: Number }) ratio!: number | null;
  @ApiProperty({ example: '1 of 2 rated commitments honoured (0 awaiting a verdict)' }) statement!: string;
}

export class ReportSummary {
  @ApiProperty() total!: number;
  @ApiProperty({ type: Object, description: 'Count of commitments by status' }) byStatus!: Record<string, number>;
  @ApiProperty({ type: SayDoFigureResponse }) sayDo!: SayDoFigureResponse;
}

export class StakeholderReportResponse {
  @ApiProperty({ type: ReportStakeholder }) stakeholder!: ReportStakeholder;
  @ApiProperty({ format: 'date-time', description: 'The date statuses are judged at (due dates)' }) asOf!: string;
  @ApiProperty({ description: 'Log position the report reflects' }) position!: number;
  @ApiProperty({ type: [ReportCommitment] }) commitments!: ReportCommitment[];
  @ApiProperty({ type: [ReportAction], description: "Actions involving the stakeholder not linked to any of its commitments" }) unlinkedActions!: ReportAction[];
  @ApiProperty({ type: ReportSummary }) summary!: ReportSummary;
}
