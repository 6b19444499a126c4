/**
 * What the scale benchmark (bench/scale.mts) is made of: a client of the API server with the
 * cluster's admin credentials, the API server's request counter, a Berth process's CPU and memory,
 * timed runs at a given concurrency, and a static server of pre-serialized answers.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';

export interface Figures {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  runs: number;
}

/** HTTPS calls to the API server as the kubeconfig's admin (client certificate), kept alive. */
export class ApiServer {
  private readonly agent: Agent;
  readonly server: string;

  constructor(kubeconfig: string) {
    interface Config {
      clusters: { cluster: { server: string; 'certificate-authority'?: string } }[];
      users: { user: { 'client-certificate'?: string; 'client-key'?: string } }[];
    }
    const config = parse(readFileSync(kubeconfig, 'utf8')) as Config;
    const { cluster } = config.clusters[0];
    const { user } = config.users[0];
    this.server = cluster.server;
    const file = (path?: string) => (path ? readFileSync(path) : undefined);
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 64,
      ca: file(cluster['certificate-authority']),
      cert: file(user['client-certificate']),
      key: file(user['client-key']),
    });
  }

  call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.server}${path}`,
        { method, agent: this.agent, headers: body === undefined ? {} : { 'content-type': contentType } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 300 && res.statusCode !== 409)
              reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
            else resolve(text);
          });
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** apiserver_request_total summed over every label: how many requests the API server has finished. */
  async requestCount(): Promise<number> {
    const text = await this.call('GET', '/metrics');
    let total = 0;
    for (const line of text.split('\n'))
      if (line.startsWith('apiserver_request_total{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
    return total;
  }

  /** Many calls, `concurrency` at a time. */
  async all<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
}

/** CPU seconds (user + system) and memory of a process, from /proc. */
export function processUsage(pid: number): { cpuSeconds: number; rssMiB: number; peakMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (clock ticks of 1/100 s)
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** Runs `fn` `runs` times, `concurrency` at once, after a warm-up; latency percentiles in ms. */
export async function timed(runs: number, concurrency: number, fn: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  const times: number[] = [];
  let left = runs;
  const started = performance.now();
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ...percentiles(times), perSecond: times.length / seconds, runs: times.length };
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A plain HTTP server answering each path with fixed bytes: the floor any server pays. */
export async function staticServer(answers: Map<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = answers.get(req.url ?? '') ?? '';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
