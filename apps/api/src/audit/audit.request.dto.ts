import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PAGE_SIZE } from '../shared/paging';
import { QueryInteger } from '../shared/query-integer';

export class VerifyRequestDto {
  @QueryInteger({ min: 1, description: 'First position to check (the stored hash before it is the starting link)' })
  @IsOptional()
  from?: number;

  @QueryInteger({ min: 1, description: 'Last position to check' })
  @IsOptional()
  to?: number;

  @QueryInteger({ min: 1, description: 'Position of a previously published anchor' })
  @IsOptional()
  anchorPosition?: number;

  @ApiPropertyOptional({ description: 'Hash of that anchor' })
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'anchorHash must be 64 lowercase hex digits' })
  anchorHash?: string;
}

export class AuditEventsRequestDto {
  @ApiProperty({ description: 'A principal as stored on events, e.g. api-key:<id>' })
  @IsString() @Length(1, 200)
  principal!: string;

  @QueryInteger({ min: 0, default: 0 })
  @IsOptional()
  after = 0;

  @QueryInteger({ min: 1, max: PAGE_SIZE.max, default: PAGE_SIZE.default })
  @IsOptional()
  limit: number = PAGE_SIZE.default;
}

export class ExportRequestDto {
  @QueryInteger({ min: 0, description: 'Export the events after this position', default: 0 })
  @IsOptional()
  after = 0;
}
