import type { KubeVerb } from '../iam/kube-permissions';
import { DNS1123_LABEL } from '../common/validation/names';
import { KUBE_API_PATH } from '../common/http/edge';

/** A request for Kubernetes' discovery documents (API groups, versions, OpenAPI): no resource, GET only. */
export interface DiscoveryRequest {
  kind: 'discovery';
  method: 'GET';
  /** The path as the API server knows it (checked segment by segment). */
  path: string;
}

/** A request for a resource, as the API server would authorize it. */
export interface ResourceRequest {
  kind: 'resource';
  /** The HTTP method, sent on as it came (it decided `verb`). */
  method: string;
  verb: KubeVerb;
  /** '' for the core group. */
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** The path as the API server knows it, rebuilt from the parts above (never the caller's text). */
  path: string;
}

export type KubeApiRequest = DiscoveryRequest | ResourceRequest;

/** Why a path was refused: the API server's own answer for it (404 for no such path, 405 for the method). */
export class KubeApiPathError extends Error {
  constructor(
    readonly code: 400 | 404 | 405,
    message: string,
  ) {
    super(message);
  }
}

// A group is a DNS subdomain; versions, plurals and subresources are lowercase words.
const GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const WORD = /^[a-z][a-z0-9]{0,62}$/;
// Object names: a DNS subdomain covers every kind this path serves (Events and revisions included).
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const MAX_SEGMENTS = 10;
const NAMESPACE_SUBRESOURCES = ['status', 'finalize'];

const METHOD_VERBS: Record<string, KubeVerb> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
};

/**
 * Reads a request's URL as it arrived (`/kube/api/...?...`): served only exactly as written (no other
 * case of the prefix, no dot segments resolved on the way), then parsed as below.
 */
export function parseKubeApiUrl(method: string, rawUrl: string): { request: KubeApiRequest; query: string } {
  const url = new URL(rawUrl, 'http://berth');
  const raw = rawUrl.split('?')[0];
  if (raw !== url.pathname || !raw.startsWith(`${KUBE_API_PATH}/`))
    throw new KubeApiPathError(404, 'the server could not find the requested resource');
  const request = parseKubeApiPath(
    method,
    raw.slice(KUBE_API_PATH.length),
    queryFlag(url.searchParams, 'watch'),
  );
  return { request, query: url.search.slice(1) };
}

/**
 * Reads a Kubernetes API path (`/api/v1/...`, `/apis/<group>/<version>/...`, the old `/watch/` form
 * included) the way the API server's request-info resolver does, refusing anything it would not
 * serve. Each segment is checked against its Kubernetes rule before anything is forwarded.
 */
export function parseKubeApiPath(method: string, path: string, watchQuery: boolean): KubeApiRequest {
  const segments = path.split('/').slice(1);
  if (segments.length > MAX_SEGMENTS || segments.some((s) => s === '' || s.length > 253))
    throw new KubeApiPathError(404, 'the server could not find the requested resource');
  if (isDiscovery(segments)) {
    if (method !== 'GET') throw new KubeApiPathError(405, `${method} is not allowed on ${path}`);
    return { kind: 'discovery', method: 'GET', path: `/${segments.join('/')}` };
  }
  const [root, ...rest] = segments;
  let group = '';
  let version: string;
  if (root === 'api' && rest[0] === 'v1') version = rest.shift()!;
  else if (root === 'apis' && rest.length >= 2 && GROUP.test(rest[0]) && WORD.test(rest[1])) {
    group = rest.shift()!;
    version = rest.shift()!;
  } else throw new KubeApiPathError(404, 'the server could not find the requested resource');

  const watchPath = rest[0] === 'watch';
  if (watchPath) rest.shift();
  let namespace: string | undefined;
  // `namespaces/<ns>/<resource>...` is namespaced; `namespaces[/<ns>[/status|finalize]]` is the
  // Namespace itself, as the API server's request-info resolver reads it.
  const namespaceItself = rest.length === 3 && NAMESPACE_SUBRESOURCES.includes(rest[2]);
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceItself) {
    namespace = checked(rest[1], DNS1123_LABEL, 'namespace');
    rest.splice(0, 2);
    // No Namespace lives in a namespace: the API server would serve this as the cluster's list.
    if (rest[0] === 'namespaces')
      throw new KubeApiPathError(404, 'the server could not find the requested resource');
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length)
    throw new KubeApiPathError(404, 'the server could not find the requested resource');
  checked(resource, WORD, 'resource');
  if (name !== undefined) checked(name, resource === 'namespaces' ? DNS1123_LABEL : NAME, 'name');
  if (subresource !== undefined) checked(subresource, WORD, 'subresource');
  // A Namespace is authorized in itself: GET /api/v1/namespaces/p1 is a request in p1.
  if (resource === 'namespaces' && group === '' && name !== undefined) namespace = name;

  const verb = verbOf(method, name !== undefined, watchPath, watchQuery);
  if (watchPath && verb !== 'watch') throw new KubeApiPathError(405, `${method} is not allowed on a watch`);
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const rebuilt = [
    base,
    watchPath ? 'watch' : undefined,
    namespace !== undefined && resource !== 'namespaces' ? `namespaces/${namespace}` : undefined,
    resource,
    name,
    subresource,
  ]
    .filter((s) => s !== undefined)
    .join('/');
  return {
    kind: 'resource',
    method,
    verb,
    group,
    version,
    namespace,
    resource: subresource ? `${resource}/${subresource}` : resource,
    name,
    subresource,
    path: rebuilt,
  };
}

function isDiscovery(segments: string[]): boolean {
  const [root, a, b, ...rest] = segments;
  if (root === 'version' || root === 'openapi')
    return a === undefined || (root === 'openapi' && checkedAll(segments));
  if (root === 'api') return a === undefined || (a === 'v1' && b === undefined);
  if (root === 'apis')
    return a === undefined || (GROUP.test(a) && (b === undefined || (WORD.test(b) && rest.length === 0)));
  return false;
}

/** OpenAPI paths: `/openapi/v2`, `/openapi/v3`, `/openapi/v3/apis/apps/v1` and the like. */
function checkedAll(segments: string[]): boolean {
  return segments.every((s) => GROUP.test(s));
}

/** `watchPath`: the old `/watch/` form; `watchQuery` counts only for a collection, as in the API server. */
function verbOf(method: string, named: boolean, watchPath: boolean, watchQuery: boolean): KubeVerb {
  if (method === 'GET') return watchPath || (!named && watchQuery) ? 'watch' : named ? 'get' : 'list';
  if (method === 'DELETE') return named ? 'delete' : 'deletecollection';
  const verb = METHOD_VERBS[method];
  if (!verb) throw new KubeApiPathError(405, `${method} is not allowed`);
  if (verb !== 'create' && !named) throw new KubeApiPathError(405, `${method} needs an object name`);
  return verb;
}

/** A boolean query parameter as the API server reads one: anything but '', '0' and 'false' is true. */
export function queryFlag(query: URLSearchParams, key: string): boolean {
  const value = query.get(key);
  return value !== null && !['', '0', 'false'].includes(value.toLowerCase());
}

function checked(segment: string, rule: RegExp, what: string): string {
  if (!rule.test(segment)) throw new KubeApiPathError(400, `${what} "${segment.slice(0, 63)}" is not valid`);
  return segment;
}
