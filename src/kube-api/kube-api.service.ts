import { Inject, Injectable } from '@nestjs/common';
import { AccessService, forbidden } from '../access/access.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { IdentityService } from '../iam/identity.service';
import {
  CLUSTER_READABLE,
  kubePermissionFor,
  kubeResource,
  READ_VERBS,
  WRITE_VERBS,
} from '../iam/kube-permissions';
import type { Principal } from '../iam/principal';
import { KubeCache, KubeClient, type ForwardedAnswer, type Identity, type WriteAnswer } from '../kube';
import type { KubeApiRequest, ResourceRequest } from './kube-api-path';
import { kubeStatus } from './kube-status';

/** What of the caller's request goes on to the API server (the rest is dropped). */
export interface Incoming {
  /** The query string as sent, without its `?`. */
  query: string;
  accept?: string;
  contentType?: string;
  body?: Uint8Array;
  /** Aborted when the caller goes away. */
  signal: AbortSignal;
}

/** A refusal that is already the Status the caller gets (a hidden project: exactly a missing one). */
export class KubeStatusError extends Error {
  constructor(readonly status: ReturnType<typeof kubeStatus>) {
    super(status.message);
  }
}

/** Open watches and followed logs per user, on this replica: each holds a connection to the API server. */
export const MAX_STREAMS_PER_USER = 20;

/**
 * The Kubernetes API for signed-in users: a request is allowed by Berth's tenancy first (the project
 * must be visible, the role must grant the verb, from the same table the project ClusterRoles are
 * made of), then sent impersonating the user, so Kubernetes decides a second time.
 */
@Injectable()
export class KubeApiService {
  private readonly streams = new Map<string, number>();

  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(IdentityService) private readonly identities: IdentityService,
    @Inject(KubeClient) private readonly kube: KubeClient,
    @Inject(KubeCache) private readonly cache: KubeCache,
  ) {}

  /** Who the request goes to Kubernetes as, once Berth allows it. */
  async authorize(principal: Principal, request: KubeApiRequest): Promise<Identity> {
    if (request.kind === 'discovery') return this.identities.forCluster(principal.username);
    if (request.namespace === undefined) return this.clusterScoped(principal, request);
    const access = await this.access.project(principal, request.namespace).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        // Exactly what a namespace that does not exist answers, whether or not this one does.
        throw new KubeStatusError(
          kubeStatus(404, `namespaces "${request.namespace}" not found`, {
            name: request.namespace,
            kind: 'namespaces',
          }),
        );
      }
      throw error;
    });
    const permission = kubePermissionFor(request.group, request.resource, request.verb);
    if (!permission) throw refused(request);
    AccessService.require(access.permissions, permission);
    return access.identity;
  }

  /** Authorizes and sends `request`; the answer streams back as the API server gives it. */
  async send(principal: Principal, request: KubeApiRequest, incoming: Incoming): Promise<ForwardedAnswer> {
    const identity = await this.authorize(principal, request);
    const stream =
      request.kind === 'resource' &&
      (request.verb === 'watch' ||
        (request.resource === 'pods/log' && /(^|&)follow=(true|1)(&|$)/.test(incoming.query)));
    const release = stream ? this.holdStream(principal.username) : () => undefined;
    try {
      const answer = await this.kube.as(identity).forward({
        method: methodOf(request),
        path: incoming.query ? `${request.path}?${incoming.query}` : request.path,
        headers: {
          ...(incoming.accept ? { Accept: incoming.accept } : {}),
          ...(incoming.contentType ? { 'Content-Type': incoming.contentType } : {}),
        },
        body: incoming.body,
        stream,
        signal: incoming.signal,
      });
      if (!answer.body) release();
      else incoming.signal.addEventListener('abort', release, { once: true });
      return request.kind === 'resource'
        ? await this.noted(request, incoming.query, answer)
        : await scrubbed(request.path, answer);
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * A write that landed is told to the read cache before its answer goes back, so that a read after
   * it, through any of Berth's APIs, sees it (read-your-writes). Its answer is small: held whole.
   */
  private async noted(
    request: ResourceRequest,
    query: string,
    answer: ForwardedAnswer,
  ): Promise<ForwardedAnswer> {
    const kind = kubeResource(request.group, request.resource)?.kind;
    const landed = answer.status >= 200 && answer.status < 300 && !/(^|&)dryRun=/.test(query);
    if (!WRITE_VERBS.includes(request.verb) || !kind || !landed || !answer.body) return answer;
    const bytes = new Uint8Array(await new Response(answer.body).arrayBuffer());
    try {
      const written = JSON.parse(Buffer.from(bytes).toString('utf8')) as WriteAnswer;
      const name = request.name ?? (written as { metadata?: { name?: string } }).metadata?.name;
      const apiVersion = request.group ? `${request.group}/${request.version}` : request.version;
      if (name) this.cache.wrote({ apiVersion, kind, namespace: request.namespace, name }, written);
    } catch {
      // Not JSON (protobuf was asked for): the cache catches up through its watch instead.
    }
    return { ...answer, body: new Blob([bytes]).stream() as unknown as ForwardedAnswer['body'] };
  }

  private clusterScoped(principal: Principal, request: ResourceRequest): Identity {
    const readable = CLUSTER_READABLE.some(
      (r) => r.group === request.group && r.resource === request.resource,
    );
    if (!readable || !READ_VERBS.includes(request.verb)) throw refused(request);
    return this.identities.forCluster(principal.username);
  }

  /** Counts one more open stream of `user`; the function given back counts it off (once). */
  private holdStream(user: string): () => void {
    const open = this.streams.get(user) ?? 0;
    if (open >= MAX_STREAMS_PER_USER)
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `At most ${MAX_STREAMS_PER_USER} open watches and log streams`,
        {
          retryAfterSeconds: 10,
        },
      );
    this.streams.set(user, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.streams.get(user) ?? 1) - 1;
      if (left > 0) this.streams.set(user, left);
      else this.streams.delete(user);
    };
  }
}

