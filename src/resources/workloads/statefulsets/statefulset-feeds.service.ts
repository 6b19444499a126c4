import { Inject, Injectable } from '@nestjs/common';
import type { ProjectAccess } from '../../../access/scope-access';
import { ChangeType } from '../../../common/api/vocabulary';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/app-config';
import { KubeCache, PODS, STATEFUL_SETS, type Informer, type KubeObject, type V1Pod } from '../../../kube';
import { labelSelector, SelectorError, type Matcher } from '../../../kube/selectors';
import type { Feed } from '../../../live/live-feeds.service';
import { followChanges, followedKind, type FollowedKind } from '../../../live/followed-changes';
import { PodsService } from './pods.service';
import type {
  PodEvent,
  StatefulSetEvent,
  StatefulSetListChange,
  StatefulSetListEvent,
} from './statefulset-live.model';
import { StatefulSetQueries, type StatefulSetQuery } from './statefulset-queries.service';
import type { StatefulSetView } from './statefulset.model';

/** The first state of a list goes in messages of at most this many StatefulSets. */
const INITIAL_CHUNK = 100;

/**
 * The live answers about StatefulSets and their pods (subscriptions and REST change streams), fed
 * by the cache's informers and built by the same queries as a read, as the subscriber: every
 * message is authorized as a request would be.
 */
