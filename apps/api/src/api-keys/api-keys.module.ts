import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from '@saydo/platform';
import { ApiKeysHttpController } from './api-keys.http.controller';
import { ApiKeysService } from './api-keys.service';
import { BootstrapAdminKey } from './bootstrap-admin-key';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  controllers: [ApiKeysHttpController],
  providers: [ApiKeysService, BootstrapAdminKey],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