/**
 * Discovery without the API server's own address (`serverAddressByClientCIDRs` in /api and /apis):
 * clients reach Kubernetes through Berth, and its address is nobody's business.
 */
async function scrubbed(path: string, answer: ForwardedAnswer): Promise<ForwardedAnswer> {
  // Only the group lists and groups carry it (the OpenAPI documents are large and do not).
  const listsGroups = /^\/(api|apis|apis\/[^/]+)$/.test(path);
  if (
    !listsGroups ||
    answer.status !== 200 ||
    !answer.body ||
    !answer.headers.get('content-type')?.includes('json')
  )
    return answer;
  const text = await new Response(answer.body).text();
  let body = text;
  try {
    const document = JSON.parse(text) as { serverAddressByClientCIDRs?: unknown; groups?: object[] };
    if ('serverAddressByClientCIDRs' in document || Array.isArray(document.groups)) {
      delete document.serverAddressByClientCIDRs;
      for (const group of document.groups ?? [])
        delete (group as Record<string, unknown>).serverAddressByClientCIDRs;
      body = JSON.stringify(document);
    }
  } catch {
    // Not JSON after all: passed on as it came.
  }
  return { ...answer, body: new Blob([body]).stream() as unknown as ForwardedAnswer['body'] };
}

function methodOf(request: KubeApiRequest): string {
  if (request.kind === 'discovery') return 'GET';
  const methods: Record<string, string> = {
    get: 'GET',
    list: 'GET',
    watch: 'GET',
    create: 'POST',
    update: 'PUT',
    patch: 'PATCH',
    delete: 'DELETE',
    deletecollection: 'DELETE',
  };
  return methods[request.verb];
}

function refused(request: ResourceRequest): DomainError {
  const what = request.group ? `${request.resource}.${request.group}` : request.resource;
  return forbidden(`${what}: ${request.verb} is not allowed through Berth`);
}
