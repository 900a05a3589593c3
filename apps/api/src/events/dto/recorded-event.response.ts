import { ApiProperty } from '@nestjs/swagger';
import { StoredEvent } from '@saydo/event-store';

export class OccurredAtResponse {
  @ApiProperty({ example: '2026-03' }) value!: string;
  @ApiProperty({ enum: ['year', 'month', 'day', 'instant'] }) precision!: string;
}

/** An event of the log as readers see it. The submitting principal is kept for audits, not shown here. */
export class RecordedEventResponse {
  @ApiProperty() position!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) sources!: unknown[];
  @ApiProperty({ type: [String], description: 'Stakeholders the event is about' }) subjects!: string[];
  @ApiProperty({ type: OccurredAtResponse }) occurredAt!: OccurredAtResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() hash!: string;
}

export function toRecordedEventResponse(event: StoredEvent): RecordedEventResponse {
  return {
    position: event.position,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    sources: event.metadata.sources,
    subjects: event.metadata.subjects,
    occurredAt: { value: event.occurredAt, precision: event.occurredPrecision },
    recordedAt: event.recordedAt,
    hash: event.hash,
  };
}
