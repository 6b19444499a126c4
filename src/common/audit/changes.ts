/**
 * What a change asked for, as the audit trail records it: the object and project it names, whether
 * it was a dry run, its outcome, and (at the `request` level) its input with secret values taken out.
 * Pure functions, fed by each transport's edge: a REST or KubeSphere route, a Kubernetes path, a
 * GraphQL mutation's root fields.
 */
export interface ChangeNote {
  /** `POST /api/v1/projects/:project/statefulsets`, `mutation scaleStatefulSet`, `patch statefulsets`. */
  operation: string;
  kind?: string;
  name?: string;
  project?: string;
  dryRun: boolean;
  /** The error code of a refused or failed change (GraphQL answers it per field). */
  code?: string;
  /** The input as sent (redacted), kept only at the `request` level. */
  request?: unknown;
}

/** Audit levels in the spirit of the Kubernetes audit policy. */
export type AuditLevel = 'none' | 'metadata' | 'request';

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const REDACTED = '[redacted]';
/** Keys whose values are secrets wherever they appear: Secret data, passwords, tokens, keys. */
const SECRET_KEY = /^(data|stringData|binaryData)$|pass(word)?|token|secret|credential|private|apikey/i;
/** kubectl's annotation copies the whole object, a Secret's data included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_DEPTH = 12;
const MAX_REQUEST_BYTES = 16 * 1024;

/** A copy of `value` with every secret taken out; bounded in depth and, once serialized, in size. */
export function redacted(value: unknown): unknown {
  const copy = redact(value, 0);
  const bytes = Buffer.byteLength(JSON.stringify(copy) ?? '');
  return bytes > MAX_REQUEST_BYTES ? { truncated: true, bytes } : copy;
}

function redact(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) || key === LAST_APPLIED ? REDACTED : redact(item, depth + 1),
    ]),
  );
}

const text = (value: unknown, max = 253): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
const objectOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * A REST or KubeSphere route's change: the object is the last collection of the route pattern with
 * the parameter after it (`/projects/:project/statefulsets/:name/scale` → statefulsets `name`), or,
 * for a create (a POST to a plural), that collection and the body's name.
 */
export function routeChange(
  method: string,
  pattern: string,
  params: Record<string, string | string[] | undefined>,
  query: Record<string, unknown>,
  body: unknown,
): Omit<ChangeNote, 'code'> {
  const param = (key: string) => text([params[key]].flat()[0]);
  const segments = pattern.split('/').filter(Boolean);
  let kind: string | undefined;
  let name: string | undefined;
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    if (!segment.startsWith(':') && next?.startsWith(':')) {
      kind = segment;
      name = param(next.slice(1));
    }
  });
  const last = segments[segments.length - 1] ?? '';
  if (method === 'POST' && !last.startsWith(':') && last.endsWith('s')) {
    const fields = objectOf(body);
    kind = last;
    name = text(fields.name) ?? text(fields.username) ?? text(objectOf(fields.metadata).name);
  }
  kind ??= last.startsWith(':') ? undefined : last;
  const project = param('project') ?? param('namespace') ?? (kind === 'projects' ? name : undefined);
  return { operation: `${method} ${pattern}`, kind, name, project, dryRun: query.dryRun === 'true' };
}

/** A Kubernetes path's change: its resource, name (or, for a create, the body's), namespace. */
export function kubeChange(
  request: { verb: string; resource: string; name?: string; namespace?: string },
  query: URLSearchParams,
  body: unknown,
): Omit<ChangeNote, 'code'> {
  const options = objectOf(body);
  const dryRun =
    query.getAll('dryRun').length > 0 || (Array.isArray(options.dryRun) && options.dryRun.length > 0);
  return {
    operation: `${request.verb} ${request.resource}`,
    kind: request.resource,
    name: request.name ?? text(objectOf(options.metadata).name),
    project: request.namespace,
    dryRun,
  };
}

/** A GraphQL mutation's root field: `createStatefulSet(project, input: {name})` → StatefulSet `name`. */
export function graphqlChange(field: string, args: Record<string, unknown>): Omit<ChangeNote, 'code'> {
  const input = objectOf(args.input);
  const kind = field.replace(/^[a-z]+/, '') || field;
  const name = text(args.name) ?? text(input.name) ?? text(args.username) ?? text(input.username);
  const project =
    text(args.project) ?? text(input.project) ?? (kind.startsWith('Project') ? name : undefined);
  return { operation: `mutation ${field}`, kind, name, project, dryRun: args.dryRun === true };
}
