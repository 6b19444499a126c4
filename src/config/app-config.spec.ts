import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'berth-config-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to 127.0.0.1:3000 and no Kubernetes source (the local cluster is chosen later)', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'log',
      logFormat: 'json',
      metricsPort: 9464,
      audit: { level: 'metadata', sink: 'stdout', perProject: 500 },
      corsOrigins: [],
      kube: null,
      kubeRequestTimeoutMs: 10_000,
      systemNamespace: 'berth-system',
      impersonationPrefix: 'berth:',
      admin: { username: 'admin', password: null },
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 604_800,
      loginRateLimitPerMinute: 30,
      loginMaxFailures: 5,
      loginMaxFailuresPerUser: 20,
      loginLockSeconds: 600,
      defaultRegistry: 'docker.io',
      cache: {
        enabled: true,
        staleAfterMs: 10_000,
        readYourWritesMs: 3000,
        accessReviewTtlMs: 30_000,
        pollTtlMs: 10_000,
      },
      live: {
        debounceMs: 250,
        maxPending: 100,
        maxPerConnection: 20,
        maxPerUser: 10,
        maxConnections: 2000,
        maxMessageBytes: 65_536,
        recheckMs: 30_000,
        subscribesPerMinute: 120,
      },
      registries: {},
      registryTimeoutMs: 5000,
      imageInspectionsPerMinute: 30,
      requestRate: { perUser: 1200, perToken: 600 },
      graphql: {
        playground: false,
        maxDepth: 10,
        maxAliases: 20,
        maxRootFields: 20,
        maxCost: 1000,
        maxTokens: 5000,
        maxDirectives: 20,
        maxBatch: 0,
      },
      podSecurityDefault: 'baseline',
    });
  });

  it('reads the GraphQL limits and the playground switch, naming a bad one', () => {
    const config = loadConfig({
      BERTH_GRAPHQL_PLAYGROUND: 'true',
      BERTH_GRAPHQL_MAX_COST: '50',
      BERTH_GRAPHQL_MAX_BATCH: '5',
    });
    expect(config.graphql).toMatchObject({ playground: true, maxCost: 50, maxBatch: 5 });
    expect(() => loadConfig({ BERTH_GRAPHQL_PLAYGROUND: 'maybe', BERTH_GRAPHQL_MAX_DEPTH: '0' })).toThrow(
      /BERTH_GRAPHQL_PLAYGROUND must be true or false \(got "maybe"\)[\s\S]*BERTH_GRAPHQL_MAX_DEPTH must be an integer from 2/,
    );
  });

  it('reads the audit trail and the CORS origins, naming a bad one', () => {
    const config = loadConfig({
      BERTH_AUDIT_LEVEL: 'request',
      BERTH_AUDIT_SINK: '/var/log/berth/audit.jsonl',
      BERTH_CORS_ORIGINS: 'https://console.example.com, http://127.0.0.1:8000',
    });
    expect(config.audit).toEqual({
      level: 'request',
      sink: { file: '/var/log/berth/audit.jsonl' },
      perProject: 500,
    });
    expect(config.corsOrigins).toEqual(['https://console.example.com', 'http://127.0.0.1:8000']);
    expect(loadConfig({ BERTH_AUDIT_SINK: 'off' }).audit.sink).toBeNull();
    expect(() =>
      loadConfig({ BERTH_AUDIT_LEVEL: 'all', BERTH_AUDIT_SINK: 'audit.log', BERTH_CORS_ORIGINS: '*' }),
    ).toThrow(
      /BERTH_AUDIT_LEVEL must be none, metadata or request[\s\S]*BERTH_AUDIT_SINK must be stdout, off or an absolute file path[\s\S]*BERTH_CORS_ORIGINS: "\*" is not an origin/,
    );
  });

  it('uses KUBECONFIG when it names a file, and the service account inside a cluster', () => {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, 'apiVersion: v1\n');
    expect(loadConfig({ KUBECONFIG: path }).kube).toEqual({ kind: 'kubeconfig', path });
    expect(loadConfig({ KUBERNETES_SERVICE_HOST: '10.96.0.1' }).kube).toEqual({ kind: 'in-cluster' });
    expect(loadConfig({ KUBECONFIG: path, KUBERNETES_SERVICE_HOST: '10.96.0.1' }).kube).toEqual({
      kind: 'kubeconfig',
      path,
    });
  });

  it('reports every bad variable at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '70000',
        LOG_LEVEL: 'chatty',
        KUBECONFIG: join(dir, 'missing'),
        KUBE_REQUEST_TIMEOUT_MS: 'soon',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be an integer from 1 to 65535 \(got "70000"\)/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/KUBECONFIG names a file that does not exist/);
    expect(problems.join('\n')).toMatch(/KUBE_REQUEST_TIMEOUT_MS must be an integer/);
  });

  it('applies the password policy to BERTH_ADMIN_PASSWORD and refuses a system: impersonation prefix', () => {
    expect(() => loadConfig({ BERTH_ADMIN_PASSWORD: 'short' })).toThrow(
      'BERTH_ADMIN_PASSWORD must be 8 to 64 characters long',
    );
    expect(() => loadConfig({ BERTH_ADMIN_PASSWORD: 'alllowercase1' })).toThrow(
      'must contain an upper-case letter',
    );
    expect(() => loadConfig({ BERTH_IMPERSONATION_PREFIX: 'system:' })).toThrow(
      'must not start with "system:"',
    );
    expect(loadConfig({ BERTH_ADMIN_PASSWORD: 'Good-Passw0rd' }).admin.password).toBe('Good-Passw0rd');
  });

  it('writes JSON lines unless pretty ones are asked for, and names a bad format', () => {
    expect(loadConfig({ BERTH_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ BERTH_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ BERTH_LOG_FORMAT: 'xml' })).toThrow(
      /BERTH_LOG_FORMAT must be auto, json or pretty/,
    );
  });

  it('serves metrics on their own port unless turned off', () => {
    expect(loadConfig({ BERTH_METRICS_PORT: 'off' }).metricsPort).toBeNull();
    expect(loadConfig({ BERTH_METRICS_PORT: '9100' }).metricsPort).toBe(9100);
    expect(() => loadConfig({ BERTH_METRICS_PORT: 'x' })).toThrow(/BERTH_METRICS_PORT/);
  });

  it('refuses a KUBECONFIG list', () => {
    expect(() => loadConfig({ KUBECONFIG: '/a:/b' })).toThrow('KUBECONFIG must name a single file');
  });

  it('reads the default registry, per-registry settings and the registry timeout', () => {
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
    const config = loadConfig({
      BERTH_DEFAULT_REGISTRY: 'Registry.Example.com:5000',
      BERTH_REGISTRIES: JSON.stringify({ '127.0.0.1:5000': { insecure: true }, 'REG.local': { caFile: ca } }),
      BERTH_REGISTRY_TIMEOUT_MS: '2000',
    });
    expect(config.defaultRegistry).toBe('registry.example.com:5000');
    expect(config.registries).toEqual({ '127.0.0.1:5000': { insecure: true }, 'reg.local': { caFile: ca } });
    expect(config.registryTimeoutMs).toBe(2000);
  });

  it('names BERTH_REGISTRIES and the registry settings when they are wrong', () => {
    const problems = (env: NodeJS.ProcessEnv): string[] => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ BERTH_REGISTRIES: '{nope' })).toEqual([
      expect.stringMatching(/^BERTH_REGISTRIES must be JSON/),
    ]);
    expect(problems({ BERTH_REGISTRIES: '[]' })).toEqual([
      expect.stringMatching(/^BERTH_REGISTRIES must be a JSON object/),
    ]);
    expect(
      problems({
        BERTH_REGISTRIES: JSON.stringify({
          'not a host': {},
          'a.example': { insecure: 'yes' },
          'b.example': { caFile: join(dir, 'missing.pem') },
          'c.example': { verify: false },
          'd.example': true,
        }),
      }),
    ).toEqual([
      'BERTH_REGISTRIES: "not a host" is not a registry host[:port]',
      'BERTH_REGISTRIES["a.example"].insecure must be true or false',
      `BERTH_REGISTRIES["b.example"].caFile names a file that does not exist: ${join(dir, 'missing.pem')}`,
      'BERTH_REGISTRIES["c.example"] has an unknown setting "verify" (known: insecure, caFile)',
      'BERTH_REGISTRIES["d.example"] must be an object with "insecure" and/or "caFile"',
    ]);
    expect(problems({ BERTH_DEFAULT_REGISTRY: 'https://docker.io/' })).toEqual([
      expect.stringMatching(/^BERTH_DEFAULT_REGISTRY must be a registry host\[:port\]/),
    ]);
    expect(problems({ BERTH_REGISTRY_TIMEOUT_MS: '0' })).toEqual([
      'BERTH_REGISTRY_TIMEOUT_MS must be an integer from 100 to 120000 (got "0")',
    ]);
  });
});
