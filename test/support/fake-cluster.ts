import { randomUUID } from 'node:crypto';
import { CRDS } from '../../src/bootstrap/crds';
import { DomainError } from '../../src/common/errors/domain-error';
import * as iamResources from '../../src/iam/resources';
import type { KubeObject, V1ObjectMeta } from '../../src/kube';
import { fromStatus, type KubeStatus } from '../../src/kube/kube-errors';
import * as kubeResources from '../../src/kube/resources';
import { fieldSelector, labelSelector, SelectorError, type Matcher } from '../../src/kube/selectors';

/**
 * The API server's side of FakeKube: storage, resourceVersions and the rules the API server itself
 * applies (names, namespaces, AlreadyExists, stale resourceVersion, preconditions, finalizers,
 * generation, the status subresource, dry run). No controller runs: nothing creates pods for a
 * StatefulSet, no garbage collector deletes dependents, a deleted Namespace stays Terminating.
 * Failures are the DomainErrors the real client maps the API server's Status bodies to (fromStatus).
 */

export type Doc = KubeObject & { metadata: V1ObjectMeta & { name: string } } & Record<string, unknown>;
export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface Coordinates {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}
interface Watcher {
  groupKind: string;
  namespace?: string;
  matches: Matcher;
  send: (type: WatchType, object: Doc) => void;
}

/** Kinds whose status is a subresource: writes of the object itself keep the stored status. */
const STATUS_SUBRESOURCE = new Set([
  'StatefulSet',
  'Deployment',
  'ReplicaSet',
  'Pod',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Namespace',
  'Service',
  'Node',
  'Job',
  'ResourceQuota',
  'CustomResourceDefinition',
]);
/** Status a create starts with (the rest start without one, as their strategies reset it). */
const INITIAL_STATUS: Record<string, Record<string, string>> = {
  Pod: { phase: 'Pending' },
  PersistentVolumeClaim: { phase: 'Pending' },
  PersistentVolume: { phase: 'Pending' },
  Namespace: { phase: 'Active' },
};
/** Names that are DNS-1123 labels; RBAC kinds take any path segment; the rest DNS-1123 subdomains. */
const LABEL_NAMED = new Set(['Namespace', 'Service']);
const SEGMENT_NAMED = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** What `spec` of a StatefulSet may change after creation (ValidateStatefulSetUpdate). */
const STATEFULSET_MUTABLE = new Set([
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'minReadySeconds',
  'persistentVolumeClaimRetentionPolicy',
]);

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
const groupKind = (apiVersion: string, kind: string) => `${groupOf(apiVersion)}/${kind}`;
/** Canonical JSON (keys sorted), so that the same object written in another key order is no change. */
const json = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const seconds = () => new Date(Math.floor(Date.now() / 1000) * 1000);

/**
 * A deep copy as the API server stores it (JSON: undefined fields gone), timestamps read back as
 * Dates as the client's deserializer makes them. (Not structuredClone: under jest its Dates are of
 * another realm, and fail `toBeInstanceOf(Date)`.)
 */
export function normalize(object: unknown): Doc {
  const copy = JSON.parse(JSON.stringify(object)) as Doc;
  copy.metadata ??= { name: '' };
  for (const field of ['creationTimestamp', 'deletionTimestamp'] as const) {
    const raw: unknown = copy.metadata[field];
    if (typeof raw === 'string') copy.metadata[field] = new Date(raw);
  }
  return copy;
}

export class FakeCluster {
  /** The last resourceVersion handed out (etcd's revision): every write takes the next one. */
  revision = 1000;
  /** When set (the API server's NamespaceLifecycle admission), namespaced objects need their Namespace. */
  requireNamespaces = true;
  private readonly objects = new Map<string, Doc>();
  private readonly scopes = new Map<string, boolean>();
  private readonly plurals = new Map<string, string>();
  private readonly watchers = new Set<Watcher>();
  /** What each pod's containers wrote, by `namespace/pod` (the kubelet's part). */
  readonly podLogs = new Map<string, string>();

