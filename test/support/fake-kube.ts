import { readModifyWrite } from '../../src/kube/read-modify-write';
import { ReadableStream } from 'node:stream/web';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import type { KubeClient, PodLogOptions, WatchEvent } from '../../src/kube/kube-client';
import type { ForwardedRequest } from '../../src/kube/kube-streams';
import { checkObjectPath, header, pathSegment } from '../../src/kube/kube-paths';
import type {
  DeleteOptions,
  Identity,
  KubeList,
  KubeObject,
  KubeRef,
  KubeRequestListener,
  ListOptions,
  PatchType,
  Resource,
  ResourceRef,
  V1Scale,
  V1Status,
  VersionInfo,
  WriteOptions,
} from '../../src/kube';
import { FakeCluster, groupKind, normalize, type Coordinates, type Doc } from './fake-cluster';
import { CallLog, type CallMatcher, type FakeCall } from './fake-kube-calls';
import { mergePatch, strategicMergePatch, type Json } from './fake-kube-patch';
import { FAKE_VERSION, logText, scale } from './fake-kube-subresources';

export type { CallMatcher, FakeCall, Verb } from './fake-kube-calls';

/**
 * An in-memory KubeClient for unit tests: the same descriptors, the same DomainErrors, and the API
 * server's own rules (see FakeCluster), so a service behaves against it as against a real cluster as
 * long as no controller is needed. Reads and writes go through the same public methods as KubeClient;
 * the helpers below (seed, stored, objects, remove, failOn, beforeCall, calls, writes) are for the
 * test itself. Not modelled: RBAC (inject a 403 with failOn), defaulting and admission plugins (a
 * claim gets no pvc-protection finalizer unless the test gives it one), field ownership of
 * server-side apply, `$patch` directives, replaying a watch from an old resourceVersion, controllers.
 */

/** KubeClient's public surface, with `as` answering the same surface. */
export type KubeSurface = Omit<KubeClient, 'as' | 'direct'> & {
  as(identity: Identity): KubeSurface;
  direct(): KubeSurface;
};

/** What the real client hands back: a copy the caller may change, timestamps as Dates. */
function out<T extends KubeObject>(doc: Doc): T {
  return normalize(doc) as T;
}

const toJson = (object: unknown) => JSON.parse(JSON.stringify(object)) as Json;

export class FakeKube implements KubeSurface {
  constructor(
    readonly cluster: FakeCluster = new FakeCluster(),
    readonly identity?: Identity,
    private readonly log: CallLog = new CallLog(cluster),
  ) {}

  /** The fake has no read cache: every read is answered by the cluster itself. */
  useCache(): void {
    throw new Error('FakeKube has no read cache');
  }

  direct(): FakeKube {
    return this;
  }

  latest<T extends KubeObject>(ref: ResourceRef<T>): Promise<T> {
    return this.get(ref);
  }

  resourceName(resource: { kind: string }): Promise<string> {
    return Promise.resolve(`${resource.kind.toLowerCase()}s`);
  }

  /** The same cluster, impersonating `identity` (recorded as each call's `user`). */
  as(identity: Identity): FakeKube {
    return new FakeKube(this.cluster, identity, this.log);
  }

  observe(listener: KubeRequestListener): () => void {
    this.log.observers.add(listener);
    return () => {
      this.log.observers.delete(listener);
    };
  }

  async get<T extends KubeObject>(ref: ResourceRef<T>): Promise<T> {
    const c = this.target(ref);
    await this.call({ verb: 'get', ...c, dryRun: false });
    return out<T>(this.cluster.read(c));
  }

