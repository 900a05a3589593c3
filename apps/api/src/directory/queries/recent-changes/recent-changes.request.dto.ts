import { IsOptional } from 'class-validator';
import { QueryInteger } from '../../../shared/query-integer';
import { ReadQueryDto } from '../../../shared/read-query.dto';

export class RecentChangesRequestDto extends ReadQueryDto {
  @QueryInteger({ min: 1, max: 100, default: 20, description: 'Most items in the answer' })
  @IsOptional()
  limit = 20;
}
