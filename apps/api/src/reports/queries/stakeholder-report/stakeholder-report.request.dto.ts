import { ApiPropertyOptional } from '@nestjs/swagger';
import { parsePartialDate } from '@saydo/domain';
import { IsOptional, ValidateBy } from 'class-validator';
import { MAX_INTEGER } from '../../../shared/query-integer';
import { ReadQueryDto } from '../../../shared/read-query.dto';

const isPartialDate = (value: unknown) => typeof value === 'string' && parsePartialDate(value) !== null;
const isPosition = (value: string) => /^\d{1,16}$/.test(value) && Number(value) <= MAX_INTEGER;
const isInstant = (value: string) => parsePartialDate(value)?.precision === 'instant';

/** The two time axes every report accepts, and the date statuses are judged at. */
export class StakeholderReportRequestDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Judge due dates at this instant, or at the start of this date (default: the end of asOf, else knownAt, else the start of the current minute); every answer names it in judgedAt and pins it in its permalink', example: '2026-03-09T00:00:00Z' })
  @IsOptional()
  @ValidateBy({ name: 'isReportDate', validator: { validate: isPartialDate, defaultMessage: () => 'date must be an RFC 3339 instant with offset, or a date YYYY, YYYY-MM, YYYY-MM-DD' } })
  date?: string;

  @ApiPropertyOptional({
    description:
      'The report exactly as the system would have answered then: a log position, or an RFC 3339 timestamp (the last position recorded by then). Later corrections, retractions and assessments do not show. Every answer echoes the position it folded and carries a permalink that pins it.',
    example: '42',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isKnownAt',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && (isPosition(value) || isInstant(value)),
      defaultMessage: () => `knownAt must be a log position (0 to ${MAX_INTEGER}) or an RFC 3339 timestamp with offset that exists`,
    },
  })
  knownAt?: string;

  @ApiPropertyOptional({ description: 'Only what had certainly happened by the end of this date in the world (by occurredAt, precision respected), as known now', example: '2026-02-28' })
  @IsOptional()
  @ValidateBy({ name: 'isPartialDate', validator: { validate: isPartialDate, defaultMessage: () => 'asOf must be a date: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 instant' } })
  asOf?: string;
}

export type ReportTime = Pick<StakeholderReportRequestDto, 'date' | 'knownAt' | 'asOf'>;

/** Position and judged instant both pinned: the answer can never change (the form a permalink takes). */
export function isPinned(query: ReportTime): boolean {
  return query.knownAt !== undefined && /^\d+$/.test(query.knownAt) && query.date !== undefined;
}

/** A knownAt given as a position is also a position the read models must reach first. */
export function positionToWaitFor(query: StakeholderReportRequestDto): number | undefined {
  const known = query.knownAt && /^\d+$/.test(query.knownAt) ? Number(query.knownAt) : undefined;
  return Math.max(query.waitForPosition ?? 0, known ?? 0) || undefined;
}
