import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { tempDir } from './registry';
import { apiServerUrl, e2eKubeconfig } from './test-app';

const SERVICE_ACCOUNT_DIR = 'var/run/secrets/kubernetes.io/serviceaccount';

/**
 * What a Pod of a ServiceAccount gets, under a temporary root instead of `/`: the account's token
 * (from the TokenRequest API), the cluster CA and the namespace, and KUBERNETES_SERVICE_HOST/PORT
 * naming the API server. Berth started with `{ kind: 'in-cluster', root }` then runs as that account.
 */
export async function podIdentity(
  namespace: string,
  serviceAccount: string,
): Promise<{ root: string; restore(): void }> {
  const { stdout: token } = await promisify(execFile)('kubectl', [
    '--kubeconfig',
    e2eKubeconfig(),
    '-n',
    namespace,
    'create',
    'token',
    serviceAccount,
    '--duration=30m',
  ]);
  const cluster = (
    parse(readFileSync(e2eKubeconfig(), 'utf8')) as {
      clusters: { cluster: { 'certificate-authority'?: string; 'certificate-authority-data'?: string } }[];
    }
  ).clusters[0].cluster;
  const ca = cluster['certificate-authority']
    ? readFileSync(cluster['certificate-authority'])
    : Buffer.from(cluster['certificate-authority-data'] ?? '', 'base64');
  const root = tempDir('berth-sa-');
  const dir = join(root.path, SERVICE_ACCOUNT_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'token'), token.trim());
  writeFileSync(join(dir, 'ca.crt'), ca);
  writeFileSync(join(dir, 'namespace'), namespace);

  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
  const server = new URL(apiServerUrl());
  process.env.KUBERNETES_SERVICE_HOST = server.hostname;
  process.env.KUBERNETES_SERVICE_PORT = server.port;
  return {
    root: root.path,
    restore: () => {
      for (const [name, value] of [
        ['KUBERNETES_SERVICE_HOST', saved.host],
        ['KUBERNETES_SERVICE_PORT', saved.port],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      root.cleanUp();
    },
  };
}
