import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request } from 'express';
import {
  GraphQLError,
  getOperationAST,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { makeServer, type Context } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestRates } from '../access/request-rate.service';
import { Authenticator } from '../auth/authenticator.service';
import { bearerToken } from '../auth/bearer';
import type { Principal } from '../iam/principal';
import { ErrorCode } from '../common/errors/error-code';
import { formatGraphQLError } from '../common/errors/format-graphql-error';
import { toDomainError } from '../common/errors/to-domain-error';
import { estimateCost, limitRules, TOO_COMPLEX_PREFIX } from '../common/graphql/query-limits';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { LiveConnections } from './live-connections';
import { refuseUpgrade, UpgradeRouter } from './upgrade-router';
import { bindSubscriber, CLOSE_CODES, type Subscriber } from './subscriber';
import { GRAPHQL_PATH as PATH } from '../common/graphql/graphql-path';

interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
  subscriber?: Subscriber;
  release?: () => void;
}

const PING_MS = 15_000;

/**
 * GraphQL subscriptions over WebSocket at /graphql (graphql-ws's `graphql-transport-ws` protocol),
 * on the application's own HTTP server. Written on graphql-ws's transport-neutral server rather than
 * through @nestjs/apollo's subscription option, which gives no say over the WebSocket's message size
 * nor over how a connection is authenticated, limited and closed.
 *
 * A connection signs in once, in connection_init (`{"authorization": "Bearer <token>"}`); each
 * subscription then runs through the same guard, access rules and limits as a request over HTTP.
 * Only subscriptions run here: queries and mutations go over HTTP.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveServer');
  private wss: WebSocketServer | null = null;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    this.upgrade(request, socket, head);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // The schema host belongs to the GraphQL module, which does not export it: found at bootstrap.
    private readonly modules: ModuleRef,
    private readonly authenticator: Authenticator,
    private readonly connections: LiveConnections,
    private readonly upgrades: UpgradeRouter,
    private readonly rates: RequestRates,
  ) {}

  private get schema(): GraphQLSchema {
    return this.modules.get(GraphQLSchemaHost, { strict: false }).schema;
  }

  onApplicationBootstrap(): void {
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.config.live.maxMessageBytes,
      handleProtocols: (protocols) =>
        protocols.has('graphql-transport-ws') ? 'graphql-transport-ws' : false,
    });
    const graphqlWs = makeServer<Record<string, unknown> | undefined, Extra>({
      schema: this.schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: (ctx) => this.connect(ctx),
      onDisconnect: (ctx) => ctx.extra.release?.(),
      onClose: (ctx) => ctx.extra.release?.(),
      onSubscribe: (ctx, _id, payload) => {
        const args = this.executionArgs(ctx, payload);
        return Array.isArray(args) ? args.map(asRequestError) : args;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(present) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(present),
    });
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      const extra: Extra = { socket, request };
      // Keeps idle connections honest (and through proxies): no pong in a ping interval, no connection.
      let alive = true;
      socket.on('pong', () => (alive = true));
      const ping = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, PING_MS);
      const closed = graphqlWs.opened(
        {
          protocol: socket.protocol,
          send: (data) =>
            new Promise<void>((resolve, reject) => {
              if (socket.readyState !== socket.OPEN) return resolve();
              socket.send(data, (error) => (error ? reject(error) : resolve()));
            }),
          close: (code, reason) => socket.close(code, reason),
          onMessage: (handle) =>
            socket.on('message', (data: Buffer) => {
              handle(data.toString('utf8')).catch((error: unknown) => {
                this.logger.error(`A subscription message failed: ${String(error)}`);
                socket.close(4500, 'Internal error');
              });
            }),
        },
        extra,
      );
      socket.once('close', (code: number, reason: Buffer) => {
        clearInterval(ping);
        extra.release?.();
        void closed(code, reason.toString('utf8'));
      });
      socket.on('error', () => socket.terminate());
    });
    this.upgrades.route(PATH, this.onUpgrade);
    this.wss = wss;
  }

  beforeApplicationShutdown(): Promise<void> {
    const wss = this.wss;
    if (!wss) return Promise.resolve();
    for (const client of wss.clients) client.close(CLOSE_CODES.GOING_AWAY, 'Server shutting down');
    return new Promise((resolve) => wss.close(() => resolve()));
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const wss = this.wss;
    if (!wss) return refuseUpgrade(socket, 404, 'Not Found');
    // Sockets not yet signed in count too: a flood of them is turned away before any work.
    if (wss.clients.size >= this.config.live.maxConnections)
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  }

  /** connection_init: the token, checked and counted; a refusal closes with its own code. */
  private async connect(ctx: Context<Record<string, unknown> | undefined, Extra>): Promise<boolean> {
    const token = bearerOf(ctx.connectionParams);
    const { socket } = ctx.extra;
    if (!token) {
      socket.close(
        CLOSE_CODES.UNAUTHENTICATED,
        'Sign in first: send {"authorization": "Bearer <token>"} in connection_init',
      );
      return false;
    }
    let principal: Principal;
    try {
      principal = await this.authenticator.authenticate(token);
    } catch (error) {
      const code = toDomainError(error).code;
      if (code === ErrorCode.UNAUTHENTICATED)
        socket.close(CLOSE_CODES.UNAUTHENTICATED, 'The token is not valid');
      else socket.close(1013, 'Try again later');
      return false;
    }
    try {
      // The upgrade is one request of the caller's budget, as any HTTP request is (ADR 12).
      await this.rates.take(principal);
      ctx.extra.release = this.connections.admit(principal.username);
    } catch (error) {
      socket.close(CLOSE_CODES.TOO_MANY, toDomainError(error).message.slice(0, 120));
      return false;
    }
    if (socket.readyState !== socket.OPEN) {
      // Gone while it was being signed in: its close has passed, so its slot is given back here.
      ctx.extra.release();
      return false;
    }
    ctx.extra.subscriber = {
      username: principal.username,
      token,
      transport: 'graphql-ws',
      feeds: new Set(),
      drop: (code, reason) => socket.close(code, reason.slice(0, 120)),
    };
    return true;
  }

  /** Parses and validates with the HTTP endpoint's limits, and gives the operation its own request. */
  private executionArgs(
    ctx: Context<Record<string, unknown> | undefined, Extra>,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): ExecutionArgs | readonly GraphQLError[] {
    const schema = this.schema;
    const limits = this.config.graphql;
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Syntax error';
      return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const errors = validate(schema, document, [...specifiedRules, ...limitRules(limits)]);
    if (errors.length > 0) return errors;
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new GraphQLError('Name the operation to run')];
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
      return [
        new GraphQLError('Only subscriptions run over the WebSocket: send queries and mutations over HTTP'),
      ];
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const estimate = estimateCost(schema, operation, fragments, payload.variables ?? {});
    if (estimate && (estimate.rootFields > 1 || estimate.cost > limits.maxCost))
      return [
        new GraphQLError(
          `${TOO_COMPLEX_PREFIX}one root field per subscription, cost at most ${limits.maxCost}`,
        ),
      ];
    const subscriber = ctx.extra.subscriber;
    if (!subscriber) return [new GraphQLError('Not signed in')];
    // What the guard and the resolvers read of "the request": the connection's token and address.
    const req = {
      headers: { authorization: `Bearer ${subscriber.token}` },
      ip: ctx.extra.request.socket.remoteAddress,
      params: {},
      query: {},
      body: {},
    } as unknown as Request;
    bindSubscriber(req, subscriber);
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: { req, res: {} },
    };
  }
}

/** The token from connection_init's payload: `authorization: Bearer …` (any case) or `token`. */
function bearerOf(params: Record<string, unknown> | undefined): string | null {
  if (!params) return null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const token = key.toLowerCase() === 'authorization' ? bearerToken(value) : null;
    if (token) return token;
    if (key === 'token' && value.trim()) return value.trim();
  }
  return null;
}

/** A refusal before anything ran is the client's mistake, as Apollo marks it over HTTP. */
function asRequestError(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** The same error shapes as over HTTP: a code in `extensions`, nothing internal. */
function present(error: GraphQLError): GraphQLError {
  const formatted = formatGraphQLError(error.toJSON(), error, { hideSuggestions: true });
  return new GraphQLError(formatted.message, {
    path: formatted.path,
    extensions: formatted.extensions,
  });
}
