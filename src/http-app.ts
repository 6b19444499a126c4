import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { requestContext } from './common/logging/request-context';
import { AppConfig, enabledLogLevels } from './config/app-config';
import { serveGraphiql } from './common/graphql/graphiql';
import { securityHeaders, useBodyParsers, useCors } from './common/http/edge';

export const API_PREFIX = 'api/v1';
export const UNPREFIXED = [
  { path: 'healthz', method: RequestMethod.GET },
  { path: 'readyz', method: RequestMethod.GET },
  { path: 'oauth/token', method: RequestMethod.POST },
  { path: 'oauth/revoke', method: RequestMethod.POST },
  { path: 'kube/{*path}', method: RequestMethod.ALL },
  // No controller is here (Apollo serves it), but module middleware (the access log) must be.
  { path: 'graphql', method: RequestMethod.ALL },
];

export interface CreateAppOptions {
  logger?: false;
  /** Where the log lines go instead of stdout (tests that read them). */
  logDestination?: DestinationStream;
  /** Extra modules mounted beside the application's own (e2e probes only). */
  imports?: Type[];
}

/** Builds the HTTP application exactly as it is served; e2e tests use this too. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const logging = options.logger !== false;
  const module = AppModule.forRoot(config, options.imports, {
    enabled: logging,
    destination: options.logDestination,
  });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: logging ? enabledLogLevels(config.logLevel) : false,
    // Held until pino is the logger, so even the first lines are JSON.
    bufferLogs: logging,
    // Fail with the error instead of exiting the process, so callers (tests, tools) see it.
    abortOnError: false,
    // Bodies are parsed below, with limits, in a known order before anything else sees them.
    bodyParser: false,
  });
  if (logging) app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First: every request gets its id before anything else may log or fail.
  app.use(requestContext());
  useCors(app, config.corsOrigins);
  app.use(securityHeaders());
  useBodyParsers(app, config.graphql);
  if (config.graphql.playground) serveGraphiql(app);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED,
  });
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Berth')
    .setDescription(
      'Multi-tenant REST API for stateful workloads on Kubernetes. The GraphQL API at /graphql offers the same operations.',
    )
    .setVersion('v1')
    // Relative: the document is served by the Berth it describes, on whatever address and port.
    .addServer('/')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An access token from POST /oauth/token, or an API token',
    })
    .build();
  return SwaggerModule.createDocument(app, config);
}
