import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { StakeholderReportResponse } from '../../dto/stakeholder-report.response';
import { StakeholderReportQuery } from './stakeholder-report.query';
import { StakeholderReportRequestDto } from './stakeholder-report.request.dto';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderReportHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':stakeholderId/report')
  @ApiOkResponse({ type: StakeholderReportResponse, description: "The stakeholder's say-do report" })
  async report(@Param('stakeholderId') stakeholderId: string, @Query() query: StakeholderReportRequestDto): Promise<StakeholderReportResponse> {
    await this.consistency.waitForReadModels(query.waitForPosition);
    const asOf = new Date(query.date ?? Date.now()).toISOString();
    const report = await this.queries.execute(new StakeholderReportQuery(stakeholderId, asOf));
    if (!report) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return report;
  }
}
