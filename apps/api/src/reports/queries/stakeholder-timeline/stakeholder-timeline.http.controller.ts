import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ReadQueryDto } from '../../../shared/read-query.dto';
import { TimelineResponse } from '../../dto/timeline.response';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderTimelineHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':stakeholderId/timeline')
  @ApiOkResponse({ type: TimelineResponse, description: 'Every event about the stakeholder, in order of occurredAt, precision kept' })
  async timeline(@Param('stakeholderId') stakeholderId: string, @Query() query: ReadQueryDto): Promise<TimelineResponse> {
    await this.consistency.waitForReadModels(query.waitForPosition);
    const timeline = await this.queries.execute(new StakeholderTimelineQuery(stakeholderId));
    if (!timeline) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return timeline;
  }
}