  constructor() {
    const descriptors = [...Object.values(kubeResources), ...Object.values(iamResources)];
    for (const d of descriptors)
      if (typeof d === 'object' && 'namespaced' in d) this.learn(d.apiVersion, d.kind, d.namespaced);
    for (const crd of CRDS) {
      const spec = (crd as Doc).spec as { group: string; names: { kind: string; plural: string } };
      this.plurals.set(`${spec.group}/${spec.names.kind}`, spec.names.plural);
    }
  }

  /** Records whether a kind is namespaced (descriptors tell; an unknown kind is judged by its object). */
  learn(apiVersion: string, kind: string, namespaced: boolean): void {
    this.scopes.set(groupKind(apiVersion, kind), namespaced);
  }

  namespaced(apiVersion: string, kind: string, namespace?: string): boolean {
    return this.scopes.get(groupKind(apiVersion, kind)) ?? namespace !== undefined;
  }

  /** `statefulsets.apps`, as the API server names a resource in its messages. */
  resourceName(apiVersion: string, kind: string): string {
    const known = this.plurals.get(groupKind(apiVersion, kind));
    const lower = kind.toLowerCase();
    const plural =
      known ??
      (/(s|x|z|ch|sh)$/.test(lower)
        ? `${lower}es`
        : /[^aeiou]y$/.test(lower)
          ? `${lower.slice(0, -1)}ies`
          : `${lower}s`);
    const group = groupOf(apiVersion);
    return group ? `${plural}.${group}` : plural;
  }

  // --- errors, as the API server's Status bodies become DomainErrors in the real client -------------

  error(code: number, reason: string, message: string, details: KubeStatus['details'] = {}): DomainError {
    return fromStatus(code, { kind: 'Status', reason, message, details });
  }

  private notFound(c: Coordinates): DomainError {
    const resource = this.resourceName(c.apiVersion, c.kind);
    const kind = resource.split('.')[0];
    return this.error(404, 'NotFound', `${resource} "${c.name}" not found`, { name: c.name, kind });
  }

  private conflict(c: Coordinates, why = 'the object has been modified'): DomainError {
    const resource = this.resourceName(c.apiVersion, c.kind);
    const message = `Operation cannot be fulfilled on ${resource} "${c.name}": ${why}; please apply your changes to the latest version and try again`;
    return this.error(409, 'Conflict', message, { name: c.name, kind: resource.split('.')[0] });
  }

  private invalid(c: Coordinates, field: string, message: string): DomainError {
    const group = groupOf(c.apiVersion);
    const what = `${c.kind}${group ? `.${group}` : ''} "${c.name}"`;
    return this.error(422, 'Invalid', `${what} is invalid: ${field}: ${message}`, {
      name: c.name,
      kind: c.kind,
      causes: [{ field, message: `${field}: ${message}`, reason: 'FieldValueInvalid' }],
    });
  }

  /** A selector the API server cannot parse is a 400 BadRequest. */
  matcher(kind: string, labels?: string, fields?: string): Matcher {
    try {
      const byLabels = labelSelector(labels);
      const byFields = fieldSelector(fields, kind);
      return (object) => byLabels(object) && byFields(object);
    } catch (error) {
      if (error instanceof SelectorError) throw this.error(400, 'BadRequest', error.message);
      throw error;
    }
  }

  // --- storage ---------------------------------------------------------------------------------------

  key(c: Coordinates): string {
    const namespace = this.namespaced(c.apiVersion, c.kind, c.namespace) ? (c.namespace ?? 'default') : '';
    return `${groupKind(c.apiVersion, c.kind)}/${namespace}/${c.name}`;
  }

  coordinates(object: Doc): Coordinates {
    const { apiVersion = '', kind = '', metadata } = object;
    return { apiVersion, kind, namespace: metadata.namespace, name: metadata.name };
  }

  peek(c: Coordinates): Doc | undefined {
    return this.objects.get(this.key(c));
  }

