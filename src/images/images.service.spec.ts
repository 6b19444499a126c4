import { Test } from '@nestjs/testing';
import { rejection } from '../../test/support/rejection';
import type { ProjectAccess } from '../access/scope-access';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { loadConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PlatformRole } from '../iam/roles';
import { KubeClient } from '../kube';
import type { ImageReference } from './image-reference';
import { ImagesService } from './images.service';
import { IMAGE_REGISTRY, type ImageRegistry, type InspectedImage } from './registry-client';
import { RegistryError, type RegistryFailure } from './registry-errors';

/**
 * ImagesService's own rules, with a stub in the registry client's place (no network): how a registry
 * that cannot be reached answers, and the per-user limit on inspections.
 */

const access = (username: string): ProjectAccess => ({
  principal: { username, platformRole: PlatformRole.REGULAR, via: 'session', scope: 'read-write' },
  project: 'demo',
  workspace: 'w',
  role: null,
  workspaceRole: null,
  permissions: new Set(),
  identity: { user: `berth:${username}` },
  security: { podSecurity: 'baseline', allowedServiceTypes: [] },
});

const inspected: InspectedImage = {
  digest: 'sha256:0123',
  platform: { os: 'linux', architecture: 'amd64' },
  config: { config: { ExposedPorts: { '80/tcp': {} } } },
  tags: ['1.27'],
};

/** A registry that answers every inspection with `answer`, recording what it was asked. */
class StubRegistry implements ImageRegistry {
  readonly asked: string[] = [];

  constructor(private readonly answer: () => Promise<InspectedImage>) {}

  inspect(ref: ImageReference): Promise<InspectedImage> {
    this.asked.push(`${ref.registry}/${ref.repository}`);
    return this.answer();
  }

  async tags(ref: ImageReference): Promise<string[]> {
    return (await this.inspect(ref)).tags;
  }
}

async function serviceWith(registry: ImageRegistry, inspectionsPerMinute = 30): Promise<ImagesService> {
  const config = { ...loadConfig({}), imageInspectionsPerMinute: inspectionsPerMinute };
  const moduleRef = await Test.createTestingModule({
    providers: [
      ImagesService,
      { provide: APP_CONFIG, useValue: config },
      // Only read for an image-registry secret, which these inspections do not name.
      { provide: KubeClient, useValue: {} },
      { provide: IMAGE_REGISTRY, useValue: registry },
    ],
  }).compile();
  return moduleRef.get(ImagesService);
}

const failure = (promise: Promise<unknown>): Promise<DomainError> => rejection(promise, DomainError);

describe('ImagesService', () => {
  it('reads what the registry says about the image', async () => {
    const service = await serviceWith(new StubRegistry(() => Promise.resolve(inspected)));
    await expect(service.inspect(access('alice'), { image: 'nginx:1.27' })).resolves.toMatchObject({
      image: 'docker.io/library/nginx:1.27',
      digest: 'sha256:0123',
      platform: 'linux/amd64',
      tags: ['1.27'],
    });
  });

  it.each<RegistryFailure>(['unreachable', 'timeout', 'tls', 'forbidden'])(
    'answers a registry it cannot get through to (%s) the same way, naming only the host',
    async (kind) => {
      const registry = new StubRegistry(() =>
        Promise.reject(new RegistryError(kind, 'GET https://registry.example/v2/team/app/manifests/1')),
      );
      const service = await serviceWith(registry);
      const error = await failure(service.inspect(access('alice'), { image: 'registry.example/team/app:1' }));
      expect(error).toMatchObject({
        code: ErrorCode.UNAVAILABLE,
        message: 'The image registry registry.example could not be reached',
        retryAfterSeconds: 5,
      });
      expect(registry.asked).toEqual(['registry.example/team/app']);
    },
  );

  it('limits inspections per user, before the registry is asked', async () => {
    const registry = new StubRegistry(() => Promise.resolve(inspected));
    const service = await serviceWith(registry, 2);
    await service.inspect(access('alice'), { image: 'nginx' });
    await service.inspect(access('alice'), { image: 'nginx' });
    const error = await failure(service.inspect(access('alice'), { image: 'nginx' }));
    expect(error.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    // Another user has a limit of their own.
    await expect(service.inspect(access('bob'), { image: 'nginx' })).resolves.toBeDefined();
    expect(registry.asked).toHaveLength(3);
  });
});
