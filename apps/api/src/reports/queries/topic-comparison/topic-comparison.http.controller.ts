import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { isSlug, TopicComparison } from '@saydo/domain';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse } from '../../dto/report-documentation';
import { positionToWaitFor, StakeholderReportRequestDto } from '../stakeholder-report/stakeholder-report.request.dto';
import { withContentHash } from '../../dto/with-content-hash';
import { TopicComparisonQuery } from './topic-comparison.query';

@ApiTags('reports')
@Controller('v1/topics')
export class TopicComparisonHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':topic/comparison')
  @ApiReportResponse("Every stakeholder's commitments on the topic, side by side with their statuses", {
    topic: { type: 'string' },
    stakeholders: { type: 'array', items: { type: 'object', properties: { stakeholder: { type: 'object' }, commitments: { type: 'array', items: { type: 'object' } } } } },
  })
  async compare(@Param('topic') topic: string, @Query() query: StakeholderReportRequestDto): Promise<TopicComparison> {
    if (!isSlug(topic)) throw problems.validation([{ field: 'topic', message: 'topic must be a slug: lowercase letters, digits and dashes' }]);
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    return withContentHash(await this.queries.execute(new TopicComparisonQuery(topic, query)));
  }
}
