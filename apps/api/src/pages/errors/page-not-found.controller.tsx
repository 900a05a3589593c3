import { Controller, Get, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { problems } from '../../problems/problem';
import { isApiPath } from './api-path';
import { PageErrorFilter } from './page-error.filter';

/** Paths outside the API that match no page: a 404 a person can read. API paths keep their problem+json. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller()
export class PageNotFoundController {
  @Get('*')
  notFound(@Req() request: FastifyRequest): never {
    const path = request.url.split('?')[0];
    throw problems.notFound(isApiPath(path) ? `no route GET ${path}` : `no page at ${path}`);
  }
}
