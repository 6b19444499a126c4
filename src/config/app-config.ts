import { existsSync, statSync } from 'node:fs';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
/** Most severe first: a level enables itself and everything before it. */
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function enabledLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** Where the Kubernetes connection comes from, decided once at start. */
export type KubeSource =
  { kind: 'kubeconfig'; path: string } | { kind: 'in-cluster' } | { kind: 'local'; path: string };

export interface AppConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Null until main.ts has resolved it (the local cluster may have to be started first). */
  kube: KubeSource | null;
  kubeRequestTimeoutMs: number;
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

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, logLevel, kube, kubeRequestTimeoutMs };
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
