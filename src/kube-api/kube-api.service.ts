import { Injectable } from '@nestjs/common';
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
import { LABELS } from '../iam/labels';
import {
  KubeCache,
  KubeClient,
  NAMESPACES,
  type ForwardedAnswer,
  type Identity,
  type WriteAnswer,
} from '../kube';
import { queryFlag, type KubeApiRequest, type ResourceRequest } from './kube-api-path';
import { kubeStatus, KubeStatusError } from './kube-status';
import { patchContentType } from './patch-directives';
import {
  upstreamQuery,
  visibleEvents,
  visibleList,
  workspaceSelected,
  type Visible,
} from './workspace-namespaces';

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

/** Open watches and followed logs per user, on this replica: each holds a connection to the API server. */
export const MAX_STREAMS_PER_USER = 20;
/** And of all users (the API connections of streams are a pool of their own, see KubeConnection). */
export const MAX_STREAMS = 200;
/** The longest a watch or a followed log stays open before its caller must reopen (and be authorized again). */
export const MAX_STREAM_MS = 30 * 60_000;

/**
 * The Kubernetes API for signed-in users: a request is allowed by Berth's tenancy first (the project
 * must be visible, the role must grant the verb, from the same table the project ClusterRoles are
 * made of), then sent impersonating the user, so Kubernetes decides a second time.
 */
@Injectable()
export class KubeApiService {
  private readonly streams = new Map<string, number>();
  private open = 0;

  constructor(
    private readonly access: AccessService,
    private readonly identities: IdentityService,
    private readonly kube: KubeClient,
    private readonly cache: KubeCache,
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
    const query = new URLSearchParams(incoming.query);
    // A workspace's Namespaces are asked for as Berth and filtered by the caller's tenancy (see there).
    const workspace = request.kind === 'resource' ? workspaceSelected(request, query) : undefined;
    const identity = workspace === undefined ? await this.authorize(principal, request) : undefined;
    const forwardedQuery = workspace === undefined ? incoming.query : upstreamQuery(query, workspace);
    const contentType = patchContentType(request, incoming.contentType, incoming.body);
    const stream =
      request.kind === 'resource' &&
      (request.verb === 'watch' || (request.resource === 'pods/log' && queryFlag(query, 'follow')));
    const release = stream ? this.holdStream(principal.username) : () => undefined;
    // Checked again after each await: a caller gone meanwhile never fired the abort listener.
    const gone = () => incoming.signal.aborted;
    try {
      if (gone()) throw new DomainError(ErrorCode.UNAVAILABLE, 'The caller went away');
      const { method } = request;
      const answer = await (identity ? this.kube.as(identity) : this.kube).forward({
        method,
        path: forwardedQuery ? `${request.path}?${forwardedQuery}` : request.path,
        headers: {
          ...(workspace !== undefined
            ? { Accept: 'application/json' }
            : incoming.accept
              ? { Accept: acceptFor(request, incoming.accept) }
              : {}),
          ...(contentType ? { 'Content-Type': contentType } : {}),
        },
        // A GET carries no body (the API server ignores one; the HTTP client refuses it).
        body: method === 'GET' ? undefined : incoming.body,
        stream,
        // A stream lives at most MAX_STREAM_MS: the caller reopens it, and is authorized again.
        signal: stream
          ? AbortSignal.any([incoming.signal, AbortSignal.timeout(MAX_STREAM_MS)])
          : incoming.signal,
      });
      if (!answer.body || gone()) release();
      else incoming.signal.addEventListener('abort', release, { once: true });
      if (workspace !== undefined && request.kind === 'resource')
        return await this.onlyVisible(principal, request, query, workspace, answer);
      return request.kind === 'resource'
        ? await this.noted(request, query, incoming.body, answer)
        : await scrubbed(request.path, answer);
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * A write that landed is told to the read cache before its answer goes back, so that a read after
   * it, through any of Berth's APIs, sees it (read-your-writes). Its answer is one object: held whole.
   * Dry runs, however they are asked for, change nothing and are not told.
   */
  private async noted(
    request: ResourceRequest,
    query: URLSearchParams,
    body: Uint8Array | undefined,
    answer: ForwardedAnswer,
  ): Promise<ForwardedAnswer> {
    const kind = kubeResource(request.group, request.resource)?.kind;
    const landed = answer.status >= 200 && answer.status < 300;
    const oneObject = WRITE_VERBS.includes(request.verb) && request.verb !== 'deletecollection';
    if (!oneObject || !kind || !landed || !answer.body || mayBeDryRun(query, body)) return answer;
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

  /** A workspace's Namespace list or watch, with only what the caller may see. */
  private async onlyVisible(
    principal: Principal,
    request: ResourceRequest,
    query: URLSearchParams,
    workspace: string,
    answer: ForwardedAnswer,
  ): Promise<ForwardedAnswer> {
    if (answer.status !== 200 || !answer.body) return answer;
    const visible: Visible = (name) =>
      this.access.project(principal, name).then(
        () => true,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return false;
          throw error;
        },
      );
    if (request.verb !== 'watch') {
      const text = await visibleList(await new Response(answer.body).text(), visible);
      return { ...answer, body: new Blob([text]).stream() as unknown as ForwardedAnswer['body'] };
    }
    const from = query.get('resourceVersion');
    // Begun from a version, the watch sends no ADDED for what exists: the deletions to pass on are
    // those of what the caller sees now.
    const seen = from && from !== '0' ? await this.visibleNamespaces(workspace, visible) : [];
    return { ...answer, body: visibleEvents(answer.body, visible, seen) };
  }

  private async visibleNamespaces(workspace: string, visible: Visible): Promise<string[]> {
    const { items } = await this.kube.list(NAMESPACES, { labelSelector: `${LABELS.workspace}=${workspace}` });
    const names = items.map((ns) => ns.metadata?.name ?? '');
    const kept = await Promise.all(names.map(visible));
    return names.filter((_, i) => kept[i]);
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
    if (this.open >= MAX_STREAMS)
      throw new DomainError(ErrorCode.UNAVAILABLE, 'Too many open watches on this server; try again later', {
        retryAfterSeconds: 10,
      });
    if (open >= MAX_STREAMS_PER_USER)
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `At most ${MAX_STREAMS_PER_USER} open watches and log streams`,
        {
          retryAfterSeconds: 10,
        },
      );
    this.streams.set(user, open + 1);
    this.open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open--;
      const left = (this.streams.get(user) ?? 1) - 1;
      if (left > 0) this.streams.set(user, left);
      else this.streams.delete(user);
    };
  }
}

