import { createHash } from 'node:crypto';
import type { OnModuleDestroy } from '@nestjs/common';
import type { ImageConfigBlob } from './image-config';
import {
  formatPlatform,
  ImageReference,
  normalizePlatform,
  Platform,
  platformMatches,
  registryApiHost,
} from './image-reference';
import { RegistryAuthorization, type RegistryCredentials } from './registry-auth';
import { parseJson, RegistryError, statusError } from './registry-errors';
import { type Fetched, RegistryTransport, type RegistryTransportOptions } from './registry-transport';

/**
 * A client of the OCI distribution API v2 (https://github.com/opencontainers/distribution-spec), just
 * enough to read an image: its manifest (resolving multi-platform indexes), its config blob and the
 * repository's tags. The HTTP under it is registry-transport.ts, the answers to auth challenges
 * registry-auth.ts.
 */

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

const INDEX_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
const CONFIG_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociConfig, MEDIA_TYPES.dockerConfig]);
const MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
const TAGS_PAGE = 1000;
const MAX_TAG_PAGES = 20;

export interface RegistryClientOptions extends RegistryTransportOptions {
  maxTags?: number;
}

export interface InspectOptions {
  platform: Platform;
  /** The caller chose the platform: a single-platform image of another one is then refused. */
  platformExplicit?: boolean;
  credentials?: RegistryCredentials;
}

export interface InspectedImage {
  /** Digest of the manifest (or index) the reference names. */
  digest: string;
  platform: Platform;
  config: ImageConfigBlob;
  tags: string[];
}

/** What ImagesService needs of registries: RegistryClient in the app, a stub in a unit test. */
export interface ImageRegistry {
  inspect(ref: ImageReference, options: InspectOptions): Promise<InspectedImage>;
  /** The repository's tags alone; refusals are errors here, as nothing else was asked. */
  tags(ref: ImageReference, credentials?: RegistryCredentials): Promise<string[]>;
}

/** The provider token of the ImageRegistry (see ImagesModule). */
export const IMAGE_REGISTRY = Symbol('IMAGE_REGISTRY');

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

interface Manifest {
  mediaType: string;
  digest: string;
  manifests?: Descriptor[];
  config?: Descriptor;
}

export class RegistryClient implements ImageRegistry, OnModuleDestroy {
  private readonly transport: RegistryTransport;

  constructor(private readonly options: RegistryClientOptions) {
    this.transport = new RegistryTransport(options);
  }

  /** Reads the image `ref` names, for one platform, with the repository's tags. */
  async inspect(ref: ImageReference, options: InspectOptions): Promise<InspectedImage> {
    const session = new RegistrySession(this.transport, ref, options.credentials);
    const top = await session.manifest(ref.digest ?? ref.tag ?? 'latest', ref.digest);
    let manifest = top;
    for (let depth = 0; INDEX_TYPES.has(manifest.mediaType); depth++) {
      if (depth >= 2) throw new RegistryError('invalid', 'indexes nested too deeply');
      const chosen = choosePlatform(manifest.manifests ?? [], options.platform);
      manifest = await session.manifest(chosen, chosen);
    }
    const configDescriptor = manifest.config;
    if (!configDescriptor?.digest || !CONFIG_TYPES.has(configDescriptor.mediaType ?? ''))
      throw new RegistryError(
        'not-an-image',
        `manifest ${manifest.digest} has config type ${configDescriptor?.mediaType ?? '(none)'}`,
      );
    const config = await session.blobJson<ImageConfigBlob>(configDescriptor);
    const platform = normalizePlatform({
      os: config.os ?? 'unknown',
      architecture: config.architecture ?? 'unknown',
      ...(config.variant ? { variant: config.variant } : {}),
    });
    if (top === manifest && options.platformExplicit && !platformMatches(options.platform, platform))
      throw new RegistryError('platform', `single-platform image for ${formatPlatform(platform)}`, {
        available: [formatPlatform(platform)],
      });
    const tags = await session.tags(this.options.maxTags ?? 1000, true);
    return { digest: top.digest, platform, config, tags };
  }

  tags(ref: ImageReference, credentials?: RegistryCredentials): Promise<string[]> {
    return new RegistrySession(this.transport, ref, credentials).tags(this.options.maxTags ?? 1000, false);
  }

  /** Frees pooled connections (at shutdown). */
  close(): Promise<void> {
    return this.transport.close();
  }

  /** Nest calls it at shutdown, the client being the images module's provider. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

/** One inspection: the repository, and the authorization obtained for it. */
class RegistrySession {
  private readonly base: URL;
  private readonly authorization: RegistryAuthorization;

  constructor(
    private readonly transport: RegistryTransport,
    private readonly ref: ImageReference,
    credentials: RegistryCredentials | undefined,
  ) {
    const host = registryApiHost(ref.registry);
    this.base = new URL(`${transport.scheme(ref.registry)}://${host}`);
    this.authorization = new RegistryAuthorization(transport, this.base, ref.repository, credentials);
  }

