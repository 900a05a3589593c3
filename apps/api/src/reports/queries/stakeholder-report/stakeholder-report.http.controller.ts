import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SayDoReport } from '@saydo/domain';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse, COMMITMENT_PROPERTIES } from '../../dto/report-documentation';
import { StakeholderReportQuery } from './stakeholder-report.query';
import { positionToWaitFor, StakeholderReportRequestDto } from './stakeholder-report.request.dto';
import { withContentHash } from '../../dto/with-content-hash';

@ApiTags('reports')
@Controller('v1/stakeholders')
export class StakeholderReportHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':stakeholderId/report')
  @ApiReportResponse("The stakeholder's say-do report", {
    stakeholder: { type: 'object' },
    commitments: { type: 'array', items: { type: 'object', properties: COMMITMENT_PROPERTIES } },
    unlinkedActions: { type: 'array', items: { type: 'object' } },
    reactions: { type: 'array', items: { type: 'object' } },
    policies: { type: 'array', items: { type: 'object' } },
    retractions: { type: 'array', items: { type: 'object' } },
    corrections: { type: 'array', items: { type: 'object' } },
    contentHash: { type: 'string', description: 'SHA-256 of the rest of the body' },
    knownAt: { type: 'object', nullable: true },
    worldAsOf: { type: 'object', nullable: true },
    summary: { type: 'object', description: 'Counts by status, the say-do figure with its denominator, suggestions, open disputes, withdrawals' },
  })
  async report(@Param('stakeholderId') stakeholderId: string, @Query() query: StakeholderReportRequestDto): Promise<SayDoReport> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const report = await this.queries.execute(new StakeholderReportQuery(stakeholderId, query));
    if (!report) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return withContentHash(report);
  }
}
