import { Inject, Injectable } from '@nestjs/common';
import type { ProjectAccess } from '../../../access/scope-access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/app-config';
import { EVENTS, KubeCache, KubeClient, type CoreV1Event, type PodLogOptions } from '../../../kube';
import type { Feed } from '../../../live/live-feeds.service';
import { followChanges, followedKind } from '../../../live/followed-changes';
import { toEventView } from '../../shared/events';
import type { EventsMessage, LogLines } from './statefulset-live.model';
import { PodsService } from './pods.service';

/** The most lines one log message carries, and the most recent events a first state carries. */
const MAX_LINES = 500;
const FIRST_EVENTS = 50;

/** Live events of a project (optionally of one object) and followed container logs. */
@Injectable()
export class PodFeeds {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: KubeCache,
    private readonly kube: KubeClient,
    private readonly pods: PodsService,
  ) {}

  /** The project's events (of `kind`/`name` when given): the most recent first, then each new or repeated one. */
  events(
    access: ProjectAccess,
    object: { kind?: string; name?: string },
    after?: string,
  ): Feed<EventsMessage> {
    const informer = this.cache.informer(EVENTS);
    if (!informer) throw new DomainError(ErrorCode.UNAVAILABLE, 'Live updates are not available');
    const client = this.kube.as(access.identity);
    const fieldSelector = [
      object.kind ? `involvedObject.kind=${object.kind}` : '',
      object.name ? `involvedObject.name=${object.name}` : '',
    ]
      .filter(Boolean)
      .join(',');
    const matches = (event: CoreV1Event) =>
      (!object.kind || event.involvedObject.kind === object.kind) &&
      (!object.name || event.involvedObject.name === object.name);
    const read = () =>
      client.list(EVENTS, { namespace: access.project, fieldSelector: fieldSelector || undefined });
    return {
      verify: read,
      start: async (sink) => {
        const followed = followChanges(
          [
            followedKind(informer, (key, event) =>
              key.startsWith(`${access.project}/`) && event && matches(event) ? [key] : [],
            ),
          ],
          {
            windowMs: this.config.live.debounceMs,
            after,
            failed: (error) => sink.fail(error),
            batch: async (keys) => {
              // Read as the subscriber: Kubernetes decides (again) whether it may see these events.
              const { items } = await read();
              const wanted = new Set(keys);
              const events = items
                .filter((e) => wanted.has(`${e.metadata?.namespace ?? ''}/${e.metadata?.name ?? ''}`))
                .map(toEventView);
              if (events.length > 0)
                sink.send({ resourceVersion: followed.cursor(), initial: false, events });
            },
          },
        );
        return followed.first(async (cursor) => {
          const { items } = await read();
          const events = items
            .map(toEventView)
            .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
            .slice(0, FIRST_EVENTS);
          sink.send({ resourceVersion: cursor, initial: true, events });
        });
      },
    };
  }

  /** A container's log, followed: lines as they are written, a message per window; ends when the log does. */
  log(access: ProjectAccess, pod: string, options: PodLogOptions): Feed<LogLines> {
    return {
      verify: () => this.pods.get(access, pod),
      start: async (sink) => {
        const controller = new AbortController();
        const stream = await this.pods.followLogs(access, pod, options, controller.signal);
        let lines: string[] = [];
        let partial = '';
        let timer: NodeJS.Timeout | null = null;
        const flush = () => {
          timer = null;
          while (lines.length > 0) {
            sink.send({ lines: lines.slice(0, MAX_LINES) });
            lines = lines.slice(MAX_LINES);
          }
        };
        const decoder = new TextDecoder();
        const pump = async () => {
          for await (const chunk of stream) {
            const text = partial + decoder.decode(chunk, { stream: true });
            const parts = text.split('\n');
            partial = parts.pop() ?? '';
            lines.push(...parts);
            if (lines.length > 0 && !timer) timer = setTimeout(flush, this.config.live.debounceMs);
          }
          if (partial) lines.push(partial);
          if (timer) clearTimeout(timer);
          flush();
          sink.end();
        };
        pump().catch((error: unknown) => {
          if (controller.signal.aborted) return;
          sink.fail(
            new DomainError(ErrorCode.UNAVAILABLE, 'The log stream was interrupted', { cause: error }),
          );
        });
        return () => {
          if (timer) clearTimeout(timer);
          controller.abort();
        };
      },
    };
  }
}