  async manifest(reference: string, expectedDigest: string | null): Promise<Manifest> {
    const res = await this.get(
      `/v2/${this.ref.repository}/manifests/${reference}`,
      MANIFEST_ACCEPT,
      MAX_MANIFEST_BYTES,
    );
    if (res.status === 404)
      throw new RegistryError('not-found', `manifest ${reference}: HTTP 404`, { status: 404 });
    if (res.status !== 200) throw statusError(res, `manifest ${reference}`);
    const digest = verifiedDigest(res.body, expectedDigest, `manifest ${reference}`);
    const json = parseJson<{ mediaType?: string; manifests?: Descriptor[]; config?: Descriptor }>(
      res.body,
      `manifest ${reference}`,
    );
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    let mediaType = [contentType, json.mediaType ?? ''].find(
      (t) => INDEX_TYPES.has(t) || MANIFEST_TYPES.has(t),
    );
    // Some registries answer application/json; the body still tells what it is.
    if (!mediaType && Array.isArray(json.manifests)) mediaType = MEDIA_TYPES.ociIndex;
    if (!mediaType && json.config) mediaType = MEDIA_TYPES.ociManifest;
    if (!mediaType)
      throw new RegistryError('not-an-image', `manifest ${reference} has type ${contentType || '(none)'}`);
    return { mediaType, digest, manifests: json.manifests, config: json.config };
  }

  async blobJson<T>(descriptor: Descriptor): Promise<T> {
    const digest = descriptor.digest ?? '';
    if ((descriptor.size ?? 0) > MAX_CONFIG_BYTES)
      throw new RegistryError('invalid', `config blob ${digest} is ${descriptor.size} bytes`);
    const res = await this.get(`/v2/${this.ref.repository}/blobs/${digest}`, undefined, MAX_CONFIG_BYTES);
    if (res.status === 404)
      throw new RegistryError('invalid', `config blob ${digest}: HTTP 404`, { status: 404 });
    if (res.status !== 200) throw statusError(res, `config blob ${digest}`);
    verifiedDigest(res.body, digest, `config blob ${digest}`);
    return parseJson<T>(res.body, `config blob ${digest}`);
  }

  /**
   * The repository's tags, following `Link` pagination, at most `max`, sorted. A registry that does not
   * let this account list tags still lets it read the image: that is no reason to fail the inspection
   * (`lenient`).
   */
  async tags(max: number, lenient: boolean): Promise<string[]> {
    const tags = new Set<string>();
    let next: URL | null = new URL(`/v2/${this.ref.repository}/tags/list?n=${TAGS_PAGE}`, this.base);
    try {
      for (let page = 0; next && page < MAX_TAG_PAGES && tags.size < max; page++) {
        const res = await this.get(next.pathname + next.search, undefined, MAX_MANIFEST_BYTES);
        if (res.status !== 200) throw statusError(res, 'tags');
        const json = parseJson<{ tags?: unknown }>(res.body, 'tags');
        for (const tag of Array.isArray(json.tags) ? json.tags : [])
          if (typeof tag === 'string' && tags.size < max) tags.add(tag);
        next = nextLink(res.headers.get('link'), res.url);
        // Never follow a link to another origin: the token is for this registry only.
        if (next && next.origin !== this.base.origin) next = null;
      }
    } catch (error) {
      if (
        lenient &&
        error instanceof RegistryError &&
        ['unauthorized', 'not-found', 'refused'].includes(error.kind)
      )
        return [...tags].sort();
      throw error;
    }
    return [...tags].sort();
  }

  /** GET on the registry, authenticating once on a 401 challenge. */
  private async get(path: string, accept: string | undefined, maxBytes: number): Promise<Fetched> {
    const url = new URL(path, this.base);
    let res = await this.send(url, accept, maxBytes);
    if (res.status === 401) {
      await this.authorization.answer(res.headers.get('www-authenticate'));
      res = await this.send(url, accept, maxBytes);
    }
    if (res.status === 401 || res.status === 403)
      throw new RegistryError('unauthorized', `${url.pathname}: HTTP ${res.status}`, {
        status: res.status,
        withCredentials: this.authorization.withCredentials,
      });
    return res;
  }

  private send(url: URL, accept: string | undefined, maxBytes: number): Promise<Fetched> {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    const authorization = this.authorization.header;
    if (authorization) headers.authorization = authorization;
    return this.transport.get(url, headers, maxBytes);
  }
}

function choosePlatform(manifests: Descriptor[], wanted: Platform): string {
  const images = manifests.filter(
    (m) =>
      m.digest &&
      m.platform?.os &&
      m.platform.architecture &&
      // Build attestations sit in indexes as platform unknown/unknown manifests.
      !m.annotations?.['vnd.docker.reference.type'] &&
      (m.mediaType === undefined || MANIFEST_TYPES.has(m.mediaType) || INDEX_TYPES.has(m.mediaType)),
  );
  const platformOf = (m: Descriptor): Platform =>
    normalizePlatform({
      os: m.platform?.os ?? '',
      architecture: m.platform?.architecture ?? '',
      ...(m.platform?.variant ? { variant: m.platform.variant } : {}),
    });
  const chosen = images.find((m) => platformMatches(wanted, platformOf(m)));
  if (!chosen?.digest) {
    const available = [...new Set(images.map((m) => formatPlatform(platformOf(m))))];
    throw new RegistryError('platform', `no ${formatPlatform(wanted)} in index`, { available });
  }
  return chosen.digest;
}

/** The body's digest; with an expected one (from the reference or a descriptor), it must match. */
function verifiedDigest(body: Buffer, expected: string | null, what: string): string {
  const algorithm = expected?.split(':')[0] ?? 'sha256';
  if (algorithm !== 'sha256' && algorithm !== 'sha512')
    throw new RegistryError('invalid', `${what}: unsupported digest algorithm ${algorithm}`);
  const actual = `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`;
  if (expected && actual !== expected)
    throw new RegistryError('invalid', `${what}: content does not match its digest`);
  return actual;
}

/** The `rel="next"` target of a `Link` header, resolved against the URL it came with. */
export function nextLink(header: string | null, base: URL): URL | null {
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(match[2])) {
      try {
        return new URL(match[1], base);
      } catch {
        return null;
      }
    }
  }
  return null;
}
