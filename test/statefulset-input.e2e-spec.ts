import { SERVICES, STATEFUL_SETS } from '../src/kube';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { statefulSetForm } from '../src/resources/workloads/statefulsets/statefulset-form.arbitrary';
import { normalizeForm } from '../src/resources/workloads/statefulsets/statefulset-normalize';
import type { KubeClient, V1StatefulSet } from '../src/kube';
import type { StatefulSetForm } from '../src/resources/workloads/statefulsets/statefulset-form.model';
import { StatefulSetApi, statefulSetApi } from './support/statefulset-api';
import { TestApp } from './support/test-app';
import { statefulSetIn, waitForReady, workloadProject, WorkloadProject } from './support/workload-fixture';

const valid = (name: string) => ({
  name,
  replicas: 1,
  containers: [
    {
      name: 'web',
      image: 'nginx',
      ports: [{ name: 'http', containerPort: 80 }],
      resources: { requests: { cpu: '100m' }, limits: { cpu: '1' } },
    },
  ],
});
type Form = ReturnType<typeof valid> & Record<string, unknown>;

const withoutMaxUnavailable = (form: StatefulSetForm): StatefulSetForm => {
  if (!form.updateStrategy?.maxUnavailable) return form;
  const { maxUnavailable: _dropped, ...strategy } = form.updateStrategy;
  return { ...form, updateStrategy: strategy };
};

/** Every kind of bad input: BAD_USER_INPUT naming the field, on both transports, and nothing left behind. */
const BAD_FORMS: [string, (f: Form) => void, string][] = [
  ['a name that is not DNS-1123', (f) => (f.name = 'Bad_Name'), 'name'],
  ['a name that is too long', (f) => (f.name = `a${'b'.repeat(52)}`), 'name'],
  ['negative replicas', (f) => (f.replicas = -1), 'replicas'],
  [
    'a malformed quantity',
    (f) => (f.containers[0].resources.limits.cpu = 'lots'),
    'containers[0].resources.limits.cpu',
  ],
  [
    'requests above limits',
    (f) => (f.containers[0].resources.requests.cpu = '2'),
    'containers[0].resources.requests.cpu',
  ],
  [
    'a duplicate port',
    (f) => f.containers[0].ports.push({ name: 'http2', containerPort: 80 }),
    'containers[0].ports[1].containerPort',
  ],
  [
    'a port out of range',
    (f) => (f.containers[0].ports[0].containerPort = 70000),
    'containers[0].ports[0].containerPort',
  ],
  [
    'a relative mount path',
    (f) => Object.assign(f.containers[0], { volumeMounts: [{ name: 'x', mountPath: 'data' }] }),
    'containers[0].volumeMounts[0].mountPath',
  ],
  [
    'a mount of an unknown volume',
    (f) => Object.assign(f.containers[0], { volumeMounts: [{ name: 'ghost', mountPath: '/data' }] }),
    'containers[0].volumeMounts[0].name',
  ],
  ['an unknown field', (f) => (f.replicaz = 3), 'replicaz'],
  // The local cluster, like Kubernetes v1.36 by default, has the MaxUnavailableStatefulSet gate off
  // and would silently drop the field.
  [
    'a field this cluster would drop (maxUnavailable)',
    (f) => (f.updateStrategy = { type: 'RollingUpdate', maxUnavailable: '2' }),
    'updateStrategy.maxUnavailable',
  ],
  ['no containers', (f) => (f.containers = []), 'containers'],
];

