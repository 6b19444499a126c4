import { MEDIA_TYPES, nextLink, RegistryClient } from './registry-client';
import type { RegistryFailure } from './registry-errors';
import { amd64, config, failure, FakeRegistry, image, useFakeRegistry } from './registry.fake';

/** The OCI distribution protocol against the fake registry: manifests, indexes, config blobs, tags. */

describe('RegistryClient', () => {
  const fake = useFakeRegistry();

  it('reads a single-platform image, its config and its tags', async () => {
    const digest = image(fake.registry, config(), '1.0');
    fake.registry.tags.set('latest', digest);
    const inspected = await fake.client.inspect(fake.ref(':1.0'), { platform: amd64 });
    expect(inspected).toEqual({
      digest,
      platform: amd64,
      config: config(),
      tags: ['1.0', 'latest'],
    });
    // By digest too, verified against the content.
    expect((await fake.client.inspect(fake.ref(`@${digest}`), { platform: amd64 })).digest).toBe(digest);
  });

  it('resolves an index to linux/amd64, or to the platform asked for, skipping attestations', async () => {
    const amdDigest = image(fake.registry, config());
    const armDigest = image(
      fake.registry,
      config({ architecture: 'arm64', variant: 'v8', config: { Cmd: ['arm'] } }),
    );
    const descriptor = (digest: string, platform: object, annotations?: object) => ({
      mediaType: MEDIA_TYPES.ociManifest,
      digest,
      size: 1,
      platform,
      ...(annotations ? { annotations } : {}),
    });
    const index = fake.registry.put(
      {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: [
          descriptor(armDigest, { os: 'linux', architecture: 'arm64', variant: 'v8' }),
          descriptor(
            amdDigest,
            { os: 'unknown', architecture: 'unknown' },
            { 'vnd.docker.reference.type': 'attestation-manifest' },
          ),
          descriptor(amdDigest, { os: 'linux', architecture: 'amd64' }),
        ],
      },
      MEDIA_TYPES.ociIndex,
      'multi',
    );
    const amd = await fake.client.inspect(fake.ref(':multi'), { platform: amd64 });
    expect(amd).toMatchObject({ digest: index, platform: amd64, config: { config: { Cmd: ['run'] } } });
    const arm = await fake.client.inspect(fake.ref(':multi'), {
      platform: { os: 'linux', architecture: 'arm64' },
    });
    expect(arm).toMatchObject({
      platform: { os: 'linux', architecture: 'arm64' },
      config: { config: { Cmd: ['arm'] } },
    });

    const missing = await failure(
      fake.client.inspect(fake.ref(':multi'), { platform: { os: 'linux', architecture: 's390x' } }),
    );
    expect(missing).toMatchObject({
      kind: 'platform',
      details: { available: ['linux/arm64', 'linux/amd64'] },
    });
  });

  it('refuses a single-platform image of another platform only when one was asked for', async () => {
    image(fake.registry, config(), '1.0');
    const arm = { os: 'linux', architecture: 'arm64' };
    expect((await fake.client.inspect(fake.ref(':1.0'), { platform: arm })).platform).toEqual(amd64);
    expect(
      await failure(fake.client.inspect(fake.ref(':1.0'), { platform: arm, platformExplicit: true })),
    ).toMatchObject({
      kind: 'platform',
      details: { available: ['linux/amd64'] },
    });
  });

  it('follows Link pagination of tags up to the cap', async () => {
    const digest = image(fake.registry, config(), 't00');
    for (let i = 1; i < 25; i++) fake.registry.tags.set(`t${String(i).padStart(2, '0')}`, digest);
    fake.registry.tagPageSize = 10;
    expect((await fake.client.inspect(fake.ref(':t00'), { platform: amd64 })).tags).toHaveLength(25);
    const capped = new RegistryClient({
      timeoutMs: 1000,
      registries: { [fake.host]: { insecure: true } },
      maxTags: 12,
    });
    try {
      expect((await capped.inspect(fake.ref(':t00'), { platform: amd64 })).tags).toEqual(
        Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`),
      );
    } finally {
      await capped.close();
    }
  });

  it.each<[string, (r: FakeRegistry) => void, RegistryFailure]>([
    ['a missing manifest', () => undefined, 'not-found'],
    ['a failing registry', (r) => (r.status = 503), 'unavailable'],
    ['a rate limit', (r) => (r.status = 429), 'unavailable'],
    ['another 4xx', (r) => (r.status = 400), 'refused'],
  ])('classifies %s', async (_what, arrange, kind) => {
    arrange(fake.registry);
    expect(await failure(fake.client.inspect(fake.ref(':nope'), { platform: amd64 }))).toMatchObject({
      kind,
    });
  });

  it('refuses content that does not match its digest, and artifacts that are not images', async () => {
    const digest = image(fake.registry, config(), '1.0');
    const good = fake.registry.blobs.get(digest)!;
    fake.registry.blobs.set(digest, { ...good, body: good.body.replace('"layers":[]', '"layers": []') });
    expect(await failure(fake.client.inspect(fake.ref(`@${digest}`), { platform: amd64 }))).toMatchObject({
      kind: 'invalid',
    });

    const chart = fake.registry.put(
      {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: digest, size: 1 },
        layers: [],
      },
      MEDIA_TYPES.ociManifest,
      'chart',
    );
    expect(chart).toMatch(/^sha256:/);
    expect(await failure(fake.client.inspect(fake.ref(':chart'), { platform: amd64 }))).toMatchObject({
      kind: 'not-an-image',
    });
  });
});

describe('nextLink', () => {
  const base = new URL('https://reg.example/v2/a/tags/list?n=10');
  it('resolves the rel="next" target', () => {
    expect(nextLink('</v2/a/tags/list?last=x&n=10>; rel="next"', base)?.href).toBe(
      'https://reg.example/v2/a/tags/list?last=x&n=10',
    );
    expect(nextLink('<https://o.example/p>; rel="prev", <?last=y>; rel=next', base)?.href).toBe(
      'https://reg.example/v2/a/tags/list?last=y',
    );
    expect(nextLink(null, base)).toBeNull();
    expect(nextLink('</x>; rel="prev"', base)).toBeNull();
  });
});
