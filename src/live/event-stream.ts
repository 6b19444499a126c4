import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import type { ProjectAccess } from '../access/scope-access';
import { bearerToken } from '../auth/bearer';
import { presentError } from '../common/errors/error-presentation';
import { toDomainError } from '../common/errors/to-domain-error';
import type { Permission } from '../iam/roles';
import { LiveConnections } from './live-connections';
import { LiveFeeds, type Feed } from './live-feeds.service';
import { CLOSE_CODES, type Subscriber } from './subscriber';

const HEARTBEAT_MS = 15_000;

/**
 * REST's change streams: a feed as Server-Sent Events (text/event-stream). Each message is an
 * `event: change` whose `id` is its resourceVersion (a reconnecting EventSource sends it back as
 * Last-Event-ID, and the stream resumes after it); an ending error is an `event: error` whose data
 * is the REST error body; a comment line keeps idle streams open. The same feeds, limits and
 * access checks as the GraphQL subscriptions.
 */
@Injectable()
export class EventStreams {
  constructor(
    private readonly feeds: LiveFeeds,
    private readonly connections: LiveConnections,
  ) {}

  /** The cursor a request resumes after: `after`, else the Last-Event-ID header. */
  static cursorOf(req: Request, after: string | undefined): string | undefined {
    const header = req.headers['last-event-id'];
    return after ?? (typeof header === 'string' && header !== '' ? header : undefined);
  }

  async send<T extends { resourceVersion: string }>(
    req: Request,
    res: Response,
    access: ProjectAccess,
    permission: Permission,
    feed: Feed<T>,
  ): Promise<void> {
    const token = bearerToken(req.headers.authorization) ?? '';
    const release = this.connections.admit(access.principal.username);
    // Registered first: a client that goes while the feed starts must not keep its slot.
    let messages: AsyncIterableIterator<T> | null = null;
    let gone = false;
    const timers: { heartbeat?: NodeJS.Timeout } = {};
    res.once('close', () => {
      gone = true;
      clearInterval(timers.heartbeat);
      release();
      void messages?.return?.();
    });
    const subscriber: Subscriber = {
      username: access.principal.username,
      token,
      transport: 'rest',
      feeds: new Set(),
      drop: (code) => {
        if (code === CLOSE_CODES.TOO_SLOW)
          writeError(res, 429, 'TOO_MANY_REQUESTS', 'The stream was read too slowly: reconnect and resume');
        res.end();
      },
    };
    try {
      messages = await this.feeds.subscribe(subscriber, access, permission, feed);
    } catch (error) {
      clearInterval(timers.heartbeat);
      release();
      throw error;
    }
    if (gone) {
      await messages.return?.();
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    timers.heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    try {
      for await (const message of messages) {
        const frame = `id: ${message.resourceVersion}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`;
        // Backpressure: what a slow reader has not taken waits in the feed's bounded queue, not here.
        if (!res.write(frame)) await once(res, 'drain');
      }
    } catch (error) {
      const domain = toDomainError(error);
      const { httpStatus, graphqlCode } = presentError(domain.code);
      writeError(res, httpStatus, graphqlCode, domain.message);
    } finally {
      clearInterval(timers.heartbeat);
      res.end();
    }
  }
}

function writeError(res: Response, statusCode: number, code: string, message: string): void {
  if (res.writableEnded) return;
  res.write(`event: error\ndata: ${JSON.stringify({ statusCode, code, message })}\n\n`);
}
