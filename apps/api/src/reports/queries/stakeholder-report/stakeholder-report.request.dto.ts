import { ApiPropertyOptional } from '@nestjs/swagger';
import { parsePartialDate } from '@saydo/domain';
import { IsISO8601, IsOptional, Matches, ValidateBy } from 'class-validator';
import { ReadQueryDto } from '../../../shared/read-query.dto';

/** The two time axes every report accepts, and the date statuses are judged at. */
export class StakeholderReportRequestDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Judge due dates at this instant (default: asOf, else knownAt, else now)', example: '2026-03-09T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({
    description: 'The report exactly as the system would have answered then: a log position, or an RFC 3339 timestamp. Later corrections, retractions and assessments do not show.',
    example: '42',
  })
  @IsOptional()
  @Matches(/^(\d+|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/, { message: 'knownAt must be a log position or an RFC 3339 timestamp with offset' })
  knownAt?: string;

  @ApiPropertyOptional({ description: 'Only what had certainly happened by the end of this date in the world (by occurredAt, precision respected), as known now', example: '2026-02-28' })
  @IsOptional()
  @ValidateBy({ name: 'isPartialDate', validator: { validate: (value: unknown) => typeof value === 'string' && parsePartialDate(value) !== null, defaultMessage: () => 'asOf must be a date: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 instant' } })
  asOf?: string;
}

export type ReportTime = Pick<StakeholderReportRequestDto, 'date' | 'knownAt' | 'asOf'>;

/** A knownAt given as a position is also a position the read models must reach first. */
export function positionToWaitFor(query: StakeholderReportRequestDto): number | undefined {
  const known = query.knownAt && /^\d+$/.test(query.knownAt) ? Number(query.knownAt) : undefined;
  return Math.max(query.waitForPosition ?? 0, known ?? 0) || undefined;
}
