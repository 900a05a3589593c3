import { IsOptional } from 'class-validator';
import { QueryInteger } from './query-integer';

/** Every read accepts `waitForPosition`: answer once the data reflects that log position (read your own writes). */
export class ReadQueryDto {
  @QueryInteger({ min: 0, description: 'Wait (bounded) until this log position is reflected; 503 with Retry-After otherwise' })
  @IsOptional()
  waitForPosition?: number;
}
