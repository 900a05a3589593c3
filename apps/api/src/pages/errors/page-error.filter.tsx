import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { ProblemDetailsFilter } from '../../problems/problem-details.filter';
import { ProblemException } from '../../problems/problem';
import { chooseLocale } from '../i18n/locale';
import { pageContext } from '../shared/page-context';
import { isApiPath } from './api-path';
import { ErrorPage } from './error.page';

/** Page routes answer errors as HTML pages (a reader's browser, not an API client), with the same status codes. */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');
  /** Unmatched API paths (caught by the pages' catch-all) keep their problem+json answer. */
  private readonly api = new ProblemDetailsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isApiPath(request.url)) return this.api.catch(exception, host);
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const detail = exception instanceof ProblemException ? describe(exception) : status >= 500 ? 'an unexpected error occurred' : exception instanceof Error ? exception.message : '';
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    const lang = url.searchParams.get('lang') ?? undefined;
    const ctx = pageContext(chooseLocale(lang, request.headers.cookie, request.headers['accept-language']), url.origin, url.pathname, {}, url.searchParams);
    const headers = exception instanceof ProblemException ? exception.headers : {};
    reply
      .status(status)
      .headers(headers)
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(`<!DOCTYPE html>${renderToString(<ErrorPage ctx={ctx} status={status} detail={detail} />)}`);
  }
}

function describe(exception: ProblemException): string {
  const { detail, errors } = exception.problem;
  return errors?.length ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : detail;
}
