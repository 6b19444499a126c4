import { SECRETS } from '../kube';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { DNS1123_SUBDOMAIN } from '../common/validation/names';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { KubeClient, V1Secret } from '../kube';
import type { ProjectAccess } from '../access/scope-access';
import { createdAt, envVars, exposedPorts, strings } from './image-config';
import { ImageInfo } from './image-info.model';
import {
  DEFAULT_PLATFORM,
  formatImageReference,
  formatPlatform,
  ImageReference,
  ImageReferenceError,
  parseImageReference,
  parsePlatform,
  Platform,
} from './image-reference';
import { RateLimiter } from '../common/rate-limiter';
import type { RegistryCredentials } from './registry-auth';
import { IMAGE_REGISTRY, type ImageRegistry } from './registry-client';
import { RegistryError } from './registry-errors';
import { CredentialsError, credentialsFromSecret } from './registry-credentials';

export interface InspectImageInput {
  image: string;
  /** An image-registry Secret of the project, read as the caller. */
  secret?: string | null;
  /** `os/architecture[/variant]`; linux/amd64 when left out. */
  platform?: string | null;
}

export interface ImageTags {
  registry: string;
  repository: string;
  tags: string[];
}

/** Reads what an image exposes (ports, entrypoint, env, tags) from its registry, for both transports. */
@Injectable()
export class ImagesService {
  private readonly logger = new Logger(ImagesService.name);
  private readonly limiter: RateLimiter;

  constructor(
    private readonly kube: KubeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Injected (see ImagesModule), so a unit test can answer for the registries.
    @Inject(IMAGE_REGISTRY) private readonly registries: ImageRegistry,
  ) {
    this.limiter = new RateLimiter(config.imageInspectionsPerMinute, 60_000, 'image inspections');
  }

  async inspect(access: ProjectAccess, input: InspectImageInput): Promise<ImageInfo> {
    const platform = input.platform ? this.platform(input.platform) : DEFAULT_PLATFORM;
    return this.withRegistry(access, input, platform, async (ref, credentials) => {
      const image = formatImageReference(ref);
      const started = Date.now();
      const inspected = await this.registries.inspect(ref, {
        platform,
        platformExplicit: Boolean(input.platform),
        credentials,
      });
      this.logger.debug(
        `Inspected ${image} (${formatPlatform(inspected.platform)}) in ${Date.now() - started} ms`,
      );
      const config = inspected.config.config ?? {};
      return {
        image,
        registry: ref.registry,
        repository: ref.repository,
        tag: ref.tag,
        digest: inspected.digest,
        platform: formatPlatform(inspected.platform),
        ports: exposedPorts(config.ExposedPorts),
        entrypoint: strings(config.Entrypoint),
        cmd: strings(config.Cmd),
        env: envVars(strings(config.Env)),
        workingDir: config.WorkingDir || null,
        user: config.User || null,
        tags: inspected.tags,
        createdAt: createdAt(inspected.config.created),
      };
    });
  }

  /** The tags of the repository `input.image` names (its tag, if any, is not read). */
  async tags(access: ProjectAccess, input: InspectImageInput): Promise<ImageTags> {
    return this.withRegistry(access, input, DEFAULT_PLATFORM, async (ref, credentials) => ({
      registry: ref.registry,
      repository: ref.repository,
      tags: await this.registries.tags(ref, credentials),
    }));
  }

  /** One bounded call to a registry: rate-limited per user, with the project's credentials, errors named. */
  private async withRegistry<T>(
    access: ProjectAccess,
    input: InspectImageInput,
    platform: Platform,
    call: (ref: ImageReference, credentials: RegistryCredentials | undefined) => Promise<T>,
  ): Promise<T> {
    await this.limiter.take(access.principal.username);
    const ref = this.reference(input.image);
    const secret = input.secret?.trim() || null;
    const credentials = secret === null ? undefined : await this.credentials(access, secret, ref.registry);
    try {
      return await call(ref, credentials);
    } catch (error) {
      if (error instanceof RegistryError)
        throw this.registryFailure(error, ref, formatImageReference(ref), secret, platform);
      throw error;
    }
  }

