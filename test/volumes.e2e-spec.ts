import { PERSISTENT_VOLUMES, PERSISTENT_VOLUME_CLAIMS, STORAGE_CLASSES } from '../src/kube';
import type { KubeClient, V1PersistentVolume, V1StorageClass } from '../src/kube';
import { statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp, uniqueName } from './support/test-app';
import { volumeApi, VolumeApi } from './support/volume-api';
import { projectMember, waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * Storage classes and a project's volumes on both transports, as project-regular, checked against
 * what the cluster holds. In the local cluster, claims of `kwok-volume` are provisioned and Bound at
 * once (kwok's volume stages); claims of any other class stay Pending (nothing provisions them).
 */
describe.each(['graphql', 'rest'] as const)('volumes over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let api: VolumeApi;
  let viewer: VolumeApi;
  let stranger: VolumeApi;
  /** A class like kwok-volume that does not allow expansion (created for this run). */
  let fixedClass: string;

  const claim = (name: string) => kube.find(PERSISTENT_VOLUME_CLAIMS.ref(w.project, name));
  const bound = (name: string) =>
    eventually(
      async () => {
        const c = await claim(name);
        return c?.status?.phase === 'Bound' ? c : undefined;
      },
      30_000,
      `${name} to be Bound`,
    );
  const ok = <T>(result: { ok: boolean; code?: string; message?: string; body: T }): T => {
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.body;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    const adminToken = await t.token();
    w = await workloadProject(t, adminToken);
    api = volumeApi(t, transport, w.project, w.regular.token);
    viewer = volumeApi(t, transport, w.project, (await projectMember(t, w, 'project-viewer')).token);
    const outsider = await w.f.user();
    stranger = volumeApi(t, transport, w.project, await w.f.signIn(outsider.username));

    const kwok = await kube.get(STORAGE_CLASSES.ref('kwok-volume'));
    fixedClass = uniqueName('fixed');
    await kube.create<V1StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: fixedClass },
      provisioner: kwok.provisioner,
      reclaimPolicy: 'Delete',
      volumeBindingMode: kwok.volumeBindingMode,
      allowVolumeExpansion: false,
    });
  });

  afterAll(async () => {
    await kube.delete(STORAGE_CLASSES.ref(fixedClass)).catch(() => undefined);
    await w.f.cleanUp();
    await t.close();
  });

  it('lists the storage classes: kwok-volume is the default and allows expansion', async () => {
    const classes = ok(await api.storageClasses());
    expect(classes.find((c) => c.name === 'kwok-volume')).toMatchObject({
      provisioner: 'kwok.x-k8s.io/volume',
      default: true,
      allowsExpansion: true,
      reclaimPolicy: 'Delete',
      bindingMode: 'Immediate',
    });
    expect(classes.find((c) => c.name === fixedClass)).toMatchObject({
      default: false,
      allowsExpansion: false,
    });
    // Exactly what the cluster holds, by name.
    const real = await kube.list(STORAGE_CLASSES);
    expect(classes.map((c) => c.name)).toEqual(real.items.map((c) => c.metadata?.name).sort());
    // Any signed-in user may list them, even one in no project.
    expect(ok(await stranger.storageClasses()).map((c) => c.name)).toContain('kwok-volume');
  });

  it('creates a volume in the default class; it becomes Bound with its capacity', async () => {
    const dry = ok(await api.create({ name: 'notes', accessModes: ['ReadWriteOnce'], size: '1Gi' }, true));
    expect(dry).toMatchObject({ dryRun: true, objects: [{ kind: 'PersistentVolumeClaim', name: 'notes' }] });
    expect(await claim('notes')).toBeNull();

    const created = ok(
      await api.create({
        name: 'notes',
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
        labels: [{ key: 'tier', value: 'db' }],
      }),
    );
    expect(created).toMatchObject({
      dryRun: false,
      volume: { name: 'notes', storageClass: 'kwok-volume', requestedSize: '1Gi', volumeMode: 'Filesystem' },
    });
    const real = await bound('notes');
    expect(real.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'kwok-volume',
      volumeMode: 'Filesystem',
    });
    expect(real.metadata?.labels).toEqual({ tier: 'db' });
    expect(real.metadata?.annotations?.['berth.io/creator']).toBe(w.regular.username);

    const detail = ok(await api.get('notes'));
    expect(detail).toMatchObject({
      name: 'notes',
      project: w.project,
      status: { phase: 'Bound', terminating: false },
      requestedSize: '1Gi',
      capacity: real.status?.capacity?.storage,
      accessModes: ['ReadWriteOnce'],
      volumeName: real.spec?.volumeName,
      mountedBy: [],
      labels: [{ key: 'tier', value: 'db' }],
      creator: w.regular.username,
    });
    expect(detail.capacity).toBe('1Gi');
    expect(detail.origin).toBeUndefined();
    expect(detail.yaml).toContain('kind: PersistentVolumeClaim');
  });

  it('lists with filters, sorts and pages', async () => {
    for (const [name, size] of [
      ['list-b', '2Gi'],
      ['list-a', '3Gi'],
      ['list-c', '1Gi'],
    ])
      ok(
        await api.create({
          name,
          accessModes: ['ReadWriteOnce'],
          size,
          labels: [{ key: 'group', value: 'list' }],
        }),
      );
    ok(
      await api.create({
        name: 'list-waiting',
        storageClass: fixedClass,
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
      }),
    );
    await Promise.all(['list-a', 'list-b', 'list-c'].map(bound));

    expect(ok(await api.list({ name: 'LIST-' })).names).toEqual([
      'list-a',
      'list-b',
      'list-c',
      'list-waiting',
    ]);
    expect(
      ok(await api.list({ labelSelector: 'group=list', sort: 'CAPACITY', descending: true })).names,
    ).toEqual(['list-a', 'list-b', 'list-c']);
    expect(ok(await api.list({ name: 'list-', sort: 'NAME', descending: true })).names).toEqual([
      'list-waiting',
      'list-c',
      'list-b',
      'list-a',
    ]);
    const byTime = ok(await api.list({ name: 'list-', sort: 'CREATED_AT' })).nodes;
    const times = byTime.map((v) => new Date(v.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The claim nothing provisions is Pending, with the event that says why.
    const pending = ok(await api.list({ status: 'Pending' }));
    expect(pending.names).toEqual(['list-waiting']);
    const waiting = await eventually(async () => {
      const v = ok(await api.get('list-waiting'));
      return v.events.length ? v : undefined;
    });
    expect(waiting.status.phase).toBe('Pending');
    expect(waiting.status.reason).toMatch(/^ExternalProvisioning: .*kwok\.x-k8s\.io\/volume/);
    expect(ok(await api.list({ storageClass: fixedClass })).names).toEqual(['list-waiting']);
    expect(ok(await api.list({ status: 'Bound', name: 'list-' })).names).toEqual([
      'list-a',
      'list-b',
      'list-c',
    ]);

    // Pages of two, following the cursor, see each volume once.
    const first = ok(await api.list({ name: 'list-', first: 2 }));
    expect(first).toMatchObject({ totalCount: 4, names: ['list-a', 'list-b'], hasNextPage: true });
    const second = ok(await api.list({ name: 'list-', first: 2, after: first.endCursor }));
    expect(second).toMatchObject({ totalCount: 4, names: ['list-c', 'list-waiting'], hasNextPage: false });
    const bad = await api.list({ after: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('shows the pods that mount a volume and the StatefulSet template that made one', async () => {
    ok(await api.create({ name: 'shared', accessModes: ['ReadWriteMany'], size: '1Gi' }));
    const sts = statefulSetApi(t, transport, w.project, w.regular.token);
    const created = await sts.create({
      name: 'web',
      replicas: 1,
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'shared', mountPath: '/shared' },
          ],
        },
      ],
      volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
      volumes: [{ name: 'shared', type: 'persistentVolumeClaim', claimName: 'shared' }],
    });
    expect(created).toMatchObject({ ok: true });
    await waitForReady(kube, w.project, 'web', 1);

    const templated = ok(await api.get('data-web-0'));
    expect(templated).toMatchObject({
      status: { phase: 'Bound' },
      origin: { statefulSet: 'web', template: 'data', ordinal: 0 },
      mountedBy: [{ name: 'web-0', phase: 'Running' }],
    });
    const shared = ok(await api.get('shared'));
    expect(shared.mountedBy).toEqual([{ name: 'web-0', phase: 'Running' }]);
    expect(shared.origin).toBeUndefined();
    // A claim named like a template's that no StatefulSet made has no origin.
    ok(await api.create({ name: 'data-api-0', accessModes: ['ReadWriteOnce'], size: '1Gi' }));
    expect(ok(await api.get('data-api-0')).origin).toBeUndefined();
  });

  it('refuses to delete a mounted volume (naming the pod) unless forced', async () => {
    const refused = await api.delete('shared');
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(refused.message).toContain('web-0');
    const kept = await claim('shared');
    expect(kept?.metadata?.deletionTimestamp).toBeUndefined();

    const dry = ok(await api.delete('shared', { force: true, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, volume: { name: 'shared' } });
    expect((await claim('shared'))?.metadata?.deletionTimestamp).toBeUndefined();

    const forced = ok(await api.delete('shared', { force: true }));
    expect(forced).toMatchObject({
      dryRun: false,
      volume: { name: 'shared', mountedBy: [{ name: 'web-0' }] },
      objects: [{ kind: 'PersistentVolumeClaim', name: 'shared' }],
    });
    expect(forced.message).toContain('web-0');
    // Kubernetes' pvc-protection keeps it (Terminating) while the pod runs, then removes it.
    const after = await claim('shared');
    expect(after?.metadata?.deletionTimestamp).toBeDefined();
    // (kwok's stages release and delete the volume at once, so the claim may also turn Lost meanwhile;
    // on a real cluster it stays Bound until the pod is gone.)
    expect(ok(await api.get('shared')).status.terminating).toBe(true);
    const sts = statefulSetApi(t, transport, w.project, w.regular.token);
    expect(await sts.delete('web')).toMatchObject({ ok: true });
    await eventually(
      async () => ((await claim('shared')) === null ? true : undefined),
      60_000,
      'shared to go',
    );
    // The template's claim outlives its StatefulSet (kept unless asked for), now without an origin.
    expect(ok(await api.get('data-web-0')).origin).toBeUndefined();
  });

  it('deletes a volume no pod mounts', async () => {
    const dry = ok(await api.delete('list-c', { dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, volume: { name: 'list-c' } });
    expect(await claim('list-c')).not.toBeNull();

    const deleted = ok(await api.delete('list-c'));
    expect(deleted).toMatchObject({ dryRun: false, volume: { name: 'list-c', requestedSize: '1Gi' } });
    await eventually(
      async () => ((await claim('list-c')) === null ? true : undefined),
      30_000,
      'list-c to go',
    );
    expect(await api.get('list-c')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('expands a volume of an expandable class; never shrinks it', async () => {
    const dry = ok(await api.expand('list-b', '4Gi', true));
    expect(dry.dryRun).toBe(true);
    expect((await claim('list-b'))?.spec?.resources?.requests?.storage).toBe('2Gi');

    const expanded = ok(await api.expand('list-b', '4Gi'));
    expect(expanded).toMatchObject({ dryRun: false, volume: { name: 'list-b', requestedSize: '4Gi' } });
    expect((await claim('list-b'))?.spec?.resources?.requests?.storage).toBe('4Gi');
    // Nothing in the local cluster resizes volumes, so the capacity stays until a provider would act.
    const detail = ok(await api.get('list-b'));
    expect(detail.requestedSize).toBe('4Gi');
    expect(detail.status.reason).toBe(`Expanding from ${detail.capacity} to 4Gi`);

    for (const size of ['3Gi', '4Gi', '4096Mi']) {
      const refused = await api.expand('list-b', size);
      expect(refused).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
      expect(refused.fields?.map((f) => f.path)).toEqual(['size']);
    }
    expect((await claim('list-b'))?.spec?.resources?.requests?.storage).toBe('4Gi');
  });

  it('refuses to expand a volume whose class does not allow it, naming the class', async () => {
    const refused = await api.expand('list-waiting', '2Gi');
    expect(refused).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(refused.fields?.map((f) => f.path)).toEqual(['size']);
    expect(refused.message).toContain(`"${fixedClass}" does not allow volume expansion`);
    expect((await claim('list-waiting'))?.spec?.resources?.requests?.storage).toBe('1Gi');
  });

  it.each([
    ['size', { name: 'bad-size', accessModes: ['ReadWriteOnce'], size: 'lots' }],
    ['size', { name: 'zero-size', accessModes: ['ReadWriteOnce'], size: '0' }],
    ['name', { name: 'Bad_Name', accessModes: ['ReadWriteOnce'], size: '1Gi' }],
    ['accessModes', { name: 'no-modes', accessModes: [], size: '1Gi' }],
    ['accessModes', { name: 'odd-mode', accessModes: ['ReadWriteSometimes'], size: '1Gi' }],
    [
      'volumeMode',
      { name: 'odd-volume-mode', accessModes: ['ReadWriteOnce'], size: '1Gi', volumeMode: 'Raw' },
    ],
    ['storageClass', { name: 'no-class', accessModes: ['ReadWriteOnce'], size: '1Gi', storageClass: 'nope' }],
    [
      'labels[0].key',
      {
        name: 'bad-label',
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
        labels: [{ key: 'a b', value: 'x' }],
      },
    ],
  ])('refuses bad input: %s', async (field, input) => {
    const res = await api.create(input);
    expect(res).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    // A list item's own path where the transport knows it (GraphQL: accessModes[0]).
    expect(res.fields?.some((f) => f.path === field || f.path.startsWith(`${field}[`))).toBe(true);
    expect(await claim(input.name)).toBeNull();
  });

  it('refuses a size that is not a quantity when expanding', async () => {
    const res = await api.expand('notes', 'bigger');
    expect(res).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(res.fields?.map((f) => f.path)).toEqual(['size']);
  });

  it('lets project-viewer read but not change; a non-member does not see the project', async () => {
    expect(ok(await viewer.list({ name: 'notes' })).names).toEqual(['notes']);
    expect(ok(await viewer.get('notes')).name).toBe('notes');
    const input = { name: 'from-viewer', accessModes: ['ReadWriteOnce'], size: '1Gi' };
    expect(await viewer.create(input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await viewer.expand('notes', '5Gi')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await viewer.delete('notes')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await claim('from-viewer')).toBeNull();
    expect((await claim('notes'))?.spec?.resources?.requests?.storage).toBe('1Gi');

    expect(await stranger.list()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await stranger.get('notes')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await stranger.create(input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
  it('a volume whose PersistentVolume was deleted behind its back is Lost, and says so', async () => {
    // A volume kwok has no part in: a class with no provisioner and a PersistentVolume made ahead for
    // the claim, which Kubernetes' own volume controller binds (kwok's stages re-provisioning a
    // kwok-volume claim could otherwise bring the volume back).
    const staticClass = uniqueName('static');
    const volumeName = uniqueName('pv-orphan');
    const pv = PERSISTENT_VOLUMES.ref(volumeName);
    await kube.create<V1StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: staticClass },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'Immediate',
    });
    try {
      await kube.create<V1PersistentVolume>({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: volumeName },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          storageClassName: staticClass,
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: w.project, name: 'orphan' },
          hostPath: { path: `/tmp/${volumeName}` },
        },
      });
      ok(
        await api.create({
          name: 'orphan',
          storageClass: staticClass,
          accessModes: ['ReadWriteOnce'],
          size: '1Gi',
        }),
      );
      expect((await bound('orphan')).spec?.volumeName).toBe(volumeName);
      // What an administrator's forced delete does: the volume goes, protection finalizer and all.
      await kube.delete(pv);
      await kube
        .modify<V1PersistentVolume>(pv, (current) => ({
          ...current,
          metadata: { ...current.metadata, finalizers: [] },
        }))
        .catch(() => undefined);
      const lost = await eventually(
        async () => {
          const detail = ok(await api.get('orphan'));
          return detail.status.phase === 'Lost' ? detail : undefined;
        },
        60_000,
        'orphan to be Lost',
      );
      expect(lost.status.reason).toBe(
        `Its volume "${volumeName}" is gone: the PersistentVolume was deleted, and with it possibly the data`,
      );
      expect((await claim('orphan'))?.status?.phase).toBe('Lost');
      expect(ok(await api.list({ status: 'Lost' })).names).toEqual(['orphan']);
    } finally {
      await kube.delete(STORAGE_CLASSES.ref(staticClass)).catch(() => undefined);
    }
  });
});