  read(c: Coordinates): Doc {
    const stored = this.peek(c);
    if (!stored) throw this.notFound(c);
    return stored;
  }

  /** The objects of a kind (in one namespace), in the API server's order (namespace, then name). */
  select(apiVersion: string, kind: string, namespace?: string, matches: Matcher = () => true): Doc[] {
    const prefix = `${groupKind(apiVersion, kind)}/${namespace === undefined ? '' : `${namespace}/`}`;
    return [...this.objects.entries()]
      .filter(([key, object]) => key.startsWith(prefix) && matches(object))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, object]) => object);
  }

  /** Stores `object` as it is (a controller's write, or seeding): a new resourceVersion, no other rule. */
  put(object: Doc): Doc {
    const previous = this.peek(this.coordinates(object));
    object.metadata.uid ??= previous?.metadata.uid ?? randomUUID();
    object.metadata.creationTimestamp ??= previous?.metadata.creationTimestamp ?? seconds();
    object.metadata.resourceVersion = String(++this.revision);
    this.objects.set(this.key(this.coordinates(object)), object);
    this.notify(previous ? 'MODIFIED' : 'ADDED', object, previous);
    return object;
  }

  drop(c: Coordinates): void {
    const previous = this.peek(c);
    if (!previous) return;
    this.objects.delete(this.key(c));
    this.notify('DELETED', {
      ...previous,
      metadata: { ...previous.metadata, resourceVersion: String(++this.revision) },
    });
  }

  // --- the API server's rules ---------------------------------------------------------------------

  create(object: Doc, dryRun: boolean): Doc {
    const c = this.coordinates(object);
    const meta = object.metadata;
    if (!meta.name && meta.generateName)
      meta.name = c.name = `${meta.generateName}${randomUUID().slice(0, 5)}`;
    if (!meta.name)
      throw this.invalid(c, 'metadata.name', 'Required value: name or generateName is required');
    this.checkName(c);
    if (this.namespaced(c.apiVersion, c.kind, c.namespace)) {
      meta.namespace = c.namespace ??= 'default';
      this.checkNamespace(c.namespace);
    } else delete meta.namespace;
    if (this.peek(c)) {
      const resource = this.resourceName(c.apiVersion, c.kind);
      const details = { name: c.name, kind: resource.split('.')[0] };
      throw this.error(409, 'AlreadyExists', `${resource} "${c.name}" already exists`, details);
    }
    if (meta.resourceVersion && !dryRun)
      throw this.error(500, 'InternalError', 'resourceVersion should not be set on objects to be created');
    Object.assign(meta, { uid: randomUUID(), creationTimestamp: seconds() });
    delete meta.deletionTimestamp;
    if (object.spec !== undefined) meta.generation = 1;
    if (STATUS_SUBRESOURCE.has(c.kind)) {
      if (INITIAL_STATUS[c.kind]) object.status = { ...INITIAL_STATUS[c.kind] };
      else delete object.status;
    }
    if (c.kind === 'Namespace') object.spec = { finalizers: ['kubernetes'] };
    return dryRun ? object : this.put(object);
  }

  /** A PUT: `metadata.resourceVersion`, when given, must be the stored one. */
  update(object: Doc, dryRun: boolean): Doc {
    const c = this.coordinates(object);
    const stored = this.read(c);
    const meta = object.metadata;
    if (meta.resourceVersion && meta.resourceVersion !== stored.metadata.resourceVersion)
      throw this.conflict(c);
    if (meta.uid && meta.uid !== stored.metadata.uid)
      throw this.conflict(
        c,
        `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${stored.metadata.uid}`,
      );
    const { uid, creationTimestamp, deletionTimestamp, generation, namespace } = stored.metadata;
    Object.assign(meta, {
      uid,
      creationTimestamp,
      deletionTimestamp,
      namespace,
      resourceVersion: stored.metadata.resourceVersion,
    });
    if (deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (namespace === undefined) delete meta.namespace;
    if (STATUS_SUBRESOURCE.has(c.kind)) {
      if (stored.status === undefined) delete object.status;
      else object.status = normalize(stored).status;
    }
    if (c.kind === 'StatefulSet') this.checkStatefulSetUpdate(c, stored, object);
    meta.generation = generation;
    if (generation !== undefined && json(object.spec) !== json(stored.spec)) meta.generation = generation + 1;
    if (generation === undefined) delete meta.generation;
    if (stored.metadata.deletionTimestamp && !meta.finalizers?.length) {
      if (!dryRun) this.drop(c);
      return object;
    }
    if (json(object) === json(stored) || dryRun) return object; // a no-op write keeps its resourceVersion
    return this.put(object);
  }

  delete(c: Coordinates, options: { dryRun: boolean; uid?: string; resourceVersion?: string }): Doc {
    const stored = this.read(c);
    const { uid, resourceVersion } = stored.metadata;
    if (options.uid && options.uid !== uid)
      throw this.conflict(
        c,
        `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${uid}`,
      );
    if (options.resourceVersion && options.resourceVersion !== resourceVersion)
      throw this.conflict(
        c,
        `Precondition failed: ResourceVersion in precondition: ${options.resourceVersion}, ResourceVersion in object meta: ${resourceVersion}`,
      );
    if (options.dryRun || stored.metadata.deletionTimestamp) return stored;
    // Finalizers (a Namespace's are in its spec) keep the object, Terminating, until they are removed.
    if (stored.metadata.finalizers?.length || c.kind === 'Namespace') {
      const next = normalize(stored);
      next.metadata.deletionTimestamp = seconds();
      if (c.kind === 'Namespace') next.status = { phase: 'Terminating' };
      return this.put(next);
    }
    this.drop(c);
    return stored;
  }

  private checkName(c: Coordinates): void {
    if (SEGMENT_NAMED.has(c.kind)) return;
    const label = LABEL_NAMED.has(c.kind);
    if ((label ? DNS_LABEL : DNS_SUBDOMAIN).test(c.name)) return;
    const rule = label
      ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
      : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    throw this.invalid(c, 'metadata.name', `Invalid value: "${c.name}": ${rule}`);
  }

  private checkNamespace(namespace: string): void {
    if (!this.requireNamespaces) return;
    const found = this.peek({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    if (!found) throw this.notFound({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    if (found.metadata.deletionTimestamp)
      throw this.error(
        403,
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
        { name: namespace, kind: 'namespaces' },
      );
  }

  /** Only what STATEFULSET_MUTABLE names may change (a field either side leaves out counts as defaulted). */
  private checkStatefulSetUpdate(c: Coordinates, stored: Doc, next: Doc): void {
    const before = (stored.spec ?? {}) as Record<string, unknown>;
    const after = (next.spec ?? {}) as Record<string, unknown>;
    const changed = Object.keys(after).filter(
      (key) =>
        !STATEFULSET_MUTABLE.has(key) && before[key] !== undefined && json(before[key]) !== json(after[key]),
    );
    if (changed.length)
      throw this.invalid(
        c,
        'spec',
        "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      );
  }

  // --- watch -------------------------------------------------------------------------------------

  subscribe(watcher: Watcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** As the watch cache does: an object that stops (starts) matching a selector is DELETED (ADDED). */
  private notify(type: WatchType, object: Doc, previous?: Doc): void {
    const gk = groupKind(object.apiVersion ?? '', object.kind ?? '');
    for (const w of this.watchers) {
      if (w.groupKind !== gk || (w.namespace !== undefined && w.namespace !== object.metadata.namespace))
        continue;
      const now = w.matches(object);
      const before = previous !== undefined && w.matches(previous);
      if (type !== 'MODIFIED') {
        if (now) w.send(type, object);
      } else if (now) w.send(before ? 'MODIFIED' : 'ADDED', object);
      else if (before) w.send('DELETED', object);
    }
  }
}

export { groupKind };
