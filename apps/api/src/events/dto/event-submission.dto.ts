import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAYDO_EVENT_TYPES } from '@saydo/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MAX_INTEGER } from '../../shared/query-integer';
import { dataSchemaName } from './event-data-schemas';
import { MAX_BATCH_SIZE } from './envelope-limits';
import { IsPartialDate, LIMITS } from './field-rules';
import { SourceDto } from './source.dto';

export { MAX_BATCH_SIZE } from './envelope-limits';

/** One fact submitted by a client. `data` is validated against the DTO of its `type`. */
export class EventSubmissionDto {
  @ApiProperty({ enum: SAYDO_EVENT_TYPES, example: 'RedLineStated' })
  @IsIn(SAYDO_EVENT_TYPES, { message: `type must be one of: ${SAYDO_EVENT_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({
    description: 'The fields of the event type (see each *Data schema); unknown fields are rejected.',
    oneOf: SAYDO_EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${dataSchemaName(type)}` })),
  })
  @IsObject()
  data!: Record<string, unknown>;

  @IsPartialDate('When it happened in the world.', '2026-03')
  occurredAt!: string;

  @ApiProperty({ type: [SourceDto], maxItems: LIMITS.sources, description: 'Evidence; facts about the world need at least one.' })
  @IsArray()
  @ArrayMaxSize(LIMITS.sources)
  @IsObject({ each: true, message: 'each item of sources must be a source object' })
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources!: SourceDto[];

  @ApiPropertyOptional({ description: "Version the event's stream must be at (0: it must not exist yet); 409 with the current version otherwise.", example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INTEGER)
  expectedVersion?: number;
}

export class EventBatchDto {
  @ApiProperty({ type: [EventSubmissionDto], minItems: 1, maxItems: MAX_BATCH_SIZE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  // Without it, an item that is itself an array ({"events":[[]]}) passes nested validation empty.
  @IsObject({ each: true, message: 'each item of events must be an event object' })
  @ValidateNested({ each: true })
  @Type(() => EventSubmissionDto)
  events!: EventSubmissionDto[];
}
