import {
  bufferFromFileOrString,
  createConfiguration,
  KubeConfig,
  ServerConfiguration,
} from '@kubernetes/client-node';
import type { Configuration, RequestContext, SecurityAuthentication } from '@kubernetes/client-node';
import { Agent, type Dispatcher } from 'undici';
import type { KubeSource } from '../config/app-config';
import type { Identity } from './identity';
import { currentRequest } from '../common/logging/request-context';
import { kubeRequestLabels } from '../common/metrics/kube-request-labels';
import { kubeRequests } from '../common/metrics/metrics';

/** One request about to be sent to the API server (for metrics and for tests that count calls). */
export interface KubeRequestRecord {
  method: string;
  url: string;
  /** The impersonated user, or undefined for the service's own identity. */
  user?: string;
  /** The impersonated group, if any. */
  group?: string;
  /** The Berth request the call is made for (none for the cache's own list and watch). */
  requestId?: string;
}

export type KubeRequestListener = (request: KubeRequestRecord) => void;

/**
 * One connection to one API server: its KubeConfig, plus a single pooled HTTP dispatcher. The
 * client library would otherwise open a new agent (a new TCP and TLS handshake) for every request.
 */
export class KubeConnection {
  private readonly dispatcher: Dispatcher | undefined;
  /**
   * Forwarded streams (the Kubernetes API path's watches and followed logs) each hold a connection
   * for as long as they run: a pool of their own, so they can never starve Berth's own calls.
   */
  readonly streamDispatcher: Dispatcher | undefined;
  private readonly listeners = new Set<KubeRequestListener>();

  private constructor(
    readonly kubeConfig: KubeConfig,
    readonly timeoutMs: number,
  ) {
    this.dispatcher = pooledDispatcher(kubeConfig, 64);
    this.streamDispatcher = pooledDispatcher(kubeConfig, 256);
  }

  static fromSource(source: KubeSource, timeoutMs: number): KubeConnection {
    const kc = new KubeConfig();
    // The token is not inlined: the library re-reads the file, which the kubelet rotates.
    if (source.kind === 'in-cluster') kc.loadFromCluster(source.root?.replace(/\/+$/, '') ?? '');
    else kc.loadFromFile(source.path);
    if (!kc.getCurrentCluster()) throw new Error('The kubeconfig has no current cluster');
    inlineCredentialFiles(kc);
    return new KubeConnection(kc, timeoutMs);
  }

  get server(): string {
    return this.kubeConfig.getCurrentCluster()?.server ?? '';
  }

  /** A client-library configuration for requests made as the service itself or for `identity`. */
  configuration(identity?: Identity): Configuration {
    return createConfiguration({
      baseServer: new ServerConfiguration(this.server, {}),
      authMethods: { default: new RequestAuthenticator(this, identity) },
    });
  }

  /** Calls `listener` before each request to the API server; returns the function that stops it. */
  observe(listener: KubeRequestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies credentials, the pooled dispatcher, impersonation and (unless streaming) a timeout. */
  async prepare(ctx: RequestContext, identity: Identity | undefined, stream: boolean): Promise<void> {
    const request = currentRequest();
    for (const listener of this.listeners)
      listener({
        method: ctx.getHttpMethod(),
        url: ctx.getUrl(),
        user: identity?.user,
        group: identity?.group,
        requestId: request?.id,
      });
    await this.kubeConfig.applySecurityAuthentication(ctx);
    if (this.dispatcher) ctx.setDispatcher(this.dispatcher);
    if (!stream && !ctx.getSignal()) ctx.setSignal(AbortSignal.timeout(this.timeoutMs));
    // The API server's audit log records the user agent: it names the Berth request behind the call.
    if (request) ctx.setHeaderParam('User-Agent', `berth (request ${request.id})`);
    if (identity) {
      ctx.setHeaderParam('Impersonate-User', identity.user);
      // The generated client holds one value per header, so at most one group is impersonated; the
      // tenancy model needs only the caller's group for the workspace that owns the namespace.
      if (identity.group) ctx.setHeaderParam('Impersonate-Group', identity.group);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.dispatcher?.close(), this.streamDispatcher?.destroy()]);
  }
}

