/**
 * The Berth process the scale benchmark runs (dist/main.js on 127.0.0.1) and the calls it makes to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const PORT = 3901;
export const BASE = `http://127.0.0.1:${PORT}`;
export const PASSWORD = 'Bench-Admin-Passw0rd';

/** What the run is made of (environment variables; the defaults are the issue's). */
export const SETTINGS = {
  n: Number(process.env.BENCH_N ?? 1000),
  runs: Number(process.env.BENCH_RUNS ?? 200),
  subscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 100),
  syncSets: Number(process.env.BENCH_SYNC_SETS ?? 10_000),
  syncPods: Number(process.env.BENCH_SYNC_PODS ?? 30_000),
  nodes: Number(process.env.BERTH_NODE_COUNT ?? 30),
};

export function startBerth(kubeconfig: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    env: {
      ...process.env,
      KUBECONFIG: kubeconfig,
      PORT: String(PORT),
      BERTH_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      BERTH_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      // The request budget is counted (its cost is in the figures) but never reached.
      BERTH_RATE_LIMIT_PER_USER: '10000000',
      BERTH_RATE_LIMIT_PER_TOKEN: '10000000',
      // The subscriber figure opens 100 connections as one user.
      BERTH_LIVE_MAX_PER_USER: String(SETTINGS.subscribers + 10),
      BERTH_LIVE_SUBSCRIBES_PER_MINUTE: String(SETTINGS.subscribers + 100),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function call(
  method: string,
  path: string,
  token: string | null,
  body?: object,
): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

export async function graphql(token: string, query: string): Promise<string> {
  const text = await call('POST', '/graphql', token, { query });
  if (text.includes('"errors"')) throw new Error(text.slice(0, 300));
  return text;
}

export async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function waitReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Berth did not become ready');
}
