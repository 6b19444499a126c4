import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import {
  stdTimeFunctions,
  type DestinationStream,
  type LevelWithSilent,
  type Logger as Pino,
  type LoggerOptions,
} from 'pino';
import type { Options } from 'pino-http';
import { requestIdFrom, requestInfoOf, REQUEST_ID_HEADER } from './request-context';

export type LogFormat = 'json' | 'pretty';

/** Nest's level names, as pino's. */
const PINO_LEVELS: Record<string, LevelWithSilent> = {
  silent: 'silent',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

const pathOf = (req: { url?: string }) => (req.url ?? '').split('?')[0];
const accessLine = (req: IncomingMessage, res: ServerResponse) =>
  `${requestInfoOf(req)?.operation ?? `${req.method} ${pathOf(req)}`} ${res.statusCode}`;

/** pino's options for Berth's lines: ISO time, level names, `msg`, pretty (pino-pretty) when asked. */
export function rootLoggerOptions(level: string, format: LogFormat): LoggerOptions {
  return {
    level: PINO_LEVELS[level] ?? 'info',
    ...(format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
          },
        }
      : { formatters: { level: (label: string) => ({ level: label }) } }),
    timestamp: stdTimeFunctions.isoTime,
    base: undefined,
    messageKey: 'msg',
  };
}

/** Nest's logger interface over a pino logger, for main.ts's lines before the application exists. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, stack?: string, context?: string): void {
    this.pino.error({ context, stack }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}

/**
 * Logging for Berth (nestjs-pino, over pino-http): JSON lines by default, pretty only when asked.
 * One access line per request, after it ends, naming what was done and by whom; nothing else of the
 * request is logged: no headers (tokens, cookies), no query string (it may hold a token), no body.
 */
export function loggingParams(level: string, format: LogFormat, destination?: DestinationStream): Params {
  const options: Options = {
    ...rootLoggerOptions(level, destination ? 'json' : format),
    genReqId: (req: IncomingMessage) =>
      requestInfoOf(req)?.id ?? requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    // The id alone on every other line of the request (Nest's own logger calls inside it included).
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    serializers: {
      req: (req: { method?: string; url?: string; remoteAddress?: string }) => ({
        method: req.method,
        path: pathOf(req),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    customProps: (req: IncomingMessage) => {
      const info = requestInfoOf(req);
      if (!info) return {};
      const { transport, operation, user, project, code } = info;
      return { transport, operation, user, project, code };
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: accessLine,
    customErrorMessage: accessLine,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz' },
  };
  return {
    // A destination of their own for tests that read the lines; stdout otherwise.
    pinoHttp: destination ? [options, destination] : options,
    // Nest's own `Logger` calls (context, message) become structured lines too.
    renameContext: 'context',
  };
}