  async find<T extends KubeObject>(ref: ResourceRef<T>): Promise<T | null> {
    try {
      return await this.get<T>(ref);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  /** In the API server's order; `limit` and `continue` page as it does. */
  async list<T extends KubeObject>(resource: Resource<T>, options: ListOptions = {}): Promise<KubeList<T>> {
    const { apiVersion, kind } = resource;
    if (options.namespace !== undefined) pathSegment(options.namespace, 'namespace');
    this.cluster.learn(apiVersion, kind, resource.namespaced);
    await this.call({ verb: 'list', apiVersion, kind, namespace: options.namespace, dryRun: false });
    const matches = this.cluster.matcher(kind, options.labelSelector, options.fieldSelector);
    const namespace = resource.namespaced ? options.namespace : undefined;
    const all = this.cluster.select(apiVersion, kind, namespace, matches);
    const keys = all.map((o) => this.cluster.key(this.cluster.coordinates(o)));
    let start = 0;
    if (options.continue) {
      const after = Buffer.from(options.continue, 'base64url').toString();
      if (!after.startsWith(groupKind(apiVersion, kind)))
        throw this.cluster.error(400, 'BadRequest', 'continue key is not valid');
      start = keys.filter((k) => k <= after).length;
    }
    const end = options.limit ? Math.min(start + options.limit, all.length) : all.length;
    const more = end < all.length;
    return {
      apiVersion,
      kind: `${kind}List`,
      metadata: {
        resourceVersion: String(this.cluster.revision),
        ...(more
          ? {
              _continue: Buffer.from(keys[end - 1]).toString('base64url'),
              remainingItemCount: all.length - end,
            }
          : {}),
      },
      items: all.slice(start, end).map((o) => out<T>(o)),
    };
  }

  async create<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    const doc = this.written(object);
    const dryRun = Boolean(options.dryRun);
    await this.call({ verb: 'create', ...this.cluster.coordinates(doc), dryRun });
    return out<T>(this.cluster.create(doc, dryRun));
  }

  /** A `metadata.resourceVersion` other than the stored one fails with CONFLICT. */
  async replace<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    const doc = this.written(object);
    const dryRun = Boolean(options.dryRun);
    await this.call({ verb: 'update', ...this.cluster.coordinates(doc), dryRun });
    return out<T>(this.cluster.update(doc, dryRun));
  }

  /** KubeClient.modify's own loop (readModifyWrite) over this fake's get and replace. */
  modify<T extends KubeObject>(
    ref: ResourceRef<T>,
    mutate: (current: T) => T | undefined,
    attempts = 10,
  ): Promise<T> {
    return readModifyWrite(
      { read: () => this.get<T>(ref), write: (next) => this.replace<T>(next) },
      mutate,
      attempts,
      () => new Promise((resolve) => setImmediate(resolve)),
    );
  }

