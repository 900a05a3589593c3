import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PagedReportRequestDto } from '../../reports/http/paged-report.request.dto';
import { LOCALES } from '../i18n/locale';

/** Pages accept what the JSON reports accept (knownAt, asOf, date, waitForPosition, offset, limit), and a language. */
export class PageRequestDto extends PagedReportRequestDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: string;
}
