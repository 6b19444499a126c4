import { recordSecret, runLog } from './run-log';
import type { INestApplication, Type } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { parse } from 'yaml';
import type { ErrorBody } from '../../src/common/errors/error-body';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/http-app';
import type { TokenResponse } from '../../src/auth/session.service';
import { BootstrapService } from '../../src/bootstrap/bootstrap.service';
import { KubeCache, KubeClient } from '../../src/kube';
import { recordNeeds } from './rbac-coverage';

export interface AuthorizedAgent {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

/** The kubeconfig of the control plane the e2e run uses (set by test/setup/global-setup.ts). */
export function e2eKubeconfig(): string {
  const path = process.env.BERTH_E2E_KUBECONFIG;
  if (!path)
    throw new Error('BERTH_E2E_KUBECONFIG is not set: run e2e tests through jest (npm run test:e2e)');
  return path;
}

/** The API server's URL, from the e2e kubeconfig. */
export function apiServerUrl(): string {
  const config = parse(readFileSync(e2eKubeconfig(), 'utf8')) as {
    clusters: { cluster: { server: string } }[];
  };
  return config.clusters[0].cluster.server;
}

/** The platform admin every e2e app bootstraps (the same in every test, so apps can share a cluster). */
export const ADMIN = { username: 'admin', password: 'E2e-Admin-Passw0rd' };

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({
    BERTH_ADMIN_USERNAME: ADMIN.username,
    BERTH_ADMIN_PASSWORD: ADMIN.password,
    // Every test signs in from 127.0.0.1; the throttle has its own test.
    BERTH_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // Likewise image inspections per user (hardening-images has its own test of the limit).
    BERTH_IMAGE_INSPECTIONS_PER_MINUTE: '100000',
    // Every test signs in as the same admin; the request rate limit has its own test.
    BERTH_RATE_LIMIT_PER_USER: '0',
    BERTH_RATE_LIMIT_PER_TOKEN: '0',
    // Many apps run at once; the metrics test gives its own a port.
    BERTH_METRICS_PORT: 'off',
    // Records are kept for the API; the audit test gives its app a file sink.
    BERTH_AUDIT_SINK: 'off',
  });
  return { ...base, kube: { kind: 'kubeconfig', path: e2eKubeconfig() }, ...overrides };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; fields?: { path: string; message: string }[] };
  }[];
}

/** The real application (same module, pipes, filters and prefix as `npm start`), in-process. */
export class TestApp {
  private constructor(readonly app: INestApplication) {}

  static async start(
    config: AppConfig = testConfig(),
    imports: Type[] = [],
    bootstrap = true,
    logDestination?: DestinationStream,
  ): Promise<TestApp> {
    // BERTH_TEST_LOGS=1 shows the application's logs (errors with their causes) while debugging;
    // otherwise they go to the run's log, which is checked for secrets after the run.
    const destination = logDestination ?? (process.env.BERTH_TEST_LOGS ? undefined : runLog());
    const app = await createApp(config, { imports, logDestination: destination });
    await app.init();
    recordNeeds(app.get(KubeClient));
    if (bootstrap) {
      await app.get(BootstrapService).run();
      // Tests start from a synced cache, so that what they assert is what the cache serves.
      if (config.cache.enabled && !(await app.get(KubeCache).whenSynced(60_000)))
        throw new Error('The read cache did not sync within 60 s');
    }
    return new TestApp(app);
  }

  /** Signs in with the password grant; returns the token response. */
  async signIn(username: string, password: string): Promise<TokenResponse> {
    const res = await request(this.server)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', username, password });
    if (res.status !== 200)
      throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const tokens = res.body as TokenResponse;
    recordSecret('password', password);
    recordSecret('access token', tokens.access_token);
    recordSecret('refresh token', tokens.refresh_token);
    return tokens;
  }

  /** An access token for `username` (the admin's by default). */
  async token(username = ADMIN.username, password = ADMIN.password): Promise<string> {
    return (await this.signIn(username, password)).access_token;
  }

  /** A supertest agent that sends `token` as the bearer. */
  as(token: string): AuthorizedAgent {
    const auth = (req: request.Test) => req.set('authorization', `Bearer ${token}`);
    return {
      get: (url) => auth(request(this.server).get(url)),
      post: (url) => auth(request(this.server).post(url)),
      put: (url) => auth(request(this.server).put(url)),
      patch: (url) => auth(request(this.server).patch(url)),
      delete: (url) => auth(request(this.server).delete(url)),
    };
  }

  get server(): Server {
    return this.app.getHttpServer() as Server;
  }

  /** The service's own Kubernetes client, for asserting on what the cluster really holds. */
  get kube(): KubeClient {
    return this.app.get(KubeClient);
  }

  http(): request.Agent {
    return request.agent(this.server);
  }

  async graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const req = request(this.server).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, ...(res.body as Omit<GraphQLResponse<T>, 'status'>) };
  }

  /** Listens on a free loopback port (for WebSocket and streaming clients); returns the port. */
  async listen(): Promise<number> {
    const server = this.server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** A REST error response's body (`{statusCode, code, message, fields?}`). */
export function errorBody(res: request.Response): ErrorBody {
  return res.body as ErrorBody;
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`Timed out waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
