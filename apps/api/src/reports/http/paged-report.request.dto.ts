import { IsOptional } from 'class-validator';
import { PAGE_SIZE } from '../../shared/paging';
import { QueryInteger } from '../../shared/query-integer';
import { StakeholderReportRequestDto } from '../queries/stakeholder-report/stakeholder-report.request.dto';

/** A report's time axes, and which page of its growing lists to answer. */
export class PagedReportRequestDto extends StakeholderReportRequestDto {
  @QueryInteger({ min: 0, description: 'Skip this many items of each paged list (follow `page.next` rather than computing it)', default: 0 })
  @IsOptional()
  offset = 0;

  @QueryInteger({ min: 1, max: PAGE_SIZE.max, description: 'Most items of each paged list', default: PAGE_SIZE.default })
  @IsOptional()
  limit: number = PAGE_SIZE.default;
}
