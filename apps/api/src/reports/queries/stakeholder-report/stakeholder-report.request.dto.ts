import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { ReadQueryDto } from '../../../shared/read-query.dto';

export class StakeholderReportRequestDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Judge due dates at this instant (default: now)', example: '2026-03-09T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
}
