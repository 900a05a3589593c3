import { Module } from '@nestjs/common';
import { AuditHttpController } from './audit.http.controller';

/** Tamper evidence, exports and who-did-what, for auditors. */
@Module({ controllers: [AuditHttpController] })
export class AuditModule {}