  private reference(image: string): ImageReference {
    try {
      return parseImageReference(image, this.config.defaultRegistry);
    } catch (error) {
      if (error instanceof ImageReferenceError) throw DomainError.badField('image', error.message);
      throw error;
    }
  }

  private platform(platform: string): Platform {
    try {
      return parsePlatform(platform);
    } catch (error) {
      if (error instanceof ImageReferenceError) throw DomainError.badField('platform', error.message);
      throw error;
    }
  }

  /**
   * Read as the caller, so Kubernetes decides whether they may use the Secret (project-viewer may not
   * read Secrets). The values stay in this request: nothing is cached.
   */
  private async credentials(
    access: ProjectAccess,
    name: string,
    registry: string,
  ): Promise<RegistryCredentials> {
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
      throw DomainError.badField('secret', 'must be the name of a Secret (a DNS-1123 subdomain)');
    let secret: V1Secret;
    try {
      secret = await this.kube.as(access.identity).get(SECRETS.ref(access.project, name));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)
        throw DomainError.notFound('secret', name);
      if (error instanceof DomainError && error.code === ErrorCode.FORBIDDEN)
        throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed to use secret "${name}"`);
      throw error;
    }
    try {
      return credentialsFromSecret(secret, registry);
    } catch (error) {
      if (error instanceof CredentialsError)
        throw DomainError.badField('secret', `secret "${name}" ${error.message}`);
      throw error;
    }
  }

  /** Messages name the registry host and the image, never a URL with a token realm or a credential. */
  private registryFailure(
    error: RegistryError,
    ref: ImageReference,
    image: string,
    secret: string | null,
    platform: Platform,
  ): DomainError {
    const host = ref.registry;
    const cause = { cause: error };
    switch (error.kind) {
      // One answer for every way of not getting through (refused, silent, TLS, an address or a
      // redirect Berth will not follow): telling them apart would make this a port scanner.
      case 'unreachable':
      case 'timeout':
      case 'tls':
      case 'forbidden':
        return new DomainError(ErrorCode.UNAVAILABLE, `The image registry ${host} could not be reached`, {
          ...cause,
          retryAfterSeconds: 5,
        });
      case 'unavailable':
        return new DomainError(
          ErrorCode.UNAVAILABLE,
          `The image registry ${host} failed to answer (HTTP ${error.details.status ?? '?'})`,
          { ...cause, retryAfterSeconds: 5 },
        );
      case 'unauthorized':
        if (secret !== null && error.details.withCredentials)
          return new DomainError(
            ErrorCode.BAD_USER_INPUT,
            `The registry ${host} refused the credentials of secret "${secret}"`,
            {
              ...cause,
              fields: [{ path: 'secret', message: `the registry ${host} refused its credentials` }],
            },
          );
        return new DomainError(
          ErrorCode.BAD_USER_INPUT,
          `Image "${image}" is private or does not exist: the registry ${host} refused anonymous access; choose an image-registry secret`,
          {
            ...cause,
            fields: [{ path: 'secret', message: `the registry ${host} needs credentials for this image` }],
          },
        );
      case 'not-found':
        return new DomainError(ErrorCode.NOT_FOUND, `Image "${image}" not found`, cause);
      case 'platform': {
        const available = error.details.available ?? [];
        const message = `image "${image}" has no ${formatPlatform(platform)} variant${available.length ? ` (it has ${available.join(', ')})` : ''}`;
        return new DomainError(ErrorCode.BAD_USER_INPUT, `platform: ${message}`, {
          ...cause,
          fields: [{ path: 'platform', message }],
        });
      }
      case 'not-an-image':
        return new DomainError(ErrorCode.BAD_USER_INPUT, `image: "${image}" is not a container image`, {
          ...cause,
          fields: [{ path: 'image', message: 'is not a container image' }],
        });
      case 'refused':
        return new DomainError(
          ErrorCode.BAD_USER_INPUT,
          `image: the registry ${host} refused "${image}" (HTTP ${error.details.status ?? '?'})`,
          { ...cause, fields: [{ path: 'image', message: `the registry ${host} refused it` }] },
        );
      case 'invalid':
        return new DomainError(
          ErrorCode.UNAVAILABLE,
          `The image registry ${host} sent an invalid answer`,
          cause,
        );
    }
  }
}
