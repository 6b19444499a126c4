// First: refuses an old Node before anything else loads.
import './runtime-check';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { createApp } from './http-app';
import { PinoNestLogger, rootLoggerOptions } from './common/logging/logging';
import { startLocalCluster } from './local-cluster/local-cluster';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // Until the application's own logger exists: the same format (pino), so no line is coloured text.
  Logger.overrideLogger(new PinoNestLogger(pino(rootLoggerOptions(config.logLevel, config.logFormat))));
  const logger = new Logger('Berth');

  if (!config.kube) {
    logger.log('No KUBECONFIG and not inside a cluster: starting the local control plane (cluster/up.sh)');
    const path = await startLocalCluster();
    config = { ...config, kube: { kind: 'local', path } };
    logger.log(`Local control plane is up; kubeconfig: ${path}`);
  }

  const app = await createApp(config);
  await app.get(BootstrapService).run();
  // SIGTERM/SIGINT: stop accepting connections, finish in-flight requests, close the API connection.
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.log(
    `Listening on http://${config.host}:${config.port} (GraphQL /graphql, REST /api/v1, OpenAPI /api/docs)`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
