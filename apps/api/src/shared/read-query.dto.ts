import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Every read accepts `waitForPosition`: answer once the data reflects that log position (read your own writes). */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'Wait (bounded) until this log position is reflected; 503 with Retry-After otherwise' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  waitForPosition?: number;
}
