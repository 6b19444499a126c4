import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * The HTTP server's one `upgrade` listener: each WebSocket endpoint registers the path (or, ending in
 * `/`, the prefix) it serves; any other upgrade is a 404. One listener, so no endpoint can answer
 * another's upgrade.
 */
@Injectable()
export class UpgradeRouter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly routes = new Map<string, UpgradeHandler>();
  private server: Server | null = null;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    for (const [route, handler] of this.routes) {
      if (route.endsWith('/') ? path.startsWith(route) : path === route)
        return handler(request, socket, head);
    }
    refuseUpgrade(socket, 404, 'Not Found');
  };

  constructor(private readonly http: HttpAdapterHost) {}

  route(path: string, handler: UpgradeHandler): void {
    this.routes.set(path, handler);
  }

  onApplicationBootstrap(): void {
    this.server = this.http.httpAdapter.getHttpServer() as Server;
    this.server.on('upgrade', this.onUpgrade);
  }

  beforeApplicationShutdown(): void {
    this.server?.off('upgrade', this.onUpgrade);
  }
}

/** Answers an upgrade with a plain HTTP status (and `body`, JSON, if given) and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body?: string): void {
  const length = body ? Buffer.byteLength(body) : 0;
  const type = body ? 'Content-Type: application/json\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${type}Content-Length: ${length}\r\n\r\n${body ?? ''}`,
  );
}