@Injectable()
export class StatefulSetFeeds {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: KubeCache,
    private readonly queries: StatefulSetQueries,
    private readonly pods: PodsService,
  ) {}

  /** A list as `query` filters it (sorting and paging are the client's): its first state, then changes. */
  list(access: ProjectAccess, query: StatefulSetQuery, after?: string): Feed<StatefulSetListEvent> {
    const labels = selectorOf(query.labelSelector);
    const filter = { name: query.name, status: query.status };
    const known = new Set<string>();
    const changeOf = async (name: string): Promise<StatefulSetListChange | null> => {
      const view = await this.view(access, name);
      const raw = view && this.informers().sets.get(access.project, name);
      const keeps = view !== null && (!raw || labels(raw)) && this.queries.keeps(view, filter);
      const id = `${access.project}/${name}`;
      if (keeps) {
        const type = known.has(name) ? ChangeType.MODIFIED : ChangeType.ADDED;
        known.add(name);
        return { type, id, name, statefulSet: view };
      }
      if (!known.delete(name)) return null;
      return { type: ChangeType.REMOVED, id, name, statefulSet: null };
    };
    return {
      verify: () => this.queries.verifyList(access),
      start: async (sink) => {
        // This replica's own writes first (a resume right after one must count it), then changes are
        // followed from before the first state is read (none is missed), and sent after it.
        await Promise.all([this.cache.caughtUp(STATEFUL_SETS), this.cache.caughtUp(PODS)]);
        const followed = followChanges(this.kinds(access.project), {
          windowMs: this.config.live.debounceMs,
          after,
          failed: (error) => sink.fail(error),
          batch: async (names) => {
            const changes = (await Promise.all(names.sort().map(changeOf))).filter((c) => c !== null);
            if (changes.length > 0)
              sink.send({ resourceVersion: followed.cursor(), initial: false, synced: true, changes });
          },
        });
        return followed.first(async (cursor) => {
          const current = await this.queries.matching(access, {
            ...filter,
            labelSelector: query.labelSelector,
          });
          if (after === undefined) {
            const changes = current.map((view) => {
              known.add(view.name);
              return { type: ChangeType.ADDED, id: view.id, name: view.name, statefulSet: view };
            });
            for (let i = 0; i === 0 || i < changes.length; i += INITIAL_CHUNK)
              sink.send({
                resourceVersion: cursor,
                initial: true,
                synced: i + INITIAL_CHUNK >= changes.length,
                changes: changes.slice(i, i + INITIAL_CHUNK),
              });
          } else {
            // Resuming: what the subscriber had is unknown here; what changed since its cursor is sent as it is now.
            for (const view of current) known.add(view.name);
            const changes: StatefulSetListChange[] = [];
            for (const name of followed.resumed.sort()) {
              const view = current.find((v) => v.name === name);
              changes.push(
                view
                  ? { type: ChangeType.MODIFIED, id: view.id, name, statefulSet: view }
                  : { type: ChangeType.REMOVED, id: `${access.project}/${name}`, name, statefulSet: null },
              );
            }
            sink.send({ resourceVersion: cursor, initial: false, synced: true, changes });
          }
        });
      },
    };
  }

  /** One StatefulSet (its pods and status with it): the current state, then each change. */
  detail(access: ProjectAccess, name: string, after?: string): Feed<StatefulSetEvent> {
    let present = true;
    return {
      verify: () => this.queries.raw(access, name),
      start: async (sink) => {
        const followed = followChanges(
          this.kinds(access.project).map((kind) => ({
            informer: kind.informer,
            keysOf: (key: string, object: KubeObject | undefined) =>
              kind.keysOf(key, object).filter((k) => k === name),
          })),
          {
            windowMs: this.config.live.debounceMs,
            after,
            failed: (error) => sink.fail(error),
            batch: async () => {
              const view = await this.view(access, name);
              const type = view ? (present ? ChangeType.MODIFIED : ChangeType.ADDED) : ChangeType.REMOVED;
              if (!view && !present) return;
              present = view !== null;
              sink.send({ resourceVersion: followed.cursor(), type, initial: false, statefulSet: view });
            },
          },
        );
        return followed.first(async (cursor) => {
          const statefulSet = await this.queries.get(access, name);
          sink.send({ resourceVersion: cursor, type: ChangeType.ADDED, initial: true, statefulSet });
        });
      },
    };
  }

  /** One pod (a StatefulSet's, or any in the project): the current state, then each change of its status. */
  pod(access: ProjectAccess, name: string, after?: string): Feed<PodEvent> {
    let present = true;
    const podView = async () => {
      try {
        return await this.pods.get(access, name);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
        throw error;
      }
    };
    return {
      verify: () => this.pods.get(access, name),
      start: async (sink) => {
        const { pods } = this.informers();
        const followed = followChanges(
          [followedKind(pods, (key) => (key === `${access.project}/${name}` ? [name] : []))],
          {
            windowMs: this.config.live.debounceMs,
            after,
            failed: (error) => sink.fail(error),
            batch: async () => {
              const pod = await podView();
              if (!pod && !present) return;
              const type = pod ? (present ? ChangeType.MODIFIED : ChangeType.ADDED) : ChangeType.REMOVED;
              present = pod !== null;
              sink.send({ resourceVersion: followed.cursor(), type, initial: false, pod });
            },
          },
        );
        return followed.first(async (cursor) => {
          const pod = await this.pods.get(access, name);
          sink.send({ resourceVersion: cursor, type: ChangeType.ADDED, initial: true, pod });
        });
      },
    };
  }

  private async view(access: ProjectAccess, name: string): Promise<StatefulSetView | null> {
    try {
      return await this.queries.get(access, name);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  private informers(): { sets: Informer<KubeObject>; pods: Informer<V1Pod> } {
    const sets = this.cache.informer(STATEFUL_SETS);
    const pods = this.cache.informer(PODS);
    if (!sets || !pods) throw new DomainError(ErrorCode.UNAVAILABLE, 'Live updates are not available');
    return { sets, pods };
  }

  /** StatefulSets of the project by name, and its pods as the StatefulSet that owns them. */
  private kinds(project: string): FollowedKind[] {
    const { sets, pods } = this.informers();
    const inProject = (key: string) => key.startsWith(`${project}/`);
    return [
      { informer: sets, keysOf: (key) => (inProject(key) ? [key.slice(project.length + 1)] : []) },
      followedKind(pods, (key, pod) => {
        if (!inProject(key)) return [];
        const owner = pod?.metadata?.ownerReferences?.find((o) => o.kind === 'StatefulSet')?.name;
        // A pod no longer held was most likely a StatefulSet's: `<name>-<ordinal>`.
        return owner ? [owner] : pod ? [] : [key.slice(project.length + 1).replace(/-\d+$/, '')];
      }),
    ];
  }
}

function selectorOf(selector: string | undefined): Matcher {
  try {
    return labelSelector(selector);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `filter.labelSelector: ${error.message}`, {
      fields: [{ path: 'filter.labelSelector', message: error.message }],
    });
  }
}
