import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { QueryInteger } from '../../../shared/query-integer';
import { ReadQueryDto } from '../../../shared/read-query.dto';

export class ListStakeholdersRequestDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Words in the name or id (case-insensitive)', example: 'open' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @QueryInteger({ min: 1, max: 100, default: 20, description: 'Most items in the answer' })
  @IsOptional()
  limit = 20;

  @ApiPropertyOptional({ description: 'Opaque cursor: the `next` link of the previous page carries it' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be a cursor taken from a `next` link' })
  after?: string;
}
