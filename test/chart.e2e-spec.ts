import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, parse } from 'yaml';
import { NAMESPACES } from '../src/kube';
import { builtBinary } from './support/built-binaries';
import { e2eKubeconfig, TestApp, uniqueName } from './support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CHART = join(ROOT, 'deploy', 'helm', 'berth');

interface Rendered {
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** Variables the chart sets itself, or that mean nothing inside a cluster. */
const NOT_VALUES = new Set(['HOST', 'BERTH_ADMIN_PASSWORD', 'KUBECONFIG', 'KUBERNETES_SERVICE_HOST']);

/** The Helm chart (deploy/helm/berth), rendered by helm built from its Go module, checked by the API server. */
describe('the Helm chart', () => {
  let t: TestApp;
  let helm: string;
  let kubectl: string;
  const namespace = uniqueName('chart');

  beforeAll(async () => {
    t = await TestApp.start();
    helm = builtBinary('helm');
    kubectl = builtBinary('kubectl');
    // Restricted, warned and enforced: the Pods the chart makes must meet the restricted standard.
    await t.kube.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    });
  });

  afterAll(async () => {
    await t.kube.delete(NAMESPACES.ref(namespace)).catch(() => undefined);
    await t.close();
  });

  const template = async (...args: string[]) =>
    (await run(helm, ['template', 'berth', CHART, '--namespace', namespace, ...args])).stdout;
  const objects = async (...args: string[]) =>
    parseAllDocuments(await template(...args))
      .map((d) => d.toJS() as Rendered | null)
      .filter((o): o is Rendered => o !== null);

  it('lints, and renders what a production install needs', async () => {
    await run(helm, ['lint', '--strict', CHART]);
    const rendered = await objects();
    expect(rendered.map((o) => o.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRoleBinding',
      'Deployment',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Role',
      'RoleBinding',
      'Service',
      'ServiceAccount',
    ]);
    const deployment = rendered.find((o) => o.kind === 'Deployment') as unknown as {
      spec: {
        replicas: number;
        template: {
          spec: {
            serviceAccountName: string;
            securityContext: Record<string, unknown>;
            containers: {
              securityContext: Record<string, unknown>;
              livenessProbe: { httpGet: { path: string } };
              readinessProbe: { httpGet: { path: string } };
              env: { name: string; value?: string }[];
            }[];
          };
        };
      };
    };
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBe(2);
    expect(pod.serviceAccountName).toBe('berth');
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [container] = pod.containers;
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.env).toContainEqual({ name: 'HOST', value: '0.0.0.0' });
    expect(container.env).toContainEqual({ name: 'BERTH_SYSTEM_NAMESPACE', value: namespace });
  });

  it('has a value for every configuration variable Berth reads', () => {
    const source = readFileSync(join(ROOT, 'src', 'config', 'app-config.ts'), 'utf8');
    const read = new Set(
      [...source.matchAll(/env\.([A-Z_]+)|'((?:BERTH|KUBE|LOG)_[A-Z_]+|PORT)'/g)].map((m) => m[1] ?? m[2]),
    );
    const values = parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')) as {
      config: Record<string, string>;
    };
    const missing = [...read].filter((name) => !NOT_VALUES.has(name) && !(name in values.config));
    expect(read.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('grants no wildcard, and impersonation only of users and groups', async () => {
    const role = (await objects()).find((o) => o.kind === 'ClusterRole') as unknown as { rules: Rule[] };
    for (const rule of role.rules)
      for (const value of [...rule.apiGroups, ...rule.resources, ...rule.verbs])
        expect(value).not.toContain('*');
    const impersonation = role.rules.filter((r) => r.verbs.includes('impersonate'));
    expect(impersonation).toEqual([
      { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] },
    ]);
    // Secrets: read (their metadata views), written only in Berth's own namespace, through the Role.
    const secrets = role.rules.filter((r) => r.resources.includes('secrets'));
    expect(secrets).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]);
  });

  it('is accepted by the API server (kubectl apply --dry-run=server), Pods within the restricted standard', async () => {
    const manifests = await template('--set', 'networkPolicy.apiFrom[0].podSelector.matchLabels.app=console');
    const child = execFile(kubectl, [
      '--kubeconfig',
      e2eKubeconfig(),
      'apply',
      '--dry-run=server',
      '-f',
      '-',
    ]);
    const output = new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ stdout, stderr, code }));
    });
    child.stdin?.end(manifests);
    const { stdout, stderr, code } = await output;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const kind of [
      'deployment.apps/berth',
      'clusterrole.rbac.authorization.k8s.io/berth',
      'networkpolicy.networking.k8s.io/berth',
    ])
      expect(stdout).toContain(`${kind} created (server dry run)`);
    // A dry run: nothing was made.
    const { stdout: left } = await run(kubectl, [
      '--kubeconfig',
      e2eKubeconfig(),
      '-n',
      namespace,
      'get',
      'all,sa,pdb,networkpolicy',
      '-o',
      'name',
    ]);
    expect(left.split('\n').filter((line) => line && !line.startsWith('serviceaccount/default'))).toEqual([]);
  });
});