const BAD_YAML: [string, (name: string, project: string) => string, string][] = [
  ['invalid YAML', () => 'kind: StatefulSet\n  metadata: [unclosed', 'yaml'],
  [
    'a wrong kind',
    () => 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: escalate\n',
    'yaml[0].kind',
  ],
  [
    'a StatefulSet of an old apiVersion',
    (name) =>
      `apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: web, image: nginx}]}\n`,
    'yaml[0].kind',
  ],
  [
    'another namespace',
    (name) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\n  namespace: kube-system\nspec:\n  serviceName: ${name}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: web, image: nginx}]}\n`,
    'yaml[0].metadata.namespace',
  ],
  [
    'a StatefulSet the API server rejects',
    (name) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: other}}\n    spec: {containers: [{name: web, image: nginx}]}\n`,
    'spec.template.metadata.labels',
  ],
  [
    'a field this cluster would drop (maxUnavailable)',
    (name) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 2}}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: web, image: nginx}]}\n`,
    'yaml',
  ],
];

describe.each(['graphql', 'rest'] as const)('StatefulSet input over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let api: StatefulSetApi;

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token(), { podSecurity: 'privileged' });
    api = statefulSetApi(t, transport, w.project, w.regular.token);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const nothingLeft = async (name: string) => {
    expect(await kube.find(STATEFUL_SETS.ref(w.project, name))).toBeNull();
    expect(await kube.find(SERVICES.ref(w.project, name))).toBeNull();
  };

  it.each(BAD_FORMS)('refuses %s, naming the field, and leaves nothing behind', async (_, change, field) => {
    const name = `bad-${transport}`;
    const form = valid(name) as Form;
    change(form);
    const res = await api.create(form);
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.fields?.map((f) => f.path)).toContain(field);
    await nothingLeft(form.name);
    await nothingLeft(name);
  });

  it.each(BAD_YAML)('refuses YAML with %s, naming the field', async (_, yaml, field) => {
    const name = `bad-yaml-${transport}`;
    const res = await api.createYaml(yaml(name, w.project));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.fields?.map((f) => f.path)).toContain(field);
    await nothingLeft(name);
  });

  it('an update asking for a field this cluster would drop is refused, and nothing changes', async () => {
    const name = `gated-${transport}`;
    expect((await api.create(valid(name))).ok).toBe(true);
    await waitForReady(kube, w.project, name, 1); // the controller's status writes change the resourceVersion
    const before = (await api.get(name)).body;
    const res = await api.update(
      name,
      { ...before.form, replicas: 2, updateStrategy: { type: 'RollingUpdate', maxUnavailable: '50%' } },
      before.resourceVersion,
    );
    expect(res).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          path: 'updateStrategy.maxUnavailable',
          message: 'is not supported by this cluster (its MaxUnavailableStatefulSet feature gate is off)',
        },
      ],
    });
    const held = await statefulSetIn(kube, w.project, name);
    expect(held.metadata?.resourceVersion).toBe(before.resourceVersion);
    expect(held.spec?.replicas).toBe(1);
  });

  it('Edit YAML refuses to change what Kubernetes keeps (the selector), naming it; nothing changes', async () => {
    const name = `immutable-${transport}`;
    expect((await api.create(valid(name))).ok).toBe(true);
    await waitForReady(kube, w.project, name, 1);
    const before = (await api.get(name)).body;
    const doc = parse(before.yaml) as V1StatefulSet;
    doc.spec!.selector = { matchLabels: { app: name, tier: 'db' } };
    doc.spec!.template.metadata = { ...doc.spec!.template.metadata, labels: { app: name, tier: 'db' } };
    const res = await api.replaceYaml(name, stringify(doc), before.resourceVersion);
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.fields).toContainEqual({
      path: 'selector',
      message: 'cannot be changed after the StatefulSet is created',
    });
    const held = await statefulSetIn(kube, w.project, name);
    expect(held.metadata?.resourceVersion).toBe(before.resourceVersion);
    expect(held.spec?.selector).toEqual({ matchLabels: { app: name } });
  });

  it('a Service name already taken fails the create as a whole (all or nothing)', async () => {
    const name = `taken-${transport}`;
    await kube.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: w.project },
      spec: { ports: [{ port: 1 }] },
    });
    const res = await api.create(valid(name));
    expect(res.code).toBe('CONFLICT');
    expect(res.message).toContain(`service "${name}" already exists`);
    expect(await kube.find(STATEFUL_SETS.ref(w.project, name))).toBeNull();
  });

  it('a StatefulSet from hand-written YAML gets its headless Service, with two documents too', async () => {
    const name = `yaml-${transport}`;
    const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}-svc\n  replicas: 1\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}\n`;
    const svc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}-svc\nspec:\n  clusterIP: None\n  selector: {app: ${name}}\n  ports: [{name: web, port: 80, targetPort: 8080}]\n`;
    const res = await api.createYaml(`${sts}---\n${svc}`);
    expect(res.ok).toBe(true);
    const service = await kube.get(SERVICES.ref(w.project, `${name}-svc`));
    expect(service.spec?.ports?.[0].port).toBe(80);
  });

  it('property: for generated valid forms, the StatefulSet read back gives the same form', async () => {
    let n = 0;
    await fc.assert(
      // maxUnavailable is refused on this cluster (see above).
      fc.asyncProperty(statefulSetForm.map(withoutMaxUnavailable), async (generated) => {
        const form = { ...generated, name: `prop-${transport}-${++n}` };
        const created = await api.create(form);
        if (!created.ok)
          throw new Error(`${created.code}: ${created.message} ${JSON.stringify(created.fields)}`);
        const read = await api.get(form.name);
        expect(read.body.form).toEqual(normalizeForm(form));
        expect((await api.delete(form.name, { deleteVolumes: true })).ok).toBe(true);
      }),
      // Each run writes to the cluster: report the first failing form as generated rather than shrink it.
      { numRuns: Number(process.env.PROP_RUNS ?? 8), endOnFailure: true },
    );
  }, 300_000);
});
