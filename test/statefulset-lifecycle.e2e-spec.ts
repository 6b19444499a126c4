import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, SERVICES, STATEFUL_SETS } from '../src/kube';
import { parse } from 'yaml';
import type { KubeClient, V1StatefulSet } from '../src/kube';
import { StatefulSetApi, statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import { podsOf, waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * Operating a StatefulSet, the same on both transports: scale, redeploy, edit, revisions, rollback,
 * diff, history limit, YAML round trip, optimistic concurrency, dry runs and deletion.
 */
describe.each(['graphql', 'rest'] as const)('StatefulSet lifecycle over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let api: StatefulSetApi;
  const name = `life-${transport}`;
  const ref = (n = name) => STATEFUL_SETS.ref(w.project, n);
  const form = (n = name) => ({
    name: n,
    replicas: 2,
    revisionHistoryLimit: 3,
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
    volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
  });
  const revisions = async () =>
    (
      await kube.list(CONTROLLER_REVISIONS, {
        namespace: w.project,
        labelSelector: `app=${name}`,
      })
    ).items.sort((a, b) => a.revision - b.revision);

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    api = statefulSetApi(t, transport, w.project, w.regular.token);
    expect((await api.create(form())).ok).toBe(true);
    await waitForReady(kube, w.project, name, 2);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  it('scales 2 -> 3 -> 1 through the scale subresource', async () => {
    expect((await api.scale(name, 3)).ok).toBe(true);
    await waitForReady(kube, w.project, name, 3);
    expect((await podsOf(kube, w.project, name)).map((p) => p.metadata?.name)).toEqual([
      `${name}-0`,
      `${name}-1`,
      `${name}-2`,
    ]);
    expect((await api.scale(name, 1)).ok).toBe(true);
    await waitForReady(kube, w.project, name, 1);
    await eventually(
      async () => ((await podsOf(kube, w.project, name)).length === 1 ? true : undefined),
      30_000,
      'scale-down',
    );
    const negative = await api.scale(name, -1);
    expect(negative.code).toBe('BAD_USER_INPUT');
  });

  it('redeploy stamps the pod template and makes a new revision', async () => {
    const before = await kube.get<V1StatefulSet>(ref());
    expect(
      before.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBeUndefined();
    const res = await api.redeploy(name);
    expect(res.ok).toBe(true);
    expect(res.body.message ?? null).toBeNull();
    const after = await waitForReady(kube, w.project, name, 1);
    expect(after.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
    expect((await revisions()).map((r) => r.revision)).toEqual([1, 2]);
  });

  it('an image change through the form makes another revision; the form round-trips', async () => {
    const detail = (await api.get(name)).body;
    const edited = {
      ...detail.form,
      containers: [{ ...(detail.form.containers as object[])[0], image: 'nginx:1.28' }],
    };
    const res = await api.update(name, edited, detail.resourceVersion);
    expect(res.ok).toBe(true);
    const sts = await waitForReady(kube, w.project, name, 1);
    expect(sts.spec?.template.spec?.containers[0].image).toBe('nginx:1.28');
    // What the form does not own survives the edit.
    expect(sts.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
    expect((await revisions()).map((r) => r.revision)).toEqual([1, 2, 3]);
    expect((await api.get(name)).body.form).toEqual(edited);
  });

  it('the diff between two revisions shows the image change, field by field and as unified YAML', async () => {
    const res = await api.diff(name, 2, 3);
    expect(res.body.changes).toContainEqual({
      path: 'template.spec.containers[0].image',
      from: 'nginx:1.27',
      to: 'nginx:1.28',
    });
    expect(res.body.unified).toMatch(/^-\s+- image: nginx:1\.27$/m);
    expect(res.body.unified).toMatch(/^\+\s+- image: nginx:1\.28$/m);
    expect((await api.diff(name, 1, 99)).code).toBe('NOT_FOUND');
  });

  it('rolls back to revision 1: its image returns under a new revision number', async () => {
    expect((await api.rollback(name, 1)).ok).toBe(true);
    const sts = await waitForReady(kube, w.project, name, 1);
    expect(sts.spec?.template.spec?.containers[0].image).toBe('nginx:1.27');
    const after = await revisions();
    const current = after.find((r) => r.metadata?.name === sts.status?.currentRevision);
    expect(current?.revision).toBe(4);
    expect(after.map((r) => r.revision)).not.toContain(1);
    expect((await api.rollback(name, 42)).code).toBe('NOT_FOUND');
  });

  it('keeps no more old revisions than the history limit', async () => {
    for (const image of ['nginx:1.29', 'nginx:1.30']) {
      const detail = (await api.get(name)).body;
      const edited = { ...detail.form, containers: [{ ...(detail.form.containers as object[])[0], image }] };
      expect((await api.update(name, edited, detail.resourceVersion)).ok).toBe(true);
      await waitForReady(kube, w.project, name, 1);
    }
    // revisionHistoryLimit 3: three old revisions besides the current one.
    await eventually(
      async () => ((await revisions()).length === 4 ? true : undefined),
      30_000,
      'revision pruning',
    );
  });

  it('lists the revisions it owns newest first, each with its images and template', async () => {
    const res = await api.revisions(name);
    expect(res.ok).toBe(true);
    const owned = await revisions();
    expect(res.body.map((r) => r.revision)).toEqual(owned.map((r) => r.revision).reverse());
    const sts = await kube.get<V1StatefulSet>(ref());
    const current = res.body.find((r) => r.current);
    expect(current?.name).toBe(sts.status?.currentRevision);
    expect(res.body.filter((r) => r.current)).toHaveLength(1);
    expect(current?.images).toEqual([sts.spec?.template.spec?.containers[0].image]);
    expect(current?.template).toContain(`image: ${sts.spec?.template.spec?.containers[0].image}`);
    expect(res.body.every((r) => !Number.isNaN(Date.parse(r.createdAt)))).toBe(true);
  });

  it('Edit Service changes the headless Service ports, checked against the container ports', async () => {
    const service = () => kube.get(SERVICES.ref(w.project, name));
    const ports = [{ name: 'web', port: 8080, targetPort: 80 }];
    const dry = await api.updateService(name, ports, true);
    expect(dry.ok && dry.body.dryRun).toBe(true);
    expect((await service()).spec?.ports?.map((p) => p.port)).toEqual([80]);

    expect((await api.updateService(name, ports)).ok).toBe(true);
    const after = await service();
    expect(after.spec?.ports).toEqual([{ name: 'web', protocol: 'TCP', port: 8080, targetPort: 80 }]);
    expect(after.spec?.clusterIP).toBe('None');

    const unknown = await api.updateService(name, [{ name: 'web', port: 8080, targetPort: 9999 }]);
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.fields?.map((f) => f.path)).toEqual(['ports[0].targetPort']);
  });

  it('two edits with the same resourceVersion: one wins, the other gets CONFLICT', async () => {
    const detail = (await api.get(name)).body;
    const edit = (image: string) =>
      api.update(
        name,
        { ...detail.form, containers: [{ ...(detail.form.containers as object[])[0], image }] },
        detail.resourceVersion,
      );
    const results = await Promise.all([edit('redis:7.0'), edit('redis:7.2')]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)?.code).toBe('CONFLICT');
    await waitForReady(kube, w.project, name, 1);
  });

  it('refuses changes Kubernetes forbids, naming the field', async () => {
    const detail = (await api.get(name)).body;
    for (const [change, field] of [
      [
        { volumeClaimTemplates: [{ name: 'data', size: '5Gi', accessModes: ['ReadWriteOnce'] }] },
        'volumeClaimTemplates',
      ],
      [{ podManagementPolicy: 'Parallel' }, 'podManagementPolicy'],
      [{ serviceName: 'elsewhere' }, 'serviceName'],
      [{ name: 'renamed' }, 'name'],
    ] as const) {
      const res = await api.update(name, { ...detail.form, ...change }, detail.resourceVersion);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.fields?.map((f) => f.path)).toContain(field);
      expect(res.fields?.find((f) => f.path === field)?.message).toMatch(/cannot be changed/);
    }
  });

  it('the YAML download round-trips: recreated from it, the same objects come back', async () => {
    const yaml = (await api.get(name)).body.yaml;
    const before = await kube.get<V1StatefulSet>(ref());
    const service = await kube.get(SERVICES.ref(w.project, name));
    expect((await api.delete(name)).ok).toBe(true);
    await eventually(async () => ((await kube.find(ref())) ? undefined : true), 30_000, 'deletion');

    expect((await api.createYaml(yaml)).ok).toBe(true);
    const after = await kube.get<V1StatefulSet>(ref());
    expect(after.metadata?.uid).not.toBe(before.metadata?.uid);
    expect(JSON.parse(JSON.stringify(after.spec))).toEqual(JSON.parse(JSON.stringify(before.spec)));
    expect(after.metadata?.labels).toEqual(before.metadata?.labels);
    // No Service was in the download: a headless one like before was made for it.
    const recreated = await kube.get(SERVICES.ref(w.project, name));
    expect(recreated.spec?.ports).toEqual(service.spec?.ports);
    expect(recreated.spec?.clusterIP).toBe('None');
    await waitForReady(kube, w.project, name, 1);
  });

  it('Edit YAML replaces the StatefulSet, guarded by its resourceVersion', async () => {
    const detail = (await api.get(name)).body;
    const doc = parse(detail.yaml) as { spec: { replicas: number }; metadata: { resourceVersion: string } };
    doc.spec.replicas = 2;
    const { stringify } = await import('yaml');
    expect((await api.replaceYaml(name, stringify(doc))).ok).toBe(true);
    expect((await kube.get<V1StatefulSet>(ref())).spec?.replicas).toBe(2);
    const stale = await api.replaceYaml(name, stringify(doc));
    expect(stale.code).toBe('CONFLICT');
    await waitForReady(kube, w.project, name, 2);
  });

  it('a dry run answers the objects the API server validated, and writes nothing', async () => {
    const res = await api.create(form(`${name}-dry`), true);
    expect(res.ok).toBe(true);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.objects.map((o) => o.kind)).toEqual(['StatefulSet', 'Service']);
    expect(res.body.objects[0].yaml).toContain('image: nginx:1.27');
    expect(await kube.find(ref(`${name}-dry`))).toBeNull();
    expect(await kube.find(SERVICES.ref(w.project, `${name}-dry`))).toBeNull();
  });

  it('every change accepts a dry run: the API server validates it, nothing is written', async () => {
    const claimNames = async () =>
      (await kube.list(PERSISTENT_VOLUME_CLAIMS, { namespace: w.project })).items
        .map((c) => c.metadata?.name ?? '')
        .filter((c) => c.startsWith(`data-${name}-`))
        .sort();
    const before = await kube.get<V1StatefulSet>(ref());
    const claimsBefore = await claimNames();
    const detail = (await api.get(name)).body;
    const edited = {
      ...detail.form,
      containers: [{ ...(detail.form.containers as object[])[0], image: 'nginx:1.31' }],
    };
    const yaml = detail.yaml.replace(/image: \S+/, 'image: nginx:1.31');
    const oldest = (await revisions())[0].revision;
    const changes = {
      update: await api.update(name, edited, detail.resourceVersion, true),
      replaceYaml: await api.replaceYaml(name, yaml, detail.resourceVersion, true),
      scale: await api.scale(name, 4, true),
      redeploy: await api.redeploy(name, true),
      rollback: await api.rollback(name, oldest, true),
      delete: await api.delete(name, { deleteVolumes: true, dryRun: true }),
    };
    // Edit Mode's create from YAML, dry: nothing of that name appears.
    const copy = `${name}-yaml-dry`;
    const fromYaml = await api.createYaml(
      `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${copy} }
spec:
  selector: { matchLabels: { app: ${copy} } }
  serviceName: ${copy}
  template:
    metadata: { labels: { app: ${copy} } }
    spec: { containers: [{ name: web, image: nginx:1.27, ports: [{ containerPort: 80 }] }] }
`,
      true,
    );
    expect(fromYaml.ok && fromYaml.body.dryRun).toBe(true);
    expect(fromYaml.body.objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      `StatefulSet/${copy}`,
      `Service/${copy}`,
    ]);
    expect(await kube.find(ref(copy))).toBeNull();
    expect(await kube.find(SERVICES.ref(w.project, copy))).toBeNull();
    for (const [mutation, res] of Object.entries(changes)) {
      expect({ mutation, ok: res.ok, code: res.code, dryRun: res.body?.dryRun }).toEqual({
        mutation,
        ok: true,
        code: undefined,
        dryRun: true,
      });
      expect(res.body.objects.find((o) => o.kind === 'StatefulSet')?.name).toBe(name);
    }
    expect(changes.update.body.objects[0].yaml).toContain('image: nginx:1.31');
    expect(changes.scale.body.objects[0].yaml).toMatch(/^ {2}replicas: 4$/m);
    expect(changes.delete.body.objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(
      [
        `StatefulSet/${name}`,
        `Service/${name}`,
        ...claimsBefore.map((c) => `PersistentVolumeClaim/${c}`),
      ].sort(),
    );
    // The API server still validates a dry run: an invalid one is refused like the real thing.
    expect((await api.scale(name, -1, true)).code).toBe('BAD_USER_INPUT');

    const after = await kube.get<V1StatefulSet>(ref());
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
    expect(after.metadata?.deletionTimestamp).toBeUndefined();
    expect(await kube.find(SERVICES.ref(w.project, name))).not.toBeNull();
    expect(await claimNames()).toEqual(claimsBefore);
  });

  it('deletes the Service with the StatefulSet but keeps the claims unless asked', async () => {
    const claims = async (n: string) =>
      (await kube.list(PERSISTENT_VOLUME_CLAIMS, { namespace: w.project })).items
        .map((c) => c.metadata?.name ?? '')
        .filter((c) => c.startsWith(`data-${n}-`));
    const res = await api.delete(name);
    expect(res.body.objects.map((o) => o.kind)).toEqual(['StatefulSet', 'Service']);
    await eventually(async () => ((await kube.find(ref())) ? undefined : true), 30_000, 'deletion');
    expect(await kube.find(SERVICES.ref(w.project, name))).toBeNull();
    expect((await claims(name)).length).toBeGreaterThan(0);

    const other = `${name}-vol`;
    expect((await api.create(form(other))).ok).toBe(true);
    await waitForReady(kube, w.project, other, 2);
    const removed = await api.delete(other, { deleteVolumes: true, deleteService: false });
    expect(removed.body.objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(
      [
        `PersistentVolumeClaim/data-${other}-0`,
        `PersistentVolumeClaim/data-${other}-1`,
        `StatefulSet/${other}`,
      ].sort(),
    );
    await eventually(
      async () => ((await claims(other)).length === 0 ? true : undefined),
      30_000,
      'claims to go',
    );
    expect(await kube.find(SERVICES.ref(w.project, other))).not.toBeNull();
  });
});
