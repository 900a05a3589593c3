import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.tokens';

/** The Prometheus scrape endpoint (public like the reads; it reveals counts and latencies, no content). */
@Controller()
export class MetricsHttpController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    const text = await this.registry.metrics();
    await reply.type(this.registry.contentType).send(text);
  }
}
