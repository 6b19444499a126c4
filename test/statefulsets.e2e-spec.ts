import { PERSISTENT_VOLUME_CLAIMS, PODS, SERVICES } from '../src/kube';
import type { KubeClient, V1Pod, V1StatefulSet, WatchEvent } from '../src/kube';
import { parse, stringify } from 'yaml';
import { statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import {
  podsOf,
  statefulSetIn,
  waitForReady,
  workloadProject,
  WorkloadProject,
} from './support/workload-fixture';

/**
 * The seed's StatefulSet page on both transports, as project-regular, checked against what the cluster
 * holds: create with everything the acceptance names, ordered start-up, detail, logs, YAML.
 */
describe.each(['graphql', 'rest'] as const)('StatefulSets over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  const name = 'demo-stateful';

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await t.graphql<T>(query, { p: w.project, ...variables }, w.regular.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const rest = () => t.as(w.regular.token);
  const base = () => `/api/v1/projects/${w.project}`;
  const api = () => statefulSetApi(t, transport, w.project, w.regular.token);

  interface DetailView {
    name: string;
    form: Record<string, unknown>;
    status: Record<string, unknown>;
    service: Record<string, unknown> | null;
    pods: (Record<string, unknown> & { node: string; podIP: string; containers: unknown[] })[];
    revisions: Record<string, unknown>[];
    events: { reason: string }[];
  }

  /** The detail page: GraphQL selects every part, REST answers it whole. */
  const detail = async (): Promise<DetailView> => {
    if (transport === 'rest') {
      const res = await rest().get(`${base()}/statefulsets/${name}`).expect(200);
      return res.body as DetailView;
    }
    type Connections = { pods: { nodes: DetailView['pods'] }; revisions: { nodes: DetailView['revisions'] } };
    const data = await gql<{ statefulSet: Omit<DetailView, 'pods' | 'revisions'> & Connections }>(
      `query($p: String!, $n: String!) { statefulSet(project: $p, name: $n) {
         name alias creator resourceVersion images
         status { desired current ready updated phase reason currentRevision updateRevision }
         form { name replicas syncHostTimezone deploymentMode containers { name image ports { name containerPort servicePort protocol } } volumeClaimTemplates { name size accessModes } }
         service { name clusterIP ports { name port targetPort } }
         pods { nodes { name ordinal phase ready restarts node podIP startTime claims containers { name state ready } usage { cpu memory unavailableReason } } }
         revisions { nodes { revision current update images } }
         events { type reason object }
       } }`,
      { n: name },
    );
    // Connections in GraphQL, lists in REST's detail: compared as lists.
    const { pods, revisions, ...others } = data.statefulSet;
    return { ...others, pods: pods.nodes, revisions: revisions.nodes };
  };

  const logs = async (
    pod: string,
    options: { tailLines?: number; sinceSeconds?: number },
  ): Promise<string> => {
    if (transport === 'rest') {
      const res = await rest()
        .get(`${base()}/pods/${pod}/logs`)
        .query({ ...options, timestamps: true })
        .expect(200)
        .expect('content-type', /text\/plain/);
      return res.text;
    }
    const data = await gql<{ podLogs: string }>(
      'query($p: String!, $pod: String!, $t: Int, $s: Int) { podLogs(project: $p, pod: $pod, tailLines: $t, sinceSeconds: $s, timestamps: true) }',
      { pod, t: options.tailLines, s: options.sinceSeconds },
    );
    return data.podLogs;
  };

  const download = async (): Promise<string> => {
    if (transport === 'rest') {
      const res = await rest()
        .get(`${base()}/statefulsets/${name}`)
        .set('accept', 'application/yaml')
        .expect(200)
        .expect('content-type', /application\/yaml/);
      return res.text;
    }
    const data = await gql<{ statefulSet: { yaml: string } }>(
      'query($p: String!, $n: String!) { statefulSet(project: $p, name: $n) { yaml } }',
      { n: name },
    );
    return data.statefulSet.yaml;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token(), { podSecurity: 'privileged' });
    await kube.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-config', namespace: w.project },
      data: { greeting: 'hello' },
    });
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  const input = {
    name,
    alias: 'Demo',
    replicas: 2,
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        ports: [{ name: 'tcp-80', containerPort: 80 }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        livenessProbe: { type: 'httpGet', path: '/healthz', port: 80, initialDelaySeconds: 5 },
        readinessProbe: { type: 'tcpSocket', port: 80 },
        env: [{ name: 'GREETING', configMapKeyRef: { name: 'app-config', key: 'greeting' } }],
        volumeMounts: [{ name: 'data', mountPath: '/usr/share/nginx/html' }],
      },
    ],
    volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
    syncHostTimezone: true,
    deploymentMode: 'spread',
    nodeSelector: [{ key: 'kubernetes.io/os', value: 'linux' }],
  };

  it('creates the StatefulSet, its headless Service and its claims exactly as asked; pods start in order', async () => {
    const events: { type: string; pod: string; ready: boolean }[] = [];
    const watch = await kube.watch(PODS, { namespace: w.project }, (e: WatchEvent<V1Pod>) =>
      events.push({
        type: e.type,
        pod: e.object.metadata?.name ?? '',
        ready: e.object.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      }),
    );
    try {
      const created = await api().create(input);
      expect(created).toMatchObject({
        ok: true,
        body: {
          dryRun: false,
          objects: [
            { kind: 'StatefulSet', name },
            { kind: 'Service', name },
          ],
          statefulSet: { name },
        },
      });

      const sts = await waitForReady(kube, w.project, name, 2);
      const spec = sts.spec!;
      expect(sts.metadata?.labels).toEqual({ app: name });
      expect(sts.metadata?.annotations).toMatchObject({
        'berth.io/creator': w.regular.username,
        'berth.io/alias': 'Demo',
      });
      expect(spec.selector.matchLabels).toEqual({ app: name });
      expect(spec.template.metadata?.labels).toEqual({ app: name });
      expect(spec.serviceName).toBe(name);
      expect(spec.revisionHistoryLimit).toBe(10);
      const container = spec.template.spec!.containers[0];
      expect(container).toMatchObject({
        image: 'nginx',
        ports: [{ name: 'tcp-80', containerPort: 80, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 5 },
        readinessProbe: { tcpSocket: { port: 80 } },
        env: [{ name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'greeting' } } }],
        volumeMounts: [
          { name: 'data', mountPath: '/usr/share/nginx/html' },
          { name: 'host-time', mountPath: '/etc/localtime', readOnly: true },
        ],
      });
      expect(spec.template.spec!.volumes).toEqual([
        { name: 'host-time', hostPath: { path: '/etc/localtime', type: '' } },
      ]);
      expect(spec.template.spec!.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
      expect(
        spec.template.spec!.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]
          .podAffinityTerm.topologyKey,
      ).toBe('kubernetes.io/hostname');
      expect(spec.volumeClaimTemplates?.[0]).toMatchObject({
        metadata: { name: 'data' },
        spec: { resources: { requests: { storage: '1Gi' } } },
      });

      const service = await kube.get(SERVICES.ref(w.project, name));
      expect(service.spec).toMatchObject({
        clusterIP: 'None',
        selector: { app: name },
        ports: [{ name: 'tcp-80', port: 80, targetPort: 80, protocol: 'TCP' }],
      });
      expect(service.metadata?.annotations?.['berth.io/creator']).toBe(w.regular.username);

      const claims = await eventually(async () => {
        const list = (await kube.list(PERSISTENT_VOLUME_CLAIMS, { namespace: w.project })).items;
        return list.length === 2 && list.every((c) => c.status?.phase === 'Bound') ? list : undefined;
      });
      expect(claims.map((c) => c.metadata?.name).sort()).toEqual([`data-${name}-0`, `data-${name}-1`]);

      // OrderedReady: pod -1 appears only after pod -0 was Ready.
      const zeroReady = events.findIndex((e) => e.pod === `${name}-0` && e.ready);
      const oneAdded = events.findIndex((e) => e.pod === `${name}-1` && e.type === 'ADDED');
      expect(zeroReady).toBeGreaterThanOrEqual(0);
      expect(oneAdded).toBeGreaterThan(zeroReady);
    } finally {
      watch.stop();
    }
  });

  it('shows the detail: status, form, Service, pods with node, IP and readiness, revisions, events', async () => {
    const view = await detail();
    expect(view).toMatchObject({ name, alias: 'Demo', creator: w.regular.username, images: ['nginx'] });
    expect(view.status).toMatchObject({ desired: 2, ready: 2, updated: 2, phase: 'Running', reason: null });
    expect(view.form).toMatchObject({
      name,
      replicas: 2,
      syncHostTimezone: true,
      deploymentMode: 'spread',
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          ports: [{ name: 'tcp-80', containerPort: 80, servicePort: 80, protocol: 'TCP' }],
        },
      ],
      volumeClaimTemplates: [{ name: 'data', size: '1Gi', accessModes: ['ReadWriteOnce'] }],
    });
    expect(view.service).toMatchObject({
      name,
      clusterIP: 'None',
      ports: [{ name: 'tcp-80', port: 80, targetPort: '80' }],
    });
    expect(view.pods.map((p) => p.name)).toEqual([`${name}-0`, `${name}-1`]);
    for (const [i, pod] of view.pods.entries()) {
      expect(pod).toMatchObject({
        ordinal: i,
        phase: 'Running',
        ready: true,
        restarts: 0,
        claims: [`data-${name}-${i}`],
      });
      expect(pod.node).toMatch(/^kwok-node-\d$/);
      expect(pod.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
      expect(pod.containers).toMatchObject([{ name: 'nginx', state: 'running', ready: true }]);
    }
    expect(view.revisions).toMatchObject([{ revision: 1, current: true, update: true, images: ['nginx'] }]);
    // Events are recorded asynchronously by the controller's event broadcaster.
    const events = await eventually(
      async () => {
        const reasons = (await detail()).events.map((e) => e.reason);
        return reasons.includes('SuccessfulCreate') ? reasons : undefined;
      },
      30_000,
      'the StatefulSet controller’s events',
    );
    expect(events).toContain('SuccessfulCreate');
  });

  it('reads container logs with tailLines and timestamps', async () => {
    const text = await logs(`${name}-0`, { tailLines: 3 });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z .*GET \/healthz/);
  });

  it('reads only the container log lines of the last sinceSeconds', async () => {
    // The local cluster's container log: 30 lines, 10 s apart, the last written 10 s before it started.
    const all = (await logs(`${name}-0`, {})).trim().split('\n');
    expect(all).toHaveLength(30);
    const at = (line: string) => Date.parse(line.slice(0, line.indexOf(' ')));
    expect(at(all[20]) - at(all[19])).toBe(10_000);
    // Since halfway between lines 19 and 20: a second of rounding cannot move the cut.
    const sinceSeconds = Math.round((Date.now() - at(all[20])) / 1000) + 5;
    const recent = (await logs(`${name}-0`, { sinceSeconds })).trim().split('\n');
    expect(recent).toEqual(all.slice(20));
  });

  it('downloads the StatefulSet as YAML; that YAML, renamed, creates the same StatefulSet (Edit Mode)', async () => {
    const yaml = await download();
    expect(yaml).toContain('kind: StatefulSet');
    expect(yaml).toContain(`name: ${name}`);
    expect(yaml).not.toContain('managedFields');

    const copy = `${name}-copy`;
    const doc = parse(yaml) as V1StatefulSet;
    doc.metadata = { ...doc.metadata, name: copy };
    doc.spec!.serviceName = copy;
    doc.spec!.selector = { matchLabels: { app: copy } };
    doc.spec!.template.metadata = { ...doc.spec!.template.metadata, labels: { app: copy } };
    expect((await api().createYaml(stringify(doc))).ok).toBe(true);
    const [original, recreated] = await Promise.all([api().get(name), api().get(copy)]);
    expect({ ...recreated.body.form, name, serviceName: name }).toEqual(original.body.form);
    expect(await kube.find(SERVICES.ref(w.project, copy))).not.toBeNull();
  });

  it('the pod list is what the cluster holds', async () => {
    const pods = await podsOf(kube, w.project, name);
    const sts = await statefulSetIn(kube, w.project, name);
    expect(pods.every((p) => p.metadata?.ownerReferences?.[0].uid === sts.metadata?.uid)).toBe(true);
  });
});
