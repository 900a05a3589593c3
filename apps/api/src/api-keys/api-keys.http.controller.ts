import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal, principalRef } from '../auth/principal';
import { RequiresRole } from '../auth/requires-role.decorator';
import { problems } from '../problems/problem';
import { ApiKeyResponse, CreatedApiKeyResponse } from './api-key.response';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyRequestDto } from './create-api-key.request.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@RequiresRole('admin')
@Controller('v1/api-keys')
export class ApiKeysHttpController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'The key is in the answer, once.' })
  create(@Body() body: CreateApiKeyRequestDto, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKeyResponse> {
    return this.keys.create(body.name, body.role, principalRef(principal));
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponse] })
  async list(): Promise<ApiKeyResponse[]> {
    return (await this.keys.list()).map((key) => ({
      id: key.id,
      name: key.name,
      role: key.role,
      keyPrefix: key.keyPrefix,
      createdAt: key.createdAt.toISOString(),
      revokedAt: key.revokedAt?.toISOString() ?? null,
    }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; the key stops working at once and stays listed.' })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.keys.revoke(id))) throw problems.notFound(`no live API key ${id}`);
  }
}
