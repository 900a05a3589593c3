import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, ApiKeyRole } from '@saydo/platform';
import { IsIn, IsString, Length } from 'class-validator';

export class CreateApiKeyRequestDto {
  @ApiProperty({ description: 'Who or what uses the key', example: 'newsroom-desk', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'contributor: submits facts; editor: also records judgements and editorial acts; auditor: exports, verifies and sees principals; admin: everything, and manages keys' })
  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;
}
