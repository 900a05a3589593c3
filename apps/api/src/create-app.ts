import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@saydo/platform';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { addEventDataSchemas } from './events/dto/event-data-schemas';
import { fieldErrors } from './problems/validation-errors';
import { problems } from './problems/problem';

/** A 1,000-event batch with sources is a few MB; anything much larger is a mistake. */
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** Builds the HTTP application (used by main and by the end-to-end tests alike). */
export async function createApp(config: AppConfig, dataSource: DataSource): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource), new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => problems.validation(fieldErrors(errors)),
    }),
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
