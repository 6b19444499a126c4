import {
  HttpMethod,
  KubernetesObjectApi,
  PatchStrategy,
  RequestContext,
  VersionApi,
} from '@kubernetes/client-node';
import { fetch } from 'undici';
import type { Configuration } from '@kubernetes/client-node';
import type { Identity } from './identity';
import type { KubeConnection } from './kube-connection';
import { kubeErrorToDomain } from './kube-errors';
import type { KubeReader } from './kube-reader';
import type {
  DeleteOptions,
  KubeList,
  KubeObject,
  KubeRef,
  ListOptions,
  PatchType,
  V1Status,
  VersionInfo,
  WriteOptions,
} from './kube-types';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

const FIELD_MANAGER = 'berth';
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

  constructor(
    private readonly connection: KubeConnection,
    readonly identity?: Identity,
    // Shared by every client of one connection, so API discovery is cached once.
    private readonly objects = new KubernetesObjectApi(connection.configuration()),
  ) {
    this.config = connection.configuration(identity);
  }

  /** The same connection, impersonating `identity`. */
  as(identity: Identity): KubeClient {
    return new KubeClient(this.connection, identity, this.objects);
  }

  get<T extends KubeObject>(ref: KubeRef): Promise<T> {
    return call(() => this.objects.read<T>(header(ref), undefined, undefined, undefined, this.config));
  }

  async find<T extends KubeObject>(ref: KubeRef): Promise<T | null> {
    try {
      return await this.get<T>(ref);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  list<T extends KubeObject>(
    apiVersion: string,
    kind: string,
    options: ListOptions = {},
  ): Promise<KubeList<T>> {
    return call(() =>
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
        this.config,
      ),
    );
  }

  create<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    return call(() => this.objects.create<T>(object, undefined, dryRun(options), FIELD_MANAGER, this.config));
  }

  /** Replaces the object; a `metadata.resourceVersion` makes it fail with CONFLICT if the object changed. */
  replace<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    return call(() =>
      this.objects.replace<T>(object, undefined, dryRun(options), FIELD_MANAGER, this.config),
    );
  }

  patch<T extends KubeObject>(object: T, type: PatchType, options: WriteOptions = {}): Promise<T> {
    return call(() =>
      this.objects.patch<T>(
        object,
        undefined,
        dryRun(options),
        FIELD_MANAGER,
        undefined,
        PATCH_STRATEGY[type],
        this.config,
      ),
    );
  }

  delete(ref: KubeRef, options: DeleteOptions = {}): Promise<V1Status> {
    const body = options.preconditions ? { preconditions: options.preconditions } : undefined;
    return call(() =>
      this.objects.delete(
        header(ref),
        undefined,
        dryRun(options),
        undefined,
        undefined,
        options.propagationPolicy,
        body,
        this.config,
      ),
    );
  }

  version(): Promise<VersionInfo> {
    return call(() => new VersionApi(this.config).getCode());
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

function header(ref: KubeRef): KubeObject & { metadata: { name: string; namespace?: string } } {
  const metadata = ref.namespace ? { name: ref.name, namespace: ref.namespace } : { name: ref.name };
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata };
}

function dryRun(options: WriteOptions): string | undefined {
  return options.dryRun ? 'All' : undefined;
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw kubeErrorToDomain(error);
  }
}
