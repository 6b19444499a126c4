import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { ProjectAccess } from '../access/scope-access';
import { Authenticator } from '../auth/authenticator.service';
import { DomainError } from '../common/errors/domain-error';
import { RateLimiter } from '../common/rate-limiter';
import { ErrorCode } from '../common/errors/error-code';
import { toDomainError } from '../common/errors/to-domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ACCOUNTS, API_TOKENS, SESSIONS, WORKSPACE_MEMBERS, WORKSPACES } from '../iam/resources';
import type { Permission } from '../iam/roles';
import { KubeCache, NAMESPACES, ROLE_BINDINGS, type KubeObject, type Resource } from '../kube';
import { ChangeBatcher } from './change-batcher';
import { LiveQueue } from './live-queue';
import { CLOSE_CODES, type Subscriber } from './subscriber';

/** Where a feed sends what it produces. */
export interface FeedSink<T> {
  send(message: T): void;
  /** Ends the subscription normally once what was sent is delivered. */
  end(): void;
  /** Ends the subscription with this error (e.g. NOT_FOUND when what it follows cannot be read). */
  fail(error: unknown): void;
}

/** One kind of live answer: its first state and its changes, as the subscriber. */
export interface Feed<T> {
  /** Begins sending (the first state first); returns how to stop. Throws to refuse the subscription. */
  start(sink: FeedSink<T>): Promise<() => void>;
  /** A read as the subscriber that Kubernetes must still allow, on every access check (its second say). */
  verify?: () => Promise<unknown>;
}

interface Open {
  subscriber: Subscriber;
  project: string;
  permission: Permission;
  verify?: () => Promise<unknown>;
  fail(error: DomainError): void;
}

/** Kinds whose changes can change what someone may see: every open subscription is checked again. */
const ACCESS_KINDS: readonly Resource<KubeObject>[] = [
  ROLE_BINDINGS,
  NAMESPACES,
  ACCOUNTS,
  API_TOKENS,
  SESSIONS,
  WORKSPACES,
  WORKSPACE_MEMBERS,
];

/** What ends a subscription: its subscriber lost access. (UNAVAILABLE and the like do not.) */
const ACCESS_LOST = new Set([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND]);

/**
 * Opens subscriptions (GraphQL and REST alike) and keeps them honest: each is bounded (per
 * connection, and in what waits for its subscriber), and each is checked again, with the token it
 * was opened with and the same rules as a request, whenever bindings, members, accounts or tokens
 * change and at least every BERTH_LIVE_RECHECK_MS; one that fails ends with that error.
 */
@Injectable()
export class LiveFeeds implements OnModuleInit, OnModuleDestroy {
  private readonly open = new Set<Open>();
  private readonly stops: (() => void)[] = [];
  private readonly rechecks: ChangeBatcher<'all'>;
  private readonly starts: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly access: AccessService,
    private readonly cache: KubeCache,
  ) {
    this.starts = new RateLimiter(config.live.subscribesPerMinute, 60_000, 'subscriptions started');
    this.rechecks = new ChangeBatcher<'all'>(
      100,
      () => this.recheckAll(),
      () => undefined, // each check handles its own failure
    );
  }

  onModuleInit(): void {
    for (const kind of ACCESS_KINDS) {
      const informer = this.cache.informer(kind);
      if (informer) this.stops.push(informer.onChange(() => this.rechecks.add('all')));
    }
    const timer = setInterval(() => this.rechecks.add('all'), this.config.live.recheckMs);
    timer.unref();
    this.stops.push(() => clearInterval(timer));
  }

  onModuleDestroy(): void {
    for (const stop of this.stops) stop();
    this.rechecks.stop();
  }

  /** Subscriptions open on this replica now. */
  get size(): number {
    return this.open.size;
  }

  /** Opens a feed for `subscriber` in the project `access` names; the iterator is what the transport sends. */
  async subscribe<T>(
    subscriber: Subscriber | undefined,
    access: ProjectAccess,
    permission: Permission,
    feed: Feed<T>,
  ): Promise<AsyncIterableIterator<T>> {
    if (!subscriber)
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        'Subscriptions run over a WebSocket at /graphql (protocol graphql-transport-ws)',
      );
    const { maxPerConnection, maxPending } = this.config.live;
    // A first state costs work (a list's every item): starting and stopping in a loop is bounded too.
    await this.starts.take(subscriber.username);
    if (subscriber.feeds.size >= maxPerConnection)
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `At most ${maxPerConnection} subscriptions per connection: complete one first`,
      );
    let stop: () => void = () => undefined;
    const entry: Open = {
      subscriber,
      project: access.project,
      permission,
      verify: feed.verify,
      fail: (error) => queue.fail(error),
    };
    const queue = new LiveQueue<T>(maxPending, {
      overflow: () =>
        subscriber.drop(
          CLOSE_CODES.TOO_SLOW,
          `More than ${maxPending} messages waited for this subscriber: reconnect and resume`,
        ),
      closed: () => {
        stop();
        this.open.delete(entry);
        subscriber.feeds.delete(entry);
      },
    });
    subscriber.feeds.add(entry);
    this.open.add(entry);
    try {
      stop = await feed.start({
        send: (message) => queue.push(message),
        end: () => queue.end(),
        fail: (error) => queue.fail(error),
      });
    } catch (error) {
      await queue.return();
      throw error;
    }
    if (queue.done) stop();
    return queue;
  }

  private async recheckAll(): Promise<void> {
    const entries = [...this.open];
    // A few at a time: the checks are cache lookups, but a replica may hold thousands of subscriptions.
    for (let i = 0; i < entries.length; i += 20)
      await Promise.all(entries.slice(i, i + 20).map((entry) => this.recheck(entry)));
  }

  private async recheck(entry: Open): Promise<void> {
    try {
      const principal = await this.authenticator.authenticate(entry.subscriber.token);
      const project = await this.access.project(principal, entry.project);
      AccessService.require(project.permissions, entry.permission);
      await entry.verify?.();
    } catch (error) {
      const domain = toDomainError(error);
      if (!ACCESS_LOST.has(domain.code)) return;
      // The connection stays open: the subscriber may sign in again and subscribe anew on it.
      entry.fail(domain);
    }
  }
}
