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
      kube: null,
      kubeRequestTimeoutMs: 10_000,
    });
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

  it('refuses a KUBECONFIG list', () => {
    expect(() => loadConfig({ KUBECONFIG: '/a:/b' })).toThrow('KUBECONFIG must name a single file');
  });
});
