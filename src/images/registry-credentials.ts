import type { V1Secret } from '../kube';
import { registryOfServerKey } from './image-reference';
import type { RegistryCredentials } from './registry-auth';

export const DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';
/** The legacy form (`.dockercfg`: the `auths` map itself), still accepted by the kubelet. */
export const DOCKER_CFG = 'kubernetes.io/dockercfg';

/** Why a Secret gives no credentials; worded for the client by the caller, never with values. */
export class CredentialsError extends Error {
  constructor(
    readonly reason: 'wrong-type' | 'malformed' | 'no-entry',
    message: string,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

interface AuthEntry {
  username?: unknown;
  password?: unknown;
  auth?: unknown;
}

/**
 * The credentials an image-registry Secret holds for `registry`, as the kubelet would pick them: the
 * `auths` entry whose server (a host, `https://host/v1/`, Docker Hub under any of its names) is that
 * registry. `username`/`password` win over `auth` (base64 of `username:password`).
 */
export function credentialsFromSecret(secret: V1Secret, registry: string): RegistryCredentials {
  const type = secret.type ?? 'Opaque';
  const key = type === DOCKER_CONFIG_JSON ? '.dockerconfigjson' : type === DOCKER_CFG ? '.dockercfg' : null;
  if (!key)
    throw new CredentialsError(
      'wrong-type',
      `is not an image-registry secret (its type is ${type}; expected ${DOCKER_CONFIG_JSON})`,
    );
  const encoded = secret.data?.[key];
  const text =
    encoded === undefined ? secret.stringData?.[key] : Buffer.from(encoded, 'base64').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    throw new CredentialsError('malformed', `has no valid ${key}`);
  }
  const auths = type === DOCKER_CFG ? parsed : (parsed as { auths?: unknown } | null)?.auths;
  if (auths === null || typeof auths !== 'object' || Array.isArray(auths))
    throw new CredentialsError('malformed', `has no "auths" in ${key}`);

  const servers = Object.entries(auths as Record<string, unknown>);
  const entry = servers.find(([server]) => registryOfServerKey(server) === registry)?.[1];
  if (entry === undefined) {
    const known = servers.map(([server]) => registryOfServerKey(server) ?? server);
    throw new CredentialsError(
      'no-entry',
      `holds no credentials for the registry ${registry}` +
        (known.length ? ` (it has credentials for ${known.join(', ')})` : ''),
    );
  }
  const credentials = fromEntry(entry);
  if (!credentials)
    throw new CredentialsError('malformed', `has no username and password for the registry ${registry}`);
  return credentials;
}

function fromEntry(entry: unknown): RegistryCredentials | null {
  if (entry === null || typeof entry !== 'object') return null;
  const { username, password, auth } = entry as AuthEntry;
  if (typeof username === 'string' && username && typeof password === 'string') return { username, password };
  if (typeof auth === 'string' && auth) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return null;
}
