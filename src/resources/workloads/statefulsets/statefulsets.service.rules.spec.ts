import { ErrorCode } from '../../../common/errors/error-code';
import { SERVICES, STATEFUL_SETS, type V1Service, type V1StatefulSet } from '../../../kube';
import type { FakeKube } from '../../../../test/support/fake-kube';
import { fakeKube } from '../../../../test/support/fake-kube';
import { newTestService, projectAccess, projectNamespace } from '../../../../test/support/factories';
import type { StatefulSetForm } from './statefulset-form.model';
import { StatefulSetsService } from './statefulsets.service';

/**
 * StatefulSetsService's rules that need no controller, against the in-memory cluster: a create
 * leaves the StatefulSet and its Service or neither; an edit through the form keeps what the form
 * does not own, and never overwrites a newer version.
 */
describe('StatefulSetsService', () => {
  let kube: FakeKube;
  let statefulSets: StatefulSetsService;
  const access = projectAccess();
  const form = (image = 'nginx:1.27'): StatefulSetForm => ({
    name: 'web',
    replicas: 1,
    containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 80 }] }],
  });
  const stored = () => ({
    statefulSet: kube.stored(STATEFUL_SETS.ref('demo', 'web')),
    service: kube.stored(SERVICES.ref('demo', 'web')),
  });

  beforeEach(() => {
    kube = fakeKube({ objects: [projectNamespace('demo')] });
    statefulSets = newTestService(StatefulSetsService, { kube }).sut;
  });

  describe('create is all or nothing', () => {
    it('checks the StatefulSet with a dry run while making the Service, then makes it, as the user', async () => {
      await statefulSets.create(access, form(), false);
      expect(stored().statefulSet?.spec?.serviceName).toBe('web');
      expect(stored().service?.spec?.clusterIP).toBe('None');
      expect(kube.writes().slice(-2)).toEqual(['create Service demo/web', 'create StatefulSet demo/web']);
      expect(new Set(kube.calls.filter((c) => c.verb === 'create').map((c) => c.user))).toEqual(
        new Set(['berth:alice']),
      );
    });

    it("when the StatefulSet's dry run is refused, the Service made alongside goes again; its error answers", async () => {
      kube.failOn({ verb: 'create', kind: 'StatefulSet', dryRun: true }, 422);
      await expect(statefulSets.create(access, form(), false)).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
      });
      expect(stored()).toEqual({ statefulSet: undefined, service: undefined });
      expect(kube.writes()).toEqual([
        'dry-run create StatefulSet demo/web',
        'create Service demo/web',
        'delete Service demo/web',
      ]);
      expect(kube.writes()).not.toContain('create StatefulSet demo/web');
    });

    it('when the StatefulSet is refused after its dry run, the Service it made goes again', async () => {
      kube.failOn({ verb: 'create', kind: 'StatefulSet', dryRun: false }, 422);
      await expect(statefulSets.create(access, form(), false)).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
      });
      expect(stored()).toEqual({ statefulSet: undefined, service: undefined });
    });

    it('when the Service is refused, no StatefulSet is made', async () => {
      kube.failOn({ verb: 'create', kind: 'Service', dryRun: false }, 500);
      await expect(statefulSets.create(access, form(), false)).rejects.toMatchObject({
        code: ErrorCode.UNAVAILABLE,
      });
      expect(stored()).toEqual({ statefulSet: undefined, service: undefined });
      expect(kube.writes()).not.toContain('create StatefulSet demo/web');
    });

    it('a Service name already taken fails the whole create, naming it; that Service is left alone', async () => {
      const taken: V1Service = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'demo' },
      };
      kube.seed(taken);
      const before = stored().service;
      await expect(statefulSets.create(access, form(), false)).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        message: 'service "web" already exists',
      });
      expect(stored()).toEqual({ statefulSet: undefined, service: before });
    });

    it('a dry run answers both objects and writes nothing', async () => {
      const revision = kube.cluster.revision;
      const change = await statefulSets.create(access, form(), true);
      expect(change.objects.map((o) => o.kind)).toEqual(['StatefulSet', 'Service']);
      expect(stored()).toEqual({ statefulSet: undefined, service: undefined });
      expect(kube.cluster.revision).toBe(revision);
    });
  });

  describe('an edit through the form', () => {
    let created: V1StatefulSet;

    beforeEach(async () => {
      await statefulSets.create(access, form(), false);
      // What the form cannot show: set through YAML or kubectl, stamped by a redeploy, the controller's status.
      const current = stored().statefulSet!;
      const pod = current.spec!.template.spec!;
      kube.seed({
        ...current,
        spec: {
          ...current.spec!,
          template: {
            metadata: {
              ...current.spec!.template.metadata,
              annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' },
            },
            spec: {
              ...pod,
              terminationGracePeriodSeconds: 5,
              containers: pod.containers.map((c) => ({ ...c, terminationMessagePath: '/dev/custom-log' })),
              volumes: [
                { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
              ],
            },
          },
        },
        status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
      } as V1StatefulSet);
      created = stored().statefulSet!;
    });

    it('replaces what the form owns and keeps everything else', async () => {
      await statefulSets.update(access, 'web', form('nginx:1.28'), created.metadata!.resourceVersion!, false);
      const after = stored().statefulSet!;
      const pod = after.spec!.template.spec!;
      expect(pod.containers[0]).toMatchObject({
        image: 'nginx:1.28',
        terminationMessagePath: '/dev/custom-log',
      });
      expect(pod.terminationGracePeriodSeconds).toBe(5);
      expect(pod.volumes).toEqual([
        { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      ]);
      expect(after.spec!.template.metadata?.annotations).toEqual({
        'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z',
      });
      expect(after.metadata?.annotations?.['berth.io/creator']).toBe('alice');
      expect(after.status).toEqual({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
      expect(after.metadata?.generation).toBe(created.metadata!.generation! + 1);
    });

    it('from a stale resourceVersion is a CONFLICT, and the newer version stays', async () => {
      const stale = created.metadata!.resourceVersion!;
      await statefulSets.update(access, 'web', form('nginx:1.28'), stale, false);
      const newer = stored().statefulSet;
      await expect(
        statefulSets.update(access, 'web', form('nginx:1.29'), stale, false),
      ).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
      expect(stored().statefulSet).toEqual(newer);
    });

    it('refuses to change what Kubernetes keeps, naming the field, before writing anything', async () => {
      const writes = kube.writes().length;
      await expect(
        statefulSets.update(
          access,
          'web',
          { ...form(), podManagementPolicy: 'Parallel' },
          created.metadata!.resourceVersion!,
          false,
        ),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [
          { path: 'podManagementPolicy', message: 'cannot be changed after the StatefulSet is created' },
        ],
      });
      expect(kube.writes()).toHaveLength(writes);
      expect(stored().statefulSet).toEqual(created);
    });

    it('as a dry run answers the merged object and changes nothing', async () => {
      const change = await statefulSets.update(
        access,
        'web',
        form('nginx:1.28'),
        created.metadata!.resourceVersion!,
        true,
      );
      expect(change.objects[0].yaml).toContain('image: nginx:1.28');
      expect(change.objects[0].yaml).toContain('terminationMessagePath: /dev/custom-log');
      expect(stored().statefulSet).toEqual(created);
    });
  });
});
