import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class VerifyRequestDto {
  @ApiPropertyOptional({ description: 'First position to check (the stored hash before it is the starting link)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  from?: number;

  @ApiPropertyOptional({ description: 'Last position to check' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  to?: number;

  @ApiPropertyOptional({ description: 'Position of a previously published anchor' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  anchorPosition?: number;

  @ApiPropertyOptional({ description: 'Hash of that anchor' })
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'anchorHash must be 64 lowercase hex digits' })
  anchorHash?: string;
}

export class AuditEventsRequestDto {
  @ApiProperty({ description: 'A principal as stored on events, e.g. api-key:<id>' })
  @IsString() @Length(1, 200)
  principal!: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after = 0;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit = 100;
}

export class ExportRequestDto {
  @ApiPropertyOptional({ description: 'Export the events after this position', default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after = 0;
}
