import type { DomainError } from '../../src/common/errors/domain-error';
import type { KubeRef, KubeRequestListener } from '../../src/kube';
import type { FakeCluster } from './fake-cluster';

/** The calls a FakeKube makes: recorded in order, observable, and open to injected failures. */

/** The verbs of the API server's audit log (`find` is a get, `modify` a get and updates, `apply` a patch). */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface FakeCall extends Omit<KubeRef, 'name'> {
  verb: Verb;
  name?: string;
  subresource?: 'scale' | 'log';
  dryRun: boolean;
  /** The impersonated user; undefined for the service's own identity. */
  user?: string;
}

export interface CallMatcher {
  verb?: Verb | readonly Verb[];
  kind?: string;
  namespace?: string;
  name?: string;
  dryRun?: boolean;
  subresource?: FakeCall['subresource'];
  /** The first matching call that is hit: 1 (the default) for the first. */
  nth?: number;
  /** How many matching calls are hit from the nth on; 1 by default, Infinity for all. */
  times?: number;
}

interface Interceptor {
  match: CallMatcher;
  seen: number;
  action: (call: FakeCall) => void | Promise<void>;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};
const METHODS: Record<Verb, string> = {
  get: 'GET',
  list: 'GET',
  watch: 'GET',
  create: 'POST',
  update: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};
const WRITES: readonly Verb[] = ['create', 'update', 'patch', 'delete'];

/** Shared by a FakeKube and every client `as()` makes from it, like KubeConnection's listeners. */
export class CallLog {
  readonly calls: FakeCall[] = [];
  readonly observers = new Set<KubeRequestListener>();
  private readonly interceptors: Interceptor[] = [];

  constructor(private readonly cluster: FakeCluster) {}

  /** Before the call reaches the cluster: log it, tell the observers, run what intercepts it. */
  async record(call: FakeCall): Promise<void> {
    this.calls.push(call);
    for (const listener of this.observers)
      listener({ method: METHODS[call.verb], url: this.url(call), user: call.user });
    for (const interceptor of this.interceptors) {
      if (!matches(interceptor.match, call)) continue;
      const { nth = 1, times = 1 } = interceptor.match;
      interceptor.seen++;
      if (interceptor.seen >= nth && interceptor.seen < nth + times) await interceptor.action(call);
    }
  }

  /**
   * An injected failure is final: KubeClient's own retry of a 429 or of a dropped read is not
   * modelled, so inject what the caller would finally see.
   */
  failOn(match: CallMatcher, error: DomainError | number): void {
    this.beforeCall(match, () => {
      throw typeof error === 'number'
        ? this.cluster.error(error, REASONS[error] ?? 'InternalError', 'injected by FakeKube.failOn')
        : error;
    });
  }

  beforeCall(match: CallMatcher, action: (call: FakeCall) => void | Promise<void>): void {
    this.interceptors.push({ match, seen: 0, action });
  }

  writes(): string[] {
    return this.calls
      .filter((c) => WRITES.includes(c.verb))
      .map((c) => {
        const where = c.namespace ? `${c.namespace}/` : '';
        return `${c.dryRun ? 'dry-run ' : ''}${c.verb} ${c.kind} ${where}${c.name ?? ''}`;
      });
  }

  private url(c: FakeCall): string {
    const base = c.apiVersion.includes('/') ? `/apis/${c.apiVersion}` : `/api/${c.apiVersion}`;
    const namespaced = c.namespace && this.cluster.namespaced(c.apiVersion, c.kind, c.namespace);
    const plural = this.cluster.resourceName(c.apiVersion, c.kind).split('.')[0];
    const path = [namespaced ? `namespaces/${c.namespace}` : '', plural, c.name ?? '', c.subresource ?? ''];
    return `https://fake-kube${base}/${path.filter(Boolean).join('/')}${c.dryRun ? '?dryRun=All' : ''}`;
  }
}

function matches(match: CallMatcher, call: FakeCall): boolean {
  const verbs: readonly Verb[] | undefined = typeof match.verb === 'string' ? [match.verb] : match.verb;
  return (
    (verbs === undefined || verbs.includes(call.verb)) &&
    (match.kind === undefined || match.kind === call.kind) &&
    (match.namespace === undefined || match.namespace === call.namespace) &&
    (match.name === undefined || match.name === call.name) &&
    (match.dryRun === undefined || match.dryRun === call.dryRun) &&
    (match.subresource === undefined || match.subresource === call.subresource)
  );
}
