import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { problems } from '../../../problems/problem';
import { ReadConsistency } from '../../../shared/read-consistency';
import { ApiReportResponse, COMMITMENT_PROPERTIES } from '../../dto/report-documentation';
import { positionToWaitFor, StakeholderReportRequestDto } from '../stakeholder-report/stakeholder-report.request.dto';
import { withContentHash } from '../../dto/with-content-hash';
import { CommitmentDossier, CommitmentDossierQuery } from './commitment-dossier.query';

@ApiTags('reports')
@Controller('v1/commitments')
export class CommitmentDossierHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':commitmentId')
  @ApiReportResponse("One commitment's full dossier: history, editors' links with disputes and revisions, suggestions, departures citing it", {
    stakeholder: { type: 'object' },
    commitment: { type: 'object', properties: COMMITMENT_PROPERTIES },
  })
  async dossier(@Param('commitmentId') commitmentId: string, @Query() query: StakeholderReportRequestDto): Promise<CommitmentDossier> {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const dossier = await this.queries.execute(new CommitmentDossierQuery(commitmentId, query));
    if (!dossier) throw problems.notFound(`no commitment ${commitmentId}`);
    return withContentHash(dossier);
  }
}
