import { existsSync, statSync } from 'node:fs';
import { passwordProblem } from '../common/validation/password-policy';
import { GraphQLLimits } from '../common/graphql/graphql-limits';
import type { AuditLevel } from '../common/audit/changes';

/** An origin as a browser sends it: scheme, host, optional port; no path, no wildcard. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:[0-9]{1,5})?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
/** Most severe first: a level enables itself and everything before it. */
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function enabledLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** How to reach one image registry (BERTH_REGISTRIES), keyed by its host[:port]. */
export interface RegistrySettings {
  /** Speak plain HTTP instead of HTTPS. */
  insecure?: boolean;
  /** A PEM file of certificate authorities trusted for this registry (beside the public ones). */
  caFile?: string;
}

/** host, IPv4 or [IPv6], with an optional port: what an image reference names as its registry. */
const REGISTRY_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;

/** Where the Kubernetes connection comes from, decided once at start. */
export type KubeSource =
  | { kind: 'kubeconfig'; path: string }
  /** `root`: where /var/run/secrets/... is found, `/` unless a test puts a service account elsewhere. */
  | { kind: 'in-cluster'; root?: string }
  | { kind: 'local'; path: string };

export interface AppConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Where Prometheus' /metrics is served (BERTH_METRICS_PORT; null: `off`). */
  metricsPort: number | null;
  /** JSON lines, or one pretty line each (BERTH_LOG_FORMAT; `auto`: pretty on a terminal). */
  logFormat: 'json' | 'pretty';
  /** Null until main.ts has resolved it (the local cluster may have to be started first). */
  kube: KubeSource | null;
  kubeRequestTimeoutMs: number;
  /** Namespace for Berth's own objects (the token signing key). */
  systemNamespace: string;
  /** Prepended to usernames (and group names) when impersonating users towards Kubernetes. */
  impersonationPrefix: string;
  admin: { username: string; password: string | null };
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Login attempts per client address per minute before TOO_MANY_REQUESTS. */
  loginRateLimitPerMinute: number;
  /** Failed sign-ins of one username from one client address, within the lock period, before a lock. */
  loginMaxFailures: number;
  /** Failed sign-ins of one username from all addresses together before every address is locked. */
  loginMaxFailuresPerUser: number;
  /** How long a lock lasts, and the window failures are counted in. */
  loginLockSeconds: number;
  /** The registry of image references that name none (`nginx` -> docker.io/library/nginx:latest). */
  defaultRegistry: string;
  /** Per-registry transport settings, keyed by lower-case host[:port]. */
  registries: Record<string, RegistrySettings>;
  /** Deadline of each call to an image registry (connecting included). */
  registryTimeoutMs: number;
  /** Image inspections one user may ask for per minute (each reaches out to a registry). */
  imageInspectionsPerMinute: number;
  /** Signed-in requests per minute, per user and per API token, in each replica (0: no limit). */
  requestRate: { perUser: number; perToken: number };
  graphql: GraphQLLimits;
  /** The pod security level new projects enforce (privileged, baseline or restricted). */
  podSecurityDefault: 'privileged' | 'baseline' | 'restricted';
  cache: CacheConfig;
  live: LiveConfig;
  audit: AuditConfig;
  /** Browser origins (scheme://host[:port]) whose pages may call Berth (BERTH_CORS_ORIGINS); none by default. */
  corsOrigins: string[];
}

/** The audit trail of changes (ADR 11). */
export interface AuditConfig {
  /** none: no records; metadata: who, what, where, outcome; request: and the input, secrets taken out. */
  level: AuditLevel;
  /** Where each record goes as a JSON line: stdout, an absolute file path (appended), or nowhere (null). */
  sink: 'stdout' | { file: string } | null;
  /** Records each replica keeps per project for project admins to read (the newest). */
  perProject: number;
}

/** GraphQL subscriptions and REST change streams (ADR 10). */
export interface LiveConfig {
  /** Changes within this window are sent together, one message per window (the first at once). */
  debounceMs: number;
  /** Messages waiting for a slow subscriber before it is dropped (close code 4413). */
  maxPending: number;
  /** Subscriptions at once on one WebSocket connection. */
  maxPerConnection: number;
  /** WebSocket connections and REST streams of one user at once, on this replica. */
  maxPerUser: number;
  /** WebSocket connections and REST streams at once, on this replica. */
  maxConnections: number;
  /** The largest message a client may send over the WebSocket, in bytes. */
  maxMessageBytes: number;
  /** Access is checked again on every change of bindings or accounts, and at least this often. */
  recheckMs: number;
  /** Subscriptions (and REST streams) one user may start per minute: each first state costs work. */
  subscribesPerMinute: number;
}

