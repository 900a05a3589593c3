import { ApiProperty } from '@nestjs/swagger';
import { DatedValue } from './dated';

export class TimelineEntry {
  @ApiProperty() position!: number;
  @ApiProperty() type!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: DatedValue }) occurredAt!: DatedValue;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: Object }) data!: object;
  @ApiProperty({ type: [Object] }) sources!: object[];
}

export class TimelineResponse {
  @ApiProperty() stakeholderId!: string;
  @ApiProperty({ description: 'Log position the timeline reflects' }) position!: number;
  @ApiProperty({ type: [TimelineEntry], description: 'In order of occurredAt (coarser dates first within the same start), then log position' })
  entries!: TimelineEntry[];
}
