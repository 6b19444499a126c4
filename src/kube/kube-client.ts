import {
  AppsV1Api,
  CoreV1Api,
  HttpMethod,
  PatchStrategy,
  RequestContext,
  VersionApi,
} from '@kubernetes/client-node';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetch } from 'undici';
import { call, dryRun, READ } from './kube-call';
import { forward, openStream, readWatchEvents, type PodLogOptions, type WatchEvent } from './kube-streams';
import type { ForwardedAnswer, ForwardedRequest } from './kube-streams';
import { ObjectApi } from './object-api';
import type { Configuration, V1APIResourceList } from '@kubernetes/client-node';
import type { Identity } from './identity';
import type { KubeConnection, KubeRequestListener } from './kube-connection';
import { checkObjectPath, header, pathSegment } from './kube-paths';
import { readModifyWrite } from './read-modify-write';
import type { KubeReader, ReadCache, WriteAnswer } from './kube-reader';
import type { Resource, ResourceRef } from './resource';
import type {
  DeleteOptions,
  KubeList,
  KubeObject,
  KubeRef,
  ListOptions,
  PatchType,
  V1Scale,
  V1Status,
  VersionInfo,
  WriteOptions,
} from './kube-types';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

const FIELD_MANAGER = 'berth';

interface Shared {
  discovery: Record<string, V1APIResourceList>;
  cache?: ReadCache;
}

export type { PodLogOptions, WatchEvent } from './kube-streams';
const PATCH_STRATEGY: Record<PatchType, PatchStrategy> = {
  merge: PatchStrategy.MergePatch,
  strategic: PatchStrategy.StrategicMergePatch,
};

/**
 * The one way Berth talks to Kubernetes. A client acts either as the service itself or, after
 * `as(identity)`, impersonating a user. Every failure leaves as a DomainError (see kube-errors.ts).
 */
export class KubeClient implements KubeReader {
  private readonly config: Configuration;
  private readonly objects: ObjectApi;

  constructor(
    private readonly connection: KubeConnection,
    readonly identity?: Identity,
    // Shared by every client of one connection: API discovery, and the read cache once there is one.
    private readonly shared: Shared = { discovery: {} },
  ) {
    this.config = connection.configuration(identity);
    this.objects = new ObjectApi(this.config, shared.discovery);
  }

  /** Reads of this client and of every client made from it by `as()` are asked of `cache` first. */
  useCache(cache: ReadCache): void {
    this.shared.cache = cache;
  }

  /** The same identity without the read cache: every read reaches the API server. */
  direct(): KubeClient {
    return new KubeClient(this.connection, this.identity, { discovery: this.shared.discovery });
  }

  /** The resource name RBAC rules use for a kind (`statefulsets`), from API discovery. */
  async resourceName(resource: Resource<KubeObject>): Promise<string> {
    const path = await call(() => this.objects.collectionPath(resource.apiVersion, resource.kind), READ);
    return path.slice(path.lastIndexOf('/') + 1);
  }

  /** Calls `listener` before each request any client of this connection sends; returns the stop function. */
  observe(listener: KubeRequestListener): () => void {
    return this.connection.observe(listener);
  }

  /** The same connection, impersonating `identity`. */
  as(identity: Identity): KubeClient {
    // Fail closed: a missing identity must never fall back to Berth's own.
    if (typeof identity?.user !== 'string' || !identity.user) throw new Error('No identity to impersonate');
    return new KubeClient(this.connection, identity, this.shared);
  }

  /** From the read cache when it can answer (its objects are frozen: copy before changing one). */
  async get<T extends KubeObject>(ref: ResourceRef<T>): Promise<T> {
    const cached = await this.shared.cache?.get(ref, this.identity);
    if (cached?.value) return cached.value;
    // Not in a cache that can answer means not there: the API server's own answer says so.
    return this.read(ref);
  }

