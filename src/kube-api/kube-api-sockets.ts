import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { Readable, type Duplex } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestRates } from '../access/request-rate.service';
import { Authenticator } from '../auth/authenticator.service';
import { bearerToken } from '../auth/bearer';
import { KUBE_API_PATH } from '../common/http/edge';
import { refuseUpgrade, UpgradeRouter } from '../live/upgrade-router';
import { KubeApiPathError, parseKubeApiUrl } from './kube-api-path';
import { KubeApiService } from './kube-api.service';
import { kubeStatus, KubeStatusError, statusOfError } from './kube-status';

/** A watcher that lets this much pile up unsent is too slow: it is closed (and may reopen). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const PING_MS = 30_000;
const TOO_SLOW = 4413;

/**
 * Watches over a WebSocket, as KubeSphere's console opens them: each watch event of the API server's
 * stream is one text frame (`{"type":..,"object":..}`). Signed in by `Authorization` or, on
 * upgrades only, the console's `token` cookie; authorized and forwarded exactly as over HTTP.
 */
@Injectable()
export class KubeApiSockets implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  constructor(
    private readonly upgrades: UpgradeRouter,
    private readonly authenticator: Authenticator,
    private readonly service: KubeApiService,
    private readonly rates: RequestRates,
  ) {}

  onApplicationBootstrap(): void {
    this.upgrades.route(`${KUBE_API_PATH}/`, (request, socket, head) => {
      this.open(request, socket, head).catch((error: unknown) => refuse(socket, error));
    });
  }

  beforeApplicationShutdown(): void {
    for (const client of this.wss.clients) client.close(1001, 'Server shutting down');
  }

  private async open(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // First: a caller gone at any later step ends the upstream watch and gives its slot back.
    const controller = new AbortController();
    socket.once('close', () => controller.abort());
    const token = bearerToken(request.headers.authorization) ?? cookieToken(request);
    if (!token) return refuse(socket, new KubeStatusError(kubeStatus(401, 'Unauthorized')));
    const principal = await this.authenticator.authenticate(token);
    // The upgrade is one request of the caller's budget, as any HTTP request is (ADR 12).
    await this.rates.take(principal);
    const { request: parsed, query } = parseKubeApiUrl('GET', request.url ?? '/');
    if (parsed.kind !== 'resource' || parsed.verb !== 'watch')
      throw new KubeApiPathError(400, 'only watches are served over a WebSocket');
    if (socket.destroyed) return controller.abort();
    const answer = await this.service.send(principal, parsed, {
      query,
      accept: 'application/json',
      signal: controller.signal,
    });
    if (answer.status !== 200 || !answer.body) {
      const text = answer.body ? await new Response(answer.body).text() : '';
      controller.abort();
      return refuseUpgrade(socket, answer.status, 'Refused', text);
    }
    // Gone while the watch was opened: handleUpgrade would never call back.
    if (socket.destroyed) return controller.abort();
    const body = answer.body;
    this.wss.handleUpgrade(request, socket, head, (ws) => relay(ws, body, controller));
  }
}

/** Sends each line of the watch as a frame until either side ends; a watcher that cannot keep up is closed. */
function relay(ws: WebSocket, body: WebReadableStream<Uint8Array>, controller: AbortController): void {
  const input = Readable.fromWeb(body);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let alive = true;
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, PING_MS);
  ws.on('pong', () => (alive = true));
  lines.on('line', (line: string) => {
    if (!line.trim() || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.close(TOO_SLOW, 'Too slow: reopen the watch');
    ws.send(line);
  });
  const end = () => ws.readyState === ws.OPEN && ws.close(1000, 'The watch ended');
  lines.on('close', end);
  input.on('error', end);
  lines.on('error', end);
  ws.on('error', () => ws.terminate());
  ws.once('close', () => {
    clearInterval(ping);
    controller.abort();
  });
}

/**
 * The console's `token` cookie, taken only from a request its own page could have made: without an
 * Origin (a server-side proxy), or from the host it is addressed to. A page of another site cannot
 * ride on it (cross-site WebSocket hijacking).
 */
function cookieToken(request: IncomingMessage): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined && safeHost(origin) !== request.headers.host) return null;
  const cookie = (request.headers.cookie ?? '').split(';').find((c) => c.trim().startsWith('token='));
  const value = cookie?.trim().slice('token='.length);
  return value && /^[\w.~+/=-]+$/.test(value) ? value : null;
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function refuse(socket: Duplex, error: unknown): void {
  const status = statusOfError(error);
  refuseUpgrade(socket, status.code, status.reason, JSON.stringify(status));
}