  /** Server-side apply without field ownership: creates, or merges `object` in strategically. */
  async apply<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    const doc = this.written(object);
    const dryRun = Boolean(options.dryRun);
    const c = this.cluster.coordinates(doc);
    await this.call({ verb: 'patch', ...c, dryRun });
    if (!this.cluster.peek(c)) return out<T>(this.cluster.create(doc, dryRun));
    return out<T>(this.patched(doc, (stored, patch) => strategicMergePatch(stored, patch), dryRun));
  }

  /** A `metadata.resourceVersion` in the patch is a precondition, as for the API server. */
  async patch<T extends KubeObject>(object: T, type: PatchType, options: WriteOptions = {}): Promise<T> {
    const doc = this.written(object);
    const dryRun = Boolean(options.dryRun);
    await this.call({ verb: 'patch', ...this.cluster.coordinates(doc), dryRun });
    const apply = type === 'merge' ? mergePatch : (a: Json, b: Json) => strategicMergePatch(a, b);
    return out<T>(this.patched(doc, apply, dryRun));
  }

  /** Any propagation policy is accepted; no garbage collector deletes dependents. */
  async delete(ref: ResourceRef<KubeObject>, options: DeleteOptions = {}): Promise<V1Status> {
    const c = this.target(ref);
    const dryRun = Boolean(options.dryRun);
    await this.call({ verb: 'delete', ...c, dryRun });
    const gone = this.cluster.delete(c, { dryRun, ...options.preconditions });
    const kind = this.cluster.resourceName(c.apiVersion, c.kind).split('.')[0];
    return {
      apiVersion: 'v1',
      kind: 'Status',
      status: 'Success',
      details: { name: c.name, kind, uid: gone.metadata.uid },
    };
  }

  /** Events of later writes; without `resourceVersion` the current objects first, as ADDED. */
  async watch<T extends KubeObject>(
    resource: Resource<T>,
    options: ListOptions & { resourceVersion?: string },
    onEvent: (event: WatchEvent<T>) => void,
    done: (error?: DomainError) => void = () => undefined,
  ): Promise<{ stop(): void }> {
    const { apiVersion, kind } = resource;
    if (options.namespace !== undefined) pathSegment(options.namespace, 'namespace');
    this.cluster.learn(apiVersion, kind, resource.namespaced);
    await this.call({ verb: 'watch', apiVersion, kind, namespace: options.namespace, dryRun: false });
    const matches = this.cluster.matcher(kind, options.labelSelector, options.fieldSelector);
    const namespace = resource.namespaced ? options.namespace : undefined;
    let finished = false;
    const send = (type: WatchEvent<T>['type'], object: Doc) => {
      const event = { type, object: out<T>(object) };
      queueMicrotask(() => finished || onEvent(event));
    };
    const unsubscribe = this.cluster.subscribe({
      groupKind: groupKind(apiVersion, kind),
      namespace,
      matches,
      send,
    });
    if (options.resourceVersion === undefined)
      for (const object of this.cluster.select(apiVersion, kind, namespace, matches)) send('ADDED', object);
    return {
      stop: () => {
        if (finished) return;
        finished = true;
        unsubscribe();
        done();
      },
    };
  }

  openStream(_path: string, _query: Record<string, string | undefined>, _signal: AbortSignal): never {
    throw new DomainError(ErrorCode.INTERNAL, 'FakeKube serves no raw streams (use watch or followPodLogs)');
  }

  forward(_request: ForwardedRequest): never {
    throw new DomainError(
      ErrorCode.INTERNAL,
      'FakeKube forwards nothing (the Kubernetes API path is tested e2e)',
    );
  }

  async scaleStatefulSet(
    namespace: string,
    name: string,
    replicas: number,
    options: WriteOptions = {},
  ): Promise<V1Scale> {
    pathSegment(namespace, 'namespace');
    pathSegment(name, 'StatefulSet name');
    const c: Coordinates = { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace, name };
    const dryRun = Boolean(options.dryRun);
    await this.call({ verb: 'update', ...c, subresource: 'scale', dryRun });
    return scale(this.cluster, c, replicas, dryRun);
  }

  /** The log `setPodLog` gave the pod, kept open until `signal` aborts. */
  async followPodLogs(
    namespace: string,
    pod: string,
    options: PodLogOptions,
    signal: AbortSignal,
  ): Promise<WebReadableStream<Uint8Array>> {
    const text = await this.podLogs(namespace, pod, options);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        if (text) controller.enqueue(new TextEncoder().encode(text));
        if (signal.aborted) controller.close();
        else signal.addEventListener('abort', () => controller.close(), { once: true });
      },
    });
  }

  async podLogs(namespace: string, pod: string, options: PodLogOptions = {}): Promise<string> {
    pathSegment(namespace, 'namespace');
    pathSegment(pod, 'Pod name');
    const c: Coordinates = { apiVersion: 'v1', kind: 'Pod', namespace, name: pod };
    await this.call({ verb: 'get', ...c, subresource: 'log', dryRun: false });
    return logText(this.cluster, c, options.tailLines);
  }

  version(): Promise<VersionInfo> {
    return Promise.resolve({ ...FAKE_VERSION });
  }

  ready(_timeoutMs?: number): Promise<boolean> {
    return Promise.resolve(true);
  }

  // --- for the test ------------------------------------------------------------------------------

  /** Stores objects as they are (what a controller or an earlier test step left): no rule applies. */
  seed(...objects: KubeObject[]): this {
    for (const object of objects) {
      const doc = normalize(object);
      const { apiVersion = '', kind = '' } = doc;
      if (this.cluster.namespaced(apiVersion, kind, doc.metadata.namespace))
        doc.metadata.namespace ??= 'default';
      this.cluster.put(doc);
    }
    return this;
  }

  /** What the cluster holds now (not recorded as a call, never intercepted). */
  stored<T extends KubeObject>(ref: ResourceRef<T>): T | undefined {
    const doc = this.cluster.peek(this.target(ref));
    return doc && out<T>(doc);
  }

  objects<T extends KubeObject>(resource: Resource<T>, namespace?: string): T[] {
    this.cluster.learn(resource.apiVersion, resource.kind, resource.namespaced);
    return this.cluster.select(resource.apiVersion, resource.kind, namespace).map((o) => out<T>(o));
  }

  /** Removes an object at once, as a controller finishing a deletion would. */
  remove(ref: ResourceRef<KubeObject>): void {
    this.cluster.drop(this.target(ref));
  }

  setPodLog(namespace: string, pod: string, text: string): void {
    this.cluster.podLogs.set(`${namespace}/${pod}`, text);
  }

  /** Every call so far, in order. */
  get calls(): readonly FakeCall[] {
    return this.log.calls;
  }

  /** The calls that wrote (or would have, for a dry run), as `dry-run create Service demo/web`. */
  writes(): string[] {
    return this.log.writes();
  }

  /** Matching calls fail with `error` (a DomainError, or an HTTP status as the API server answers). */
  failOn(match: CallMatcher, error: DomainError | number = 500): void {
    this.log.failOn(match, error);
  }

  /** Runs `action` before matching calls reach the cluster (another writer, a controller's step). */
  beforeCall(match: CallMatcher, action: (call: FakeCall) => void | Promise<void>): void {
    this.log.beforeCall(match, action);
  }

  // --- the client's own checks -------------------------------------------------------------------

  /** The checks KubeClient makes before any call (kube-paths), then where the object lives. */
  private target(ref: KubeRef & { resource?: Resource<KubeObject> }): Coordinates {
    header(ref);
    if (ref.resource) this.cluster.learn(ref.apiVersion, ref.kind, ref.resource.namespaced);
    return { apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace, name: ref.name };
  }

  private written(object: KubeObject): Doc {
    checkObjectPath(object);
    return normalize(object);
  }

  private patched(doc: Doc, apply: (stored: Json, patch: Json) => Json, dryRun: boolean): Doc {
    const stored = this.cluster.read(this.cluster.coordinates(doc));
    const merged = normalize(apply(toJson(stored), toJson(doc)));
    merged.metadata.resourceVersion = doc.metadata.resourceVersion ?? stored.metadata.resourceVersion;
    return this.cluster.update(merged, dryRun);
  }

  private call(call: Omit<FakeCall, 'user'>): Promise<void> {
    return this.log.record({ ...call, user: this.identity?.user });
  }
}

export interface FakeKubeOptions {
  /** Objects the cluster already holds (stored as they are, see `seed`). */
  objects?: KubeObject[];
  /** Namespaces to make first (namespaced objects need theirs unless `requireNamespaces` is false). */
  namespaces?: string[];
  requireNamespaces?: boolean;
}

export function fakeKube(options: FakeKubeOptions = {}): FakeKube {
  const kube = new FakeKube();
  kube.cluster.requireNamespaces = options.requireNamespaces ?? true;
  for (const name of options.namespaces ?? [])
    kube.seed({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
      status: { phase: 'Active' },
    } as KubeObject);
  return kube.seed(...(options.objects ?? []));
}

/**
 * The fake where a service expects a KubeClient. This is the one cast: KubeClient is a class with
 * private fields (its connection), which TypeScript compares nominally, so no other object can type
 * as one. FakeKube implements the whole public surface (KubeSurface, checked by `implements`), and
 * that is all a service can reach.
 */
export function asKubeClient(kube: FakeKube): KubeClient {
  return kube as unknown as KubeClient;
}
