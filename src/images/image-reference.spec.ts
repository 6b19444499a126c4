import fc from 'fast-check';
import {
  formatImageReference,
  ImageReference,
  ImageReferenceError,
  parseImageReference,
  parsePlatform,
  platformMatches,
  registryApiHost,
  registryOfServerKey,
} from './image-reference';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each<[string, ImageReference]>([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: null }],
    ['bitnami/redis:7', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7', digest: null }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null }],
    [
      'index.docker.io/library/nginx',
      { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null },
    ],
    [
      'quay.io/prometheus/node-exporter:v1.8.2',
      { registry: 'quay.io', repository: 'prometheus/node-exporter', tag: 'v1.8.2', digest: null },
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest', digest: null }],
    [
      '127.0.0.1:5000/team/web:1.0',
      { registry: '127.0.0.1:5000', repository: 'team/web', tag: '1.0', digest: null },
    ],
    [
      'Registry.Example.com:5443/a/b/c',
      { registry: 'registry.example.com:5443', repository: 'a/b/c', tag: 'latest', digest: null },
    ],
    [`nginx@${DIGEST}`, { registry: 'docker.io', repository: 'library/nginx', tag: null, digest: DIGEST }],
    [`host:5000/app:1.0@${DIGEST}`, { registry: 'host:5000', repository: 'app', tag: '1.0', digest: DIGEST }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app', tag: 'latest', digest: null }],
    [
      'my_org/my__app-x.y',
      { registry: 'docker.io', repository: 'my_org/my__app-x.y', tag: 'latest', digest: null },
    ],
    ['  nginx  ', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null }],
  ])('%s', (input, expected) => {
    expect(parseImageReference(input)).toEqual(expected);
  });

  it('uses the configured default registry, without library/ outside Docker Hub', () => {
    expect(parseImageReference('nginx', '127.0.0.1:5000')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'nginx',
      tag: 'latest',
      digest: null,
    });
    expect(formatImageReference(parseImageReference('tools/dns:1', 'mirror.local'))).toBe(
      'mirror.local/tools/dns:1',
    );
    expect(formatImageReference(parseImageReference('nginx', 'index.docker.io'))).toBe(
      'docker.io/library/nginx:latest',
    );
  });

  it.each([
    ['', /empty/],
    ['Nginx', /lower case/],
    ['MyOrg/app', /lower case/],
    ['https://docker.io/nginx', /scheme/],
    ['nginx:', /invalid tag/],
    ['nginx:-bad', /invalid tag/],
    [`nginx:${'x'.repeat(129)}`, /invalid tag/],
    ['nginx@sha256:abc', /invalid sha256 digest/],
    ['nginx@md5:0123456789abcdef0123456789abcdef', /unsupported digest/],
    ['nginx@', /unsupported digest/],
    ['-nginx', /invalid repository/],
    ['a//b', /invalid repository/],
    ['host:5000/', /names no repository/],
    ['host:99999/app', /invalid registry port/],
    ['bad_host.com:5000/app', /invalid registry/],
    ['ng inx', /spaces/],
    [`a.io/${'x'.repeat(300)}`, /too long/],
  ])('refuses %p', (input, message) => {
    expect(() => parseImageReference(input)).toThrow(ImageReferenceError);
    expect(() => parseImageReference(input)).toThrow(message);
  });

  it('round-trips every well-formed reference (property)', () => {
    const alnum = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const component = fc
      .tuple(alnum, fc.array(fc.tuple(fc.constantFrom('.', '_', '__', '-', '--'), alnum), { maxLength: 2 }))
      .map(([head, tail]) => head + tail.map(([s, a]) => s + a).join(''));
    const registry = fc.oneof(
      fc.tuple(alnum, alnum).map(([a, b]) => `${a}.${b}`),
      fc.tuple(alnum, fc.integer({ min: 1, max: 65535 })).map(([a, p]) => `${a}:${p}`),
      fc.constant('localhost'),
      fc.constant('docker.io'),
    );
    const tag = fc.stringMatching(/^\w[\w.-]{0,20}$/);
    const digest = fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`);
    fc.assert(
      fc.property(
        registry,
        fc.array(component, { minLength: 1, maxLength: 3 }),
        fc.option(tag),
        fc.option(digest),
        (reg, path, t, d) => {
          const repository = reg === 'docker.io' && path.length === 1 ? `library/${path[0]}` : path.join('/');
          const text = `${reg}/${path.join('/')}${t === null ? '' : `:${t}`}${d === null ? '' : `@${d}`}`;
          const parsed = parseImageReference(text);
          expect(parsed).toEqual({
            registry: reg,
            repository,
            tag: t === null && d === null ? 'latest' : t,
            digest: d,
          });
          // The full form reads back as itself, whatever the default registry.
          const full = formatImageReference(parsed);
          expect(parseImageReference(full, 'elsewhere.example')).toEqual(parsed);
        },
      ),
    );
  });
});

describe('registries', () => {
  it('sends Docker Hub API calls to registry-1.docker.io, others to themselves', () => {
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });

  it.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['https://Registry.Example.com:5443/v2/', 'registry.example.com:5443'],
    ['quay.io/org', 'quay.io'],
    ['', null],
    ['not a host', null],
  ])('the docker config key %p is registry %p', (key, registry) => {
    expect(registryOfServerKey(key)).toBe(registry);
  });
});

describe('platforms', () => {
  it('reads os/architecture[/variant] with aliases', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('linux/x86_64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(parsePlatform('Linux/ARM64/v8')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(parsePlatform('linux/arm/v7')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    for (const bad of ['linux', 'linux/', 'linux/arm/v7/x', '/amd64', 'linux/am d64'])
      expect(() => parsePlatform(bad)).toThrow(/os\/architecture/);
  });

  it('matches a variant only when one is asked for', () => {
    const armV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
    expect(platformMatches({ os: 'linux', architecture: 'arm' }, armV7)).toBe(true);
    expect(platformMatches(parsePlatform('linux/arm/v6'), armV7)).toBe(false);
    expect(
      platformMatches(parsePlatform('linux/arm64'), { os: 'linux', architecture: 'arm64', variant: 'v8' }),
    ).toBe(true);
    expect(platformMatches(parsePlatform('linux/amd64'), { os: 'windows', architecture: 'amd64' })).toBe(
      false,
    );
  });
});
