import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { errorCodes } from 'fastify';
import { AppConfig } from '@saydo/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppModule } from './app.module';
import { isDeskPath } from './pages/desk/desk-path';
import { isValidBatch, isValidSubmission } from './events/dto/envelope-fast-check';
import { EventBatchDto, EventSubmissionDto } from './events/dto/event-submission.dto';
import { ClientBudgets } from './rate-limits/client-budgets';
import { ExpensiveReadsInFlight } from './rate-limits/expensive-reads-in-flight';
import { limitRequests } from './rate-limits/rate-limit.hook';
import { trustProxyOption } from './rate-limits/trust-proxy';
import { addEventDataSchemas } from './events/dto/event-data-schemas';
import { CheckedValidationPipe } from './problems/checked-validation.pipe';
import { answerClientError, answerFrameworkError, rejectLongUrls, REQUEST_LIMITS } from './problems/framework-problems';
import { parseJsonBody } from './problems/json-body-parser';
import { NestPinoLogger } from './logging/nest-logger';
import { echoRequestId, OneLinePerRequest, requestIdOf } from './logging/request-log';
import { createRootLogger } from './logging/root-logger';
import { observeHttp } from './metrics/observe-http';
import { fieldErrors } from './problems/validation-errors';
import { problems } from './problems/problem';
import { WellFormedTextPipe } from './problems/well-formed-text.pipe';

/** A 1,000-event batch with sources is a few MB; anything much larger is a mistake. */
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

// ignoreBOM keeps a leading BOM in the text, where JSON.parse refuses it as before.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw problems.malformedJson('the body is not valid UTF-8');
  }
}

/** Builds the HTTP application (used by main and by the end-to-end tests alike). */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: Logger = createRootLogger(config.LOG_LEVEL)): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: REQUEST_LIMITS.maxParamLength },
    http: { maxHeaderSize: REQUEST_LIMITS.maxHeaderBytes },
    // A client that sends its request slowly (408) or leaves its socket idle cannot hold it for ever.
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.HTTP_CONNECTION_TIMEOUT_MS,
    // Errors raised before Nest sees the request, answered in the same problem shape.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    loggerInstance: logger,
    logController: new OneLinePerRequest(),
    genReqId: requestIdOf,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
  });
  // bodyParser: false, so that JSON is parsed only by parseJsonBody; other media types are a 415.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource), adapter, { bufferLogs: true, bodyParser: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  // Read as bytes and decoded strictly: invalid UTF-8 is refused, not stored as U+FFFD.
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(decodeUtf8(body as Buffer)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // HTML forms post url-encoded bodies, to the editor desk only; the API keeps answering 415 to them.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (!isDeskPath(request.url)) return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('application/x-www-form-urlencoded'), undefined);
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  fastify.addHook('onRequest', rejectLongUrls);
  app.useLogger(new NestPinoLogger(logger));
  echoRequestId(fastify);
  // Before the limits, so refused requests (429/503) are counted and traced too.
  observeHttp(app);
  const keys = app.get(ApiKeysService);
  const budgets = new ClientBudgets({ perMinute: config.RATE_LIMIT_PER_MINUTE, expensivePerMinute: config.RATE_LIMIT_EXPENSIVE_PER_MINUTE });
  const inFlight = new ExpensiveReadsInFlight({ perClient: config.EXPENSIVE_READS_PER_CLIENT, total: config.EXPENSIVE_READS_IN_FLIGHT });
  limitRequests(fastify, budgets, inFlight, (secret) => keys.authenticate(secret));
  app.useGlobalPipes(
    new WellFormedTextPipe(),
    new CheckedValidationPipe(
      new Map<unknown, (value: unknown) => boolean>([
        [EventSubmissionDto, isValidSubmission],
        [EventBatchDto, isValidBatch],
      ]),
      {
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: (errors) => problems.validation(fieldErrors(errors)),
      },
    ),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Saydo')
      .setDescription('What stakeholders said they would do, and what they did. Reads are public; writes need an API key.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, addEventDataSchemas(document), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
