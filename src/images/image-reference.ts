/**
 * Image references and platforms as Docker and containerd read them (the grammar of
 * github.com/distribution/reference), as pure functions: `nginx` is `docker.io/library/nginx:latest`.
 */

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API host: `docker.io` is only the name references use. */
const DOCKER_HUB_API = 'registry-1.docker.io';
/** Names Docker Hub is known by in references and in docker config files. */
const DOCKER_HUB_ALIASES = new Set([
  DOCKER_HUB,
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export interface ImageReference {
  /** Lower-case host[:port], Docker Hub as `docker.io`. */
  registry: string;
  /** Path in the registry, e.g. `library/nginx`. */
  repository: string;
  /** `latest` when the reference names neither a tag nor a digest; null with a digest alone. */
  tag: string | null;
  /** `sha256:<hex>`; when given, it decides what is fetched (the tag is informative only). */
  digest: string | null;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** A reference or platform that cannot be read; the message is written for the client. */
export class ImageReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageReferenceError';
  }
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|-+)';
const PATH_COMPONENT = new RegExp(`^${ALNUM}(?:${SEPARATOR}${ALNUM})*$`);
const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::([0-9]{1,5}))?$`,
);
const TAG = /^\w[\w.-]{0,127}$/;
const DIGESTS: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
const NAME_MAX = 255;
const PLATFORM_PART = /^[a-z0-9][a-z0-9_.-]*$/;

/**
 * Reads `[registry/]repository[:tag][@digest]`. A first path component is a registry when it holds a
 * `.` or `:` or is `localhost` (as in Docker); otherwise `defaultRegistry` is used, and on Docker Hub
 * a single-component name lives under `library/`.
 */
export function parseImageReference(input: string, defaultRegistry = DOCKER_HUB): ImageReference {
  const text = input.trim();
  if (!text) throw new ImageReferenceError('must not be empty');
  if (text.length > 1024) throw new ImageReferenceError('is too long');
  if (/\s/.test(text)) throw new ImageReferenceError('must not contain spaces');
  if (text.includes('://'))
    throw new ImageReferenceError('must not include a scheme (write host/repository:tag)');

  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = parseDigest(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }

  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag))
      throw new ImageReferenceError(
        `has an invalid tag "${tag}" (letters, digits, "_", "." and "-", at most 128)`,
      );
  }

  let registry: string;
  let path: string;
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  if (slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = normalizeRegistry(first);
    path = rest.slice(slash + 1);
  } else {
    registry = normalizeRegistry(defaultRegistry);
    path = rest;
  }
  if (!DOMAIN.test(registry)) throw new ImageReferenceError(`has an invalid registry "${registry}"`);
  const port = DOMAIN.exec(registry)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    throw new ImageReferenceError(`has an invalid registry port in "${registry}"`);

  if (!path) throw new ImageReferenceError('names no repository');
  if (hasUpper(path)) throw new ImageReferenceError('must be lower case (repository names are)');
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component))
      throw new ImageReferenceError(
        `has an invalid repository "${path}" (lower-case letters and digits, separated by ".", "_", "__", "-" or "/")`,
      );
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  if (registry.length + 1 + path.length > NAME_MAX)
    throw new ImageReferenceError(`is too long (the name may have at most ${NAME_MAX} characters)`);

  if (tag === null && digest === null) tag = 'latest';
  return { registry, repository: path, tag, digest };
}

/** The full reference, e.g. `docker.io/library/nginx:latest` or `host:5000/app@sha256:...`. */
export function formatImageReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag === null ? '' : `:${ref.tag}`}${ref.digest === null ? '' : `@${ref.digest}`}`;
}

/** Lower case, with Docker Hub's aliases folded into `docker.io`. */
export function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** The host:port to send API calls to: Docker Hub's API lives at registry-1.docker.io. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

/**
 * The registry a docker config `auths` key stands for: a host, a URL (`https://index.docker.io/v1/`)
 * or a host with a path. Null when the key is not a server at all.
 */
export function registryOfServerKey(key: string): string | null {
  let host = key.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
  if (scheme) host = host.slice(scheme[0].length);
  host = host.split('/')[0];
  if (!host) return null;
  const registry = normalizeRegistry(host);
  return DOMAIN.test(registry) ? registry : null;
}

/** `os/architecture[/variant]`, with the usual aliases (x86_64, aarch64) folded. */
export function parsePlatform(input: string): Platform {
  const parts = input.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PLATFORM_PART.test(p)))
    throw new ImageReferenceError('must be os/architecture[/variant], e.g. linux/arm64 or linux/arm/v7');
  const [os, arch, variant] = parts;
  return normalizePlatform({ os, architecture: arch, ...(variant === undefined ? {} : { variant }) });
}

export function normalizePlatform(platform: Platform): Platform {
  const os = platform.os.toLowerCase();
  let architecture = platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase() || undefined;
  if (architecture === 'x86_64' || architecture === 'x86-64') architecture = 'amd64';
  if (architecture === 'aarch64') architecture = 'arm64';
  // arm64 is v8 unless said otherwise; saying so must not make it a different platform.
  if (architecture === 'arm64' && variant === 'v8') variant = undefined;
  if (architecture === 'amd64' && variant === 'v1') variant = undefined;
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/**
 * Whether an image built for `candidate` serves `wanted`. A wanted variant must match; without one,
 * any variant of the architecture does.
 */
export function platformMatches(wanted: Platform, candidate: Platform): boolean {
  const w = normalizePlatform(wanted);
  const c = normalizePlatform(candidate);
  if (w.os !== c.os || w.architecture !== c.architecture) return false;
  return w.variant === undefined || w.variant === c.variant;
}

function parseDigest(text: string): string {
  const colon = text.indexOf(':');
  const algorithm = colon === -1 ? '' : text.slice(0, colon);
  const hex = text.slice(colon + 1);
  const pattern = DIGESTS[algorithm];
  if (!pattern)
    throw new ImageReferenceError(`has an unsupported digest "${text}" (expected sha256:<64 hex digits>)`);
  if (!pattern.test(hex)) throw new ImageReferenceError(`has an invalid ${algorithm} digest`);
  return `${algorithm}:${hex}`;
}

function hasUpper(text: string): boolean {
  return text !== text.toLowerCase();
}
