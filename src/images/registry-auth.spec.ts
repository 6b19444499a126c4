import { parseChallenges } from './registry-auth';
import { amd64, config, failure, image, PASSWORD, TOKEN, useFakeRegistry } from './registry.fake';

/** Answering the registry's challenges: a bearer token from the realm, or Basic. */

describe('RegistryClient', () => {
  const fake = useFakeRegistry();

  it('gets a bearer token from the realm with the credentials, and sends it, not the password, to the registry', async () => {
    image(fake.registry, config(), '1.0');
    fake.registry.auth = 'bearer';
    const inspected = await fake.client.inspect(fake.ref(':1.0'), {
      platform: amd64,
      credentials: { username: 'alice', password: PASSWORD },
    });
    expect(inspected.tags).toEqual(['1.0']);
    const tokenCalls = fake.registry.seen.filter((s) => s.url.startsWith('/token'));
    // One token for the whole inspection: manifest, config blob and tags reuse it.
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0].url).toBe('/token?service=fake&scope=repository%3Ateam%2Fapp%3Apull');
    const registryCalls = fake.registry.seen.filter((s) => s.url.startsWith('/v2/') && s.authorization);
    expect(registryCalls.every((s) => s.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('reports refused credentials and anonymous refusals apart, without the secret', async () => {
    image(fake.registry, config(), '1.0');
    fake.registry.auth = 'bearer';
    const wrong = await failure(
      fake.client.inspect(fake.ref(':1.0'), {
        platform: amd64,
        credentials: { username: 'alice', password: 'wrong-pass' },
      }),
    );
    expect(wrong).toMatchObject({ kind: 'unauthorized', details: { withCredentials: true } });
    expect(wrong.message).not.toContain('wrong-pass');
    // Anonymous: the realm hands out a token that grants nothing.
    expect(await failure(fake.client.inspect(fake.ref(':1.0'), { platform: amd64 }))).toMatchObject({
      kind: 'unauthorized',
      details: { withCredentials: false },
    });
  });

  it('answers a Basic challenge with the credentials', async () => {
    image(fake.registry, config(), '1.0');
    fake.registry.auth = 'basic';
    await expect(
      fake.client.inspect(fake.ref(':1.0'), {
        platform: amd64,
        credentials: { username: 'alice', password: PASSWORD },
      }),
    ).resolves.toMatchObject({ tags: ['1.0'] });
    expect(await failure(fake.client.inspect(fake.ref(':1.0'), { platform: amd64 }))).toMatchObject({
      kind: 'unauthorized',
      details: { withCredentials: false },
    });
  });
});

describe('parseChallenges', () => {
  it('reads Bearer parameters, quoted or not, and several challenges', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull',
        },
      },
    ]);
    expect(parseChallenges('Basic realm="Registry Realm", Bearer realm=https://a/t,service=x')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://a/t', service: 'x' } },
    ]);
    expect(parseChallenges('Basic realm="a \\"quoted\\" realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'a "quoted" realm' } },
    ]);
    expect(parseChallenges('')).toEqual([]);
  });
});
