import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_ROLES } from '@saydo/platform';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: string;
  @ApiProperty({ description: 'First characters of the key' }) keyPrefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: string;
  @ApiProperty({ description: 'The secret, shown this once: store it now' }) key!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