/** The watch-fed read cache (ADR 9); times in ms. */
export interface CacheConfig {
  /** Off: every read goes to the API server, as the user. */
  enabled: boolean;
  /** A kind without a watch for longer is not served from the cache, and /readyz answers 503. */
  staleAfterMs: number;
  /** How long a read waits for the cache to reach this replica's last write of its kind. */
  readYourWritesMs: number;
  /** The longest a Kubernetes access review answer is reused (RBAC changes forget them at once). */
  accessReviewTtlMs: number;
  /** How long a polled list (pod metrics) is reused. */
  pollTtlMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Every bad variable is reported together, by name, so a
 * misconfigured deployment fails at start with one clear message instead of at the first request.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 1, 65535, problems);
  const kubeRequestTimeoutMs = integer(env, 'KUBE_REQUEST_TIMEOUT_MS', 10_000, 100, 600_000, problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const logLevel = (env.LOG_LEVEL?.trim() || 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const metricsPort =
    env.BERTH_METRICS_PORT?.trim() === 'off'
      ? null
      : integer(env, 'BERTH_METRICS_PORT', 9464, 0, 65535, problems);
  const format = env.BERTH_LOG_FORMAT?.trim() || 'auto';
  if (!['auto', 'json', 'pretty'].includes(format))
    problems.push(`BERTH_LOG_FORMAT must be auto, json or pretty (got "${format}")`);
  const logFormat = format === 'pretty' || (format === 'auto' && process.stdout.isTTY) ? 'pretty' : 'json';

  let kube: KubeSource | null = null;
  const kubeconfig = env.KUBECONFIG?.trim();
  if (kubeconfig) {
    // kubectl accepts a colon-separated list; Berth takes one file so the cluster it talks to is never ambiguous.
    if (kubeconfig.includes(':')) problems.push('KUBECONFIG must name a single file');
    else if (!existsSync(kubeconfig) || !statSync(kubeconfig).isFile())
      problems.push(`KUBECONFIG names a file that does not exist: ${kubeconfig}`);
    else kube = { kind: 'kubeconfig', path: kubeconfig };
  } else if (env.KUBERNETES_SERVICE_HOST) {
    kube = { kind: 'in-cluster' };
  }

  const systemNamespace = env.BERTH_SYSTEM_NAMESPACE?.trim() || 'berth-system';
  if (!DNS_LABEL.test(systemNamespace))
    problems.push(`BERTH_SYSTEM_NAMESPACE must be a DNS-1123 label (got "${systemNamespace}")`);
  const impersonationPrefix = env.BERTH_IMPERSONATION_PREFIX ?? 'berth:';
  if (impersonationPrefix.startsWith('system:'))
    problems.push('BERTH_IMPERSONATION_PREFIX must not start with "system:"');
  const adminUsername = env.BERTH_ADMIN_USERNAME?.trim() || 'admin';
  if (!DNS_LABEL.test(adminUsername))
    problems.push(`BERTH_ADMIN_USERNAME must be a DNS-1123 label (got "${adminUsername}")`);
  const adminPassword = env.BERTH_ADMIN_PASSWORD || null;
  if (adminPassword !== null) {
    const problem = passwordProblem(adminPassword);
    if (problem) problems.push(`BERTH_ADMIN_PASSWORD ${problem}`);
  }
  const accessTokenTtlSeconds = integer(env, 'BERTH_ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400, problems);
  const refreshTokenTtlSeconds = integer(
    env,
    'BERTH_REFRESH_TOKEN_TTL_SECONDS',
    7 * 86_400,
    60,
    90 * 86_400,
    problems,
  );
  const loginRateLimitPerMinute = integer(env, 'BERTH_LOGIN_RATE_LIMIT_PER_MINUTE', 30, 1, 100_000, problems);
  const loginMaxFailures = integer(env, 'BERTH_LOGIN_MAX_FAILURES', 5, 1, 1000, problems);
  const loginMaxFailuresPerUser = integer(env, 'BERTH_LOGIN_MAX_FAILURES_PER_USER', 20, 1, 100_000, problems);
  const loginLockSeconds = integer(env, 'BERTH_LOGIN_LOCK_SECONDS', 600, 1, 86_400, problems);

  const defaultRegistry = (env.BERTH_DEFAULT_REGISTRY?.trim() || 'docker.io').toLowerCase();
  if (!REGISTRY_HOST.test(defaultRegistry))
    problems.push(
      `BERTH_DEFAULT_REGISTRY must be a registry host[:port] (got "${env.BERTH_DEFAULT_REGISTRY}")`,
    );
  const registries = registrySettings(env.BERTH_REGISTRIES, problems);
  const registryTimeoutMs = integer(env, 'BERTH_REGISTRY_TIMEOUT_MS', 5000, 100, 120_000, problems);
  const imageInspectionsPerMinute = integer(
    env,
    'BERTH_IMAGE_INSPECTIONS_PER_MINUTE',
    30,
    1,
    100_000,
    problems,
  );

  const graphql: GraphQLLimits = {
    playground: boolean(env, 'BERTH_GRAPHQL_PLAYGROUND', false, problems),
    maxDepth: integer(env, 'BERTH_GRAPHQL_MAX_DEPTH', 10, 2, 100, problems),
    maxAliases: integer(env, 'BERTH_GRAPHQL_MAX_ALIASES', 20, 0, 1000, problems),
    maxRootFields: integer(env, 'BERTH_GRAPHQL_MAX_ROOT_FIELDS', 20, 1, 1000, problems),
    maxCost: integer(env, 'BERTH_GRAPHQL_MAX_COST', 1000, 1, 1_000_000, problems),
    maxTokens: integer(env, 'BERTH_GRAPHQL_MAX_TOKENS', 5000, 100, 1_000_000, problems),
    maxDirectives: integer(env, 'BERTH_GRAPHQL_MAX_DIRECTIVES', 20, 0, 1000, problems),
    maxBatch: integer(env, 'BERTH_GRAPHQL_MAX_BATCH', 0, 0, 100, problems),
  };

  const podSecurityDefault = (env.BERTH_POD_SECURITY_DEFAULT?.trim() ||
    'baseline') as AppConfig['podSecurityDefault'];
  if (!['privileged', 'baseline', 'restricted'].includes(podSecurityDefault))
    problems.push(
      `BERTH_POD_SECURITY_DEFAULT must be privileged, baseline or restricted (got "${env.BERTH_POD_SECURITY_DEFAULT}")`,
    );

  const cache: CacheConfig = {
    enabled: boolean(env, 'BERTH_CACHE', true, problems),
    staleAfterMs: integer(env, 'BERTH_CACHE_STALE_AFTER_MS', 10_000, 100, 600_000, problems),
    readYourWritesMs: integer(env, 'BERTH_CACHE_READ_YOUR_WRITES_MS', 3000, 10, 60_000, problems),
    accessReviewTtlMs: integer(env, 'BERTH_ACCESS_REVIEW_TTL_MS', 30_000, 0, 600_000, problems),
    pollTtlMs: integer(env, 'BERTH_CACHE_POLL_TTL_MS', 10_000, 0, 600_000, problems),
  };

  const live: LiveConfig = {
    debounceMs: integer(env, 'BERTH_LIVE_DEBOUNCE_MS', 250, 0, 60_000, problems),
    maxPending: integer(env, 'BERTH_LIVE_MAX_PENDING', 100, 1, 100_000, problems),
    maxPerConnection: integer(env, 'BERTH_LIVE_MAX_PER_CONNECTION', 20, 1, 1000, problems),
    maxPerUser: integer(env, 'BERTH_LIVE_MAX_PER_USER', 10, 1, 10_000, problems),
    maxConnections: integer(env, 'BERTH_LIVE_MAX_CONNECTIONS', 2000, 1, 1_000_000, problems),
    maxMessageBytes: integer(env, 'BERTH_LIVE_MAX_MESSAGE_BYTES', 65_536, 1024, 16_777_216, problems),
    recheckMs: integer(env, 'BERTH_LIVE_RECHECK_MS', 30_000, 100, 3_600_000, problems),
    subscribesPerMinute: integer(env, 'BERTH_LIVE_SUBSCRIBES_PER_MINUTE', 120, 1, 1_000_000, problems),
  };

  const requestRate = {
    perUser: integer(env, 'BERTH_RATE_LIMIT_PER_USER', 1200, 0, 10_000_000, problems),
    perToken: integer(env, 'BERTH_RATE_LIMIT_PER_TOKEN', 600, 0, 10_000_000, problems),
  };
  const audit = auditConfig(env, problems);
  const corsOrigins = (env.BERTH_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins)
    if (!ORIGIN.test(origin))
      problems.push(`BERTH_CORS_ORIGINS: "${origin}" is not an origin like https://console.example.com`);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    logLevel,
    logFormat,
    metricsPort,
    kube,
    kubeRequestTimeoutMs,
    systemNamespace,
    impersonationPrefix,
    admin: { username: adminUsername, password: adminPassword },
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds,
    loginRateLimitPerMinute,
    loginMaxFailures,
    loginMaxFailuresPerUser,
    loginLockSeconds,
    defaultRegistry,
    registries,
    registryTimeoutMs,
    imageInspectionsPerMinute,
    requestRate,
    graphql,
    podSecurityDefault,
    cache,
    live,
    audit,
    corsOrigins,
  };
}

function auditConfig(env: NodeJS.ProcessEnv, problems: string[]): AuditConfig {
  const level = (env.BERTH_AUDIT_LEVEL?.trim() || 'metadata') as AuditLevel;
  if (!['none', 'metadata', 'request'].includes(level))
    problems.push(`BERTH_AUDIT_LEVEL must be none, metadata or request (got "${env.BERTH_AUDIT_LEVEL}")`);
  const raw = env.BERTH_AUDIT_SINK?.trim() || 'stdout';
  let sink: AuditConfig['sink'] = null;
  if (raw === 'stdout') sink = 'stdout';
  else if (raw.startsWith('/')) sink = { file: raw };
  else if (raw !== 'off')
    problems.push(`BERTH_AUDIT_SINK must be stdout, off or an absolute file path (got "${raw}")`);
  const perProject = integer(env, 'BERTH_AUDIT_RECORDS_PER_PROJECT', 500, 0, 100_000, problems);
  return { level, sink, perProject };
}

/** BERTH_REGISTRIES: `{"host:port": {"insecure": true} | {"caFile": "/path/ca.pem"}}`. */
function registrySettings(raw: string | undefined, problems: string[]): Record<string, RegistrySettings> {
  const name = 'BERTH_REGISTRIES';
  if (!raw?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name} must be JSON, e.g. {"127.0.0.1:5000":{"insecure":true}}`);
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(`${name} must be a JSON object keyed by registry host[:port]`);
    return {};
  }
  const result: Record<string, RegistrySettings> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const host = key.trim().toLowerCase();
    if (!REGISTRY_HOST.test(host)) {
      problems.push(`${name}: "${key}" is not a registry host[:port]`);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${name}["${key}"] must be an object with "insecure" and/or "caFile"`);
      continue;
    }
    const { insecure, caFile, ...unknown } = value as Record<string, unknown>;
    const settings: RegistrySettings = {};
    for (const extra of Object.keys(unknown))
      problems.push(`${name}["${key}"] has an unknown setting "${extra}" (known: insecure, caFile)`);
    if (insecure !== undefined) {
      if (typeof insecure !== 'boolean') problems.push(`${name}["${key}"].insecure must be true or false`);
      else settings.insecure = insecure;
    }
    if (caFile !== undefined) {
      if (typeof caFile !== 'string' || !caFile)
        problems.push(`${name}["${key}"].caFile must be a file path`);
      else if (!existsSync(caFile) || !statSync(caFile).isFile())
        problems.push(`${name}["${key}"].caFile names a file that does not exist: ${caFile}`);
      else settings.caFile = caFile;
    }
    if (settings.insecure && settings.caFile)
      problems.push(`${name}["${key}"]: "insecure" (plain HTTP) and "caFile" (HTTPS) exclude each other`);
    result[host] = settings;
  }
  return result;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}