  async find<T extends KubeObject>(ref: ResourceRef<T>): Promise<T | null> {
    const cached = await this.shared.cache?.get(ref, this.identity);
    if (cached) return cached.value;
    try {
      return await this.read<T>(ref);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  /**
   * Always from the API server: for a read whose content a write sends back (a read-modify-write, a
   * replace built on the current object), where even a moment-old copy could undo someone's change.
   */
  latest<T extends KubeObject>(ref: ResourceRef<T>): Promise<T> {
    return this.read(ref);
  }

  private read<T extends KubeObject>(ref: ResourceRef<T>): Promise<T> {
    return call(() => this.objects.read<T>(header(ref)), READ);
  }

  /**
   * From the read cache when it can answer, else the API server. Items come back with their
   * apiVersion and kind filled in (list responses leave them out).
   */
  async list<T extends KubeObject>(resource: Resource<T>, options: ListOptions = {}): Promise<KubeList<T>> {
    const { apiVersion, kind } = resource;
    if (options.namespace !== undefined) pathSegment(options.namespace, 'namespace');
    const cached = await this.shared.cache?.list(resource, options, this.identity);
    if (cached) return cached.value;
    const list = await call(
      () =>
        this.objects.list<T>(
          apiVersion,
          kind,
          options.namespace,
          undefined,
          undefined,
          undefined,
          options.fieldSelector,
          options.labelSelector,
          options.limit,
          options.continue,
        ),
      READ,
    );
    for (const item of list.items) {
      item.apiVersion ??= apiVersion;
      item.kind ??= kind;
    }
    return list;
  }

  create<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    return this.sent(object, options, (dry) => this.objects.create<T>(object, undefined, dry, FIELD_MANAGER));
  }

  /** Replaces the object; a `metadata.resourceVersion` makes it fail with CONFLICT if the object changed. */
  replace<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    return this.sent(object, options, (dry) =>
      this.objects.replace<T>(object, undefined, dry, FIELD_MANAGER),
    );
  }

