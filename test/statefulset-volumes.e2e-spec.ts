import { PERSISTENT_VOLUME_CLAIMS } from '../src/kube';
import type { KubeClient } from '../src/kube';
import { configApi } from './support/config-api';
import { StatefulSetApi, statefulSetApi } from './support/statefulset-api';
import { eventually, TestApp } from './support/test-app';
import { podsOf, waitForReady, WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * The seed's Step 4 as project-regular: one StatefulSet mounting a volume of every kind — a claim
 * template, an existing claim, a temporary (emptyDir) and a host path volume, a ConfigMap with
 * chosen items, and a Secret — all made through Berth's API; its pods come up Running with the
 * mounts in their spec as asked.
 */
describe.each(['graphql', 'rest'] as const)(
  'a StatefulSet with every kind of volume, over %s',
  (transport) => {
    let t: TestApp;
    let kube: KubeClient;
    let w: WorkloadProject;
    let api: StatefulSetApi;
    const name = 'every-volume';

    beforeAll(async () => {
      t = await TestApp.start();
      kube = t.kube;
      w = await workloadProject(t, await t.token(), { podSecurity: 'privileged' });
      api = statefulSetApi(t, transport, w.project, w.regular.token);
      const config = configApi(t, transport, w.project, w.regular.token);
      const made = [
        await config.createConfigMap({
          name: 'site-config',
          data: [
            { key: 'nginx.conf', value: 'events {}\n' },
            { key: 'unused', value: 'not mounted' },
          ],
        }),
        await config.createSecret({
          name: 'site-tls',
          kind: 'OPAQUE',
          data: [{ key: 'tls.key', value: 'k' }],
        }),
      ];
      expect(made.map((m) => m.ok)).toEqual([true, true]);
      const claim = await t
        .as(w.regular.token)
        .post(`/api/v1/projects/${w.project}/volumes`)
        .send({ name: 'shared-data', accessModes: ['ReadWriteMany'], size: '1Gi' });
      expect(claim.status).toBe(201);
    });

    afterAll(async () => {
      await w.f.cleanUp();
      await t.close();
    });

    it('comes up Running with each mount in the pod spec as asked', async () => {
      const created = await api.create({
        name,
        replicas: 2,
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            volumeMounts: [
              { name: 'data', mountPath: '/var/lib/data' },
              { name: 'shared', mountPath: '/shared' },
              { name: 'scratch', mountPath: '/tmp/scratch' },
              { name: 'host-logs', mountPath: '/var/log/host', readOnly: true },
              { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true },
              { name: 'tls', mountPath: '/etc/tls', readOnly: true },
            ],
          },
        ],
        volumeClaimTemplates: [{ name: 'data', accessModes: ['ReadWriteOnce'], size: '2Gi' }],
        volumes: [
          { name: 'shared', type: 'persistentVolumeClaim', claimName: 'shared-data' },
          { name: 'scratch', type: 'emptyDir', medium: 'Memory', sizeLimit: '64Mi' },
          { name: 'host-logs', type: 'hostPath', path: '/var/log' },
          {
            name: 'config',
            type: 'configMap',
            sourceName: 'site-config',
            items: [{ key: 'nginx.conf', path: 'default.conf' }],
          },
          { name: 'tls', type: 'secret', sourceName: 'site-tls' },
        ],
      });
      expect(created).toMatchObject({ ok: true });
      await waitForReady(kube, w.project, name, 2);

      const pods = await podsOf(kube, w.project, name);
      expect(pods.map((p) => p.metadata?.name).sort()).toEqual([`${name}-0`, `${name}-1`]);
      for (const pod of pods) {
        expect(pod.status?.phase).toBe('Running');
        const ordinal = pod.metadata!.name!.split('-').pop();
        const volumes = Object.fromEntries((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
        expect(volumes.data).toMatchObject({
          persistentVolumeClaim: { claimName: `data-${name}-${ordinal}` },
        });
        expect(volumes.shared).toMatchObject({ persistentVolumeClaim: { claimName: 'shared-data' } });
        expect(volumes.scratch).toMatchObject({ emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } });
        expect(volumes['host-logs']).toMatchObject({ hostPath: { path: '/var/log' } });
        expect(volumes.config).toMatchObject({
          configMap: { name: 'site-config', items: [{ key: 'nginx.conf', path: 'default.conf' }] },
        });
        expect(volumes.tls).toMatchObject({ secret: { secretName: 'site-tls' } });
        const mounts = pod.spec?.containers[0]?.volumeMounts?.filter(
          (m) => !m.mountPath.startsWith('/var/run/'),
        );
        expect(mounts?.map((m) => [m.name, m.mountPath, m.readOnly ?? false])).toEqual([
          ['data', '/var/lib/data', false],
          ['shared', '/shared', false],
          ['scratch', '/tmp/scratch', false],
          ['host-logs', '/var/log/host', true],
          ['config', '/etc/nginx/conf.d', true],
          ['tls', '/etc/tls', true],
        ]);
      }
      // Each replica's template claim is Bound.
      for (const ordinal of [0, 1]) {
        await eventually(async () => {
          const pvc = await kube.get(PERSISTENT_VOLUME_CLAIMS.ref(w.project, `data-${name}-${ordinal}`));
          return pvc.status?.phase === 'Bound' ? pvc : undefined;
        });
      }
    });

    it('shows the ConfigMap and Secret as used by it, and refuses to delete the mounted claim, naming the pods', async () => {
      const config = configApi(t, transport, w.project, w.regular.token);
      expect((await config.configMap('site-config')).body.usedBy).toEqual([{ kind: 'StatefulSet', name }]);
      expect((await config.secret('site-tls')).body.usedBy).toEqual([{ kind: 'StatefulSet', name }]);
      const refused = await t.as(w.regular.token).delete(`/api/v1/projects/${w.project}/volumes/shared-data`);
      expect(refused.status).toBe(409);
      const message = (refused.body as { message: string }).message;
      expect(message).toContain(`${name}-0`);
      expect(message).toContain(`${name}-1`);
      const pvc = await kube.find(PERSISTENT_VOLUME_CLAIMS.ref(w.project, 'shared-data'));
      expect(pvc?.metadata?.deletionTimestamp).toBeUndefined();
    });
  },
);
