import type { INestApplication, Type } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import request from 'supertest';
import { parse } from 'yaml';
import type { ErrorBody } from '../../src/common/errors/all-exceptions.filter';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/http-app';
import { KubeClient } from '../../src/kube';

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

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), kube: { kind: 'kubeconfig', path: e2eKubeconfig() }, ...overrides };
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

  static async start(config: AppConfig = testConfig(), imports: Type[] = []): Promise<TestApp> {
    const app = await createApp(config, { logger: false, imports });
    await app.init();
    return new TestApp(app);
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

  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await request(this.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query, variables });
    return { status: res.status, ...(res.body as Omit<GraphQLResponse<T>, 'status'>) };
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
