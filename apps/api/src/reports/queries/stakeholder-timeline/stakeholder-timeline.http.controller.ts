import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { positionToWaitFor, StakeholderReportRequestDto } from '../stakeholder-report/stakeholder-report.request.dto';
import { withContentHash } from '../../dto/with-content-hash';
import { ApiReportResponse } from '../../dto/report-documentation';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderTimelineHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':stakeholderId/timeline')
  @ApiReportResponse('Every event about the stakeholder, in order of occurredAt, precision kept; retractions and corrections shown on the events they concern', {
    stakeholderId: { type: 'string' },
    entries: { type: 'array', items: { type: 'object' } },
  })
  async timeline(@Param('stakeholderId') stakeholderId: string, @Query() query: StakeholderReportRequestDto): Promise<object> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const timeline = await this.queries.execute(new StakeholderTimelineQuery(stakeholderId, query));
    if (!timeline) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return withContentHash(timeline);
  }
}