  /** Read-modify-write with optimistic concurrency (see readModifyWrite): no update is lost. */
  modify<T extends KubeObject>(
    ref: ResourceRef<T>,
    mutate: (current: T) => T | undefined,
    attempts = 10,
  ): Promise<T> {
    return readModifyWrite(
      { read: () => this.read<T>(ref), write: (next) => this.replace<T>(next) },
      mutate,
      attempts,
      (attempt) =>
        // Jittered backoff, so writers contending for one object spread out instead of colliding again.
        new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt)),
    );
  }

  /** Server-side apply as Berth's field manager: creates or converges the fields Berth owns. */
  apply<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    return this.sendPatch(object, PatchStrategy.ServerSideApply, options, true);
  }

  patch<T extends KubeObject>(object: T, type: PatchType, options: WriteOptions = {}): Promise<T> {
    return this.sendPatch(object, PATCH_STRATEGY[type], options);
  }

  private sendPatch<T extends KubeObject>(
    object: T,
    strategy: PatchStrategy,
    options: WriteOptions,
    force?: boolean,
  ): Promise<T> {
    return this.sent(object, options, (dry) =>
      this.objects.patch<T>(object, undefined, dry, FIELD_MANAGER, force, strategy),
    );
  }

  delete(ref: ResourceRef<KubeObject>, options: DeleteOptions = {}): Promise<V1Status> {
    // With a body the API server reads DeleteOptions from it and ignores the query string, so the
    // body must repeat dryRun and propagationPolicy (otherwise a dry-run delete really deletes).
    const body = options.preconditions
      ? {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          preconditions: options.preconditions,
          dryRun: options.dryRun ? ['All'] : undefined,
          propagationPolicy: options.propagationPolicy,
        }
      : undefined;
    return this.written(
      ref,
      options,
      call(() =>
        this.objects.delete(
          header(ref),
          undefined,
          dryRun(options),
          undefined,
          undefined,
          options.propagationPolicy,
          body,
        ),
      ),
    );
  }

  /** Sends a write of a whole object whose path was checked first. */
  private sent<T extends KubeObject>(
    object: T,
    options: WriteOptions,
    send: (dry: ReturnType<typeof dryRun>) => Promise<T>,
  ): Promise<T> {
    checkObjectPath(object);
    const answer = call(() => send(dryRun(options)));
    return this.written(object, options, answer);
  }

  /**
   * Tells the read cache a write returned, before its caller sees the answer, so that a read after it
   * waits for the cache to hold it (read-your-writes). Dry runs change nothing.
   */
  private async written<R extends WriteAnswer>(
    target: KubeObject | KubeRef,
    options: WriteOptions,
    result: Promise<R>,
  ): Promise<R> {
    const answer = await result;
    const { cache } = this.shared;
    if (cache && !options.dryRun) {
      const ref: KubeRef =
        'name' in target
          ? target
          : {
              apiVersion: target.apiVersion ?? '',
              kind: target.kind ?? '',
              name: target.metadata?.name ?? '',
              namespace: target.metadata?.namespace,
            };
      cache.wrote(ref, answer);
    }
    return answer;
  }

  /**
   * Watches a collection: `onEvent` gets each ADDED / MODIFIED / DELETED event until `stop()` is
   * called or the server ends the watch (then `done` tells why). Events start from `resourceVersion`
   * when given, otherwise with the current objects as ADDED.
   */
  async watch<T extends KubeObject>(
    resource: Resource<T>,
    options: ListOptions & { resourceVersion?: string; bookmarks?: boolean },
    onEvent: (event: WatchEvent<T>) => void,
    done: (error?: DomainError, expired?: boolean) => void = () => undefined,
  ): Promise<{ stop(): void }> {
    if (options.namespace !== undefined) pathSegment(options.namespace, 'namespace');
    const { apiVersion, kind } = resource;
    const path = await call(() => this.objects.collectionPath(apiVersion, kind, options.namespace), READ);
    const query: Record<string, string | undefined> = {
      watch: 'true',
      allowWatchBookmarks: options.bookmarks === true ? 'true' : 'false',
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      resourceVersion: options.resourceVersion,
    };
    const controller = new AbortController();
    const body = await this.openStream(path, query, controller.signal);
    return readWatchEvents(body, controller, (o) => this.objects.deserialize(o as T), onEvent, done);
  }

  /** GETs a streaming response (watch, followed logs) for this client's identity; no timeout applies. */
  openStream(
    path: string,
    query: Record<string, string | undefined>,
    signal: AbortSignal,
  ): Promise<WebReadableStream<Uint8Array>> {
    return openStream(this.connection, this.identity, path, query, signal);
  }

  /** Sends a checked request on as this client's identity (the Kubernetes API path). */
  forward(request: ForwardedRequest): Promise<ForwardedAnswer> {
    return forward(this.connection, this.identity, request);
  }

  /** Sets replicas through the scale subresource (what `kubectl scale` uses). */
  scaleStatefulSet(
    namespace: string,
    name: string,
    replicas: number,
    options: WriteOptions = {},
  ): Promise<V1Scale> {
    pathSegment(namespace, 'namespace');
    pathSegment(name, 'StatefulSet name');
    const scale = call(() =>
      new AppsV1Api(this.config).replaceNamespacedStatefulSetScale({
        namespace,
        name,
        body: {
          apiVersion: 'autoscaling/v1',
          kind: 'Scale',
          metadata: { name, namespace },
          spec: { replicas },
        },
        dryRun: dryRun(options),
        fieldManager: FIELD_MANAGER,
      }),
    );
    return this.written({ apiVersion: 'apps/v1', kind: 'StatefulSet', namespace, name }, options, scale);
  }

  /** A container's log, followed until `signal` aborts (the caller's client went away). */
  followPodLogs(
    namespace: string,
    pod: string,
    options: PodLogOptions,
    signal: AbortSignal,
  ): Promise<WebReadableStream<Uint8Array>> {
    pathSegment(namespace, 'namespace');
    pathSegment(pod, 'Pod name');
    const query: Record<string, string | undefined> = {
      follow: 'true',
      container: options.container,
      tailLines: options.tailLines === undefined ? undefined : String(options.tailLines),
      sinceSeconds: options.sinceSeconds === undefined ? undefined : String(options.sinceSeconds),
      timestamps: options.timestamps ? 'true' : undefined,
    };
    return this.openStream(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
      query,
      signal,
    );
  }

  /** A container's log as text (not followed; see followPodLogs). */
  podLogs(namespace: string, pod: string, options: PodLogOptions = {}): Promise<string> {
    pathSegment(namespace, 'namespace');
    pathSegment(pod, 'Pod name');
    return call(
      () =>
        new CoreV1Api(this.config).readNamespacedPodLog({
          namespace,
          name: pod,
          container: options.container,
          tailLines: options.tailLines,
          sinceSeconds: options.sinceSeconds,
          timestamps: options.timestamps,
        }),
      READ,
    );
  }

  version(): Promise<VersionInfo> {
    return call(() => new VersionApi(this.config).getCode(), READ);
  }

  /** Whether the API server answers its own readiness check; never throws. */
  async ready(timeoutMs = 3000): Promise<boolean> {
    try {
      const ctx = new RequestContext(`${this.connection.server}/readyz`, HttpMethod.GET);
      ctx.setSignal(AbortSignal.timeout(timeoutMs));
      await this.connection.prepare(ctx, this.identity, false);
      const response = await fetch(ctx.getUrl(), {
        headers: ctx.getHeaders(),
        dispatcher: ctx.getDispatcher(),
        signal: ctx.getSignal(),
      });
      await response.body?.cancel();
      return response.status === 200;
    } catch {
      return false;
    }
  }
}
