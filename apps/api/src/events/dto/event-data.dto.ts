import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENT_RELATIONS, SaydoEventType, STAKEHOLDER_KINDS } from '@saydo/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsPartialDate, IsSlugId, IsSlugList, IsText, IsTopics, LIMITS } from './field-rules';

export class StakeholderRegisteredData {
  @IsSlugId('Id chosen by the client', 'openai') stakeholderId!: string;
  @IsText(LIMITS.name, 'Display name', 'OpenAI') name!: string;
  @ApiProperty({ enum: STAKEHOLDER_KINDS }) @IsIn(STAKEHOLDER_KINDS) kind!: string;
}

export class RedLineStatedData {
  @IsSlugId('Id of the new commitment', 'openai-no-domestic-surveillance') commitmentId!: string;
  @IsSlugId('Who states it', 'openai') stakeholderId!: string;
  @IsText(LIMITS.text, 'What will never be done', 'Our technology will not be used for domestic mass surveillance') text!: string;
  @IsTopics(['surveillance']) topics!: string[];
}

export class PledgeMadeData extends RedLineStatedData {
  @ApiPropertyOptional({ description: 'Due date, as precise as stated ("2030", "2026-06")', example: '2030' })
  @IsOptional()
  @IsPartialDate('Due date.', '2030', { required: false })
  dueBy?: string;
}

/** ContractSigned and ContractRefused. */
export class ContractData {
  @IsSlugId('Id of the new action', 'openai-dow-classified-agreement') actionId!: string;
  @IsSlugId('The actor', 'openai') stakeholderId!: string;
  @IsSlugList('The other parties to the contract', ['us-department-of-war'], LIMITS.parties) counterpartyIds!: string[];
  @IsText(LIMITS.title, 'What the contract is', 'Deployment of models on classified networks') title!: string;
  @IsTopics(['defence', 'surveillance']) topics!: string[];
}

export class AssessmentRecordedData {
  @IsSlugId('The commitment judged', 'openai-no-domestic-surveillance') commitmentId!: string;
  @IsSlugId('The action judged against it', 'openai-dow-classified-agreement') actionId!: string;
  @ApiProperty({ enum: ASSESSMENT_RELATIONS }) @IsIn(ASSESSMENT_RELATIONS) relation!: string;
  @IsText(LIMITS.text, "The editor's reasoning", 'Signed without defined guardrails against domestic surveillance') rationale!: string;
}

/** The DTO that validates `data` for each event type. */
export const EVENT_DATA_DTOS: Record<SaydoEventType, new () => object> = {
  StakeholderRegistered: StakeholderRegisteredData,
  PledgeMade: PledgeMadeData,
  RedLineStated: RedLineStatedData,
  ContractSigned: ContractData,
  ContractRefused: ContractData,
  AssessmentRecorded: AssessmentRecordedData,
};