class RequestAuthenticator implements SecurityAuthentication {
  constructor(
    private readonly connection: KubeConnection,
    private readonly identity: Identity | undefined,
  ) {}

  getName(): string {
    return 'berth';
  }

  applySecurityAuthentication(ctx: RequestContext): Promise<void> {
    return this.connection.prepare(ctx, this.identity, false);
  }
}

/** Reads certificate and key files once at start instead of on every request. */
function inlineCredentialFiles(kc: KubeConfig): void {
  const base64 = (file?: string, data?: string) => bufferFromFileOrString(file, data)?.toString('base64');
  kc.clusters = kc.clusters.map((c) =>
    c.caFile ? { ...c, caData: base64(c.caFile, c.caData), caFile: undefined } : c,
  );
  kc.users = kc.users.map((u) =>
    u.certFile || u.keyFile
      ? {
          ...u,
          certData: base64(u.certFile, u.certData),
          keyData: base64(u.keyFile, u.keyData),
          certFile: undefined,
          keyFile: undefined,
        }
      : u,
  );
}

function pooledDispatcher(kc: KubeConfig, connections: number): Dispatcher | undefined {
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  const tls = {
    ca: bufferFromFileOrString(cluster?.caFile, cluster?.caData) ?? undefined,
    cert: bufferFromFileOrString(user?.certFile, user?.certData) ?? undefined,
    key: bufferFromFileOrString(user?.keyFile, user?.keyData) ?? undefined,
    ...(cluster?.skipTLSVerify ? { rejectUnauthorized: false } : {}),
    ...(cluster?.tlsServerName ? { servername: cluster.tlsServerName } : {}),
  };
  const options = kc.createDispatcherOptions(cluster, tls);
  // Proxied connections keep the library's own dispatcher.
  if (options.type !== 'agent') return undefined;
  return new Agent({ connect: options.connect, connections, keepAliveTimeout: 30_000 }).compose(measured);
}

/** Every method a dispatch handler may have (undici's handler API and its older one). */
const HANDLER_METHODS = [
  'onRequestStart',
  'onRequestUpgrade',
  'onResponseStart',
  'onResponseStarted',
  'onResponseData',
  'onResponseEnd',
  'onResponseError',
  'onRequestSent',
  'onBodySent',
  'onConnect',
  'onUpgrade',
  'onHeaders',
  'onData',
  'onComplete',
  'onError',
] as const;

/**
 * Counts and times each call at the dispatcher, where every call passes (streams included): the
 * time until the API server's headers, and their status (`error` when none came). The handler is
 * forwarded to method by method, whichever of undici's handler APIs it speaks.
 */
const measured: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
  const started = performance.now();
  const { verb, resource } = kubeRequestLabels(options.method, options.path);
  let done = false;
  const record = (code: string) => {
    if (done) return;
    done = true;
    kubeRequests.total.inc({ verb, resource, code });
    kubeRequests.seconds.observe({ verb, resource }, (performance.now() - started) / 1000);
  };
  const original = handler as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>;
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of HANDLER_METHODS) {
    const method = original[name];
    if (typeof method !== 'function') continue;
    wrapped[name] = (...args: unknown[]) => {
      if (name === 'onResponseStart' || name === 'onRequestUpgrade') {
        const status = Number(args[1]);
        if (status >= 200) record(String(status));
      } else if (name === 'onHeaders' || name === 'onUpgrade') {
        const status = Number(args[0]);
        if (status >= 200) record(String(status));
      } else if (name === 'onResponseError' || name === 'onError') record('error');
      return method.apply(handler, args);
    };
  }
  return dispatch(options, wrapped);
};