const LISTS_GROUPS = /^\/(api|apis|apis\/[^/]+)$/;

/**
 * Discovery without the API server's own address (`serverAddressByClientCIDRs` in /api and /apis):
 * clients reach Kubernetes through Berth, and its address is nobody's business.
 */
async function scrubbed(path: string, answer: ForwardedAnswer): Promise<ForwardedAnswer> {
  // Only the group lists and groups carry it (the OpenAPI documents are large and do not).
  const listsGroups = LISTS_GROUPS.test(path);
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

/** A dry run asked in the query (any spelling the API server decodes) or in DeleteOptions. */
function mayBeDryRun(query: URLSearchParams, body: Uint8Array | undefined): boolean {
  if (query.getAll('dryRun').length > 0) return true;
  if (!body?.length) return false;
  try {
    const options = JSON.parse(Buffer.from(body).toString('utf8')) as { kind?: unknown; dryRun?: unknown };
    return options.kind === 'DeleteOptions'
      ? Array.isArray(options.dryRun) && options.dryRun.length > 0
      : false;
  } catch {
    return true; // not JSON (YAML, protobuf): it cannot be told apart, so it is not told
  }
}

/** The group lists are answered as JSON only, so that the API server's address can be taken out. */
function acceptFor(request: KubeApiRequest, accept: string): string {
  if (request.kind !== 'discovery' || !LISTS_GROUPS.test(request.path)) return accept;
  const json = accept.split(',').filter((type) => type.trim().startsWith('application/json'));
  return json.length ? json.join(',') : 'application/json';
}

function refused(request: ResourceRequest): DomainError {
  const what = request.group ? `${request.resource}.${request.group}` : request.resource;
  return forbidden(`${what}: ${request.verb} is not allowed through Berth`);
}
