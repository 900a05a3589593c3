import { IsOptional } from 'class-validator';
import { PAGE_SIZE } from '../../../shared/paging';
import { QueryInteger } from '../../../shared/query-integer';
import { ReadQueryDto } from '../../../shared/read-query.dto';

export class ReadStreamRequestDto extends ReadQueryDto {
  @QueryInteger({ min: 0, description: 'Events after this stream version (exclusive)', default: 0 })
  @IsOptional()
  after = 0;

  @QueryInteger({ min: 1, max: PAGE_SIZE.max, default: PAGE_SIZE.default })
  @IsOptional()
  limit: number = PAGE_SIZE.default;
}
