import { ApiProperty } from '@nestjs/swagger';

export class AppendedEventResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'commitment-openai-no-domestic-surveillance' }) streamId!: string;
  @ApiProperty({ example: 1 }) streamVersion!: number;
  @ApiProperty({ description: 'Position in the global log', example: 42 }) position!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'SHA-256 chaining this event to the previous one', example: 'a3f1…' }) hash!: string;
}

export class AppendedBatchResponse {
  @ApiProperty({ type: [AppendedEventResponse] }) events!: AppendedEventResponse[];
}
