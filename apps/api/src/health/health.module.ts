import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventPipelineModule } from '../projections/event-pipeline.module';
import { HealthHttpController } from './health.http.controller';

@Module({ imports: [TerminusModule, EventPipelineModule], controllers: [HealthHttpController] })
export class HealthModule {}
