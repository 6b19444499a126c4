import { ErrorCode } from '../../common/errors/error-code';
import { PERSISTENT_VOLUME_CLAIMS, type V1PersistentVolumeClaim, type V1Pod } from '../../kube';
import type { FakeKube } from '../../../test/support/fake-kube';
import { fakeKube } from '../../../test/support/fake-kube';
import { newTestService, projectAccess, projectNamespace } from '../../../test/support/factories';
import { VolumesService } from './volumes.service';

/** A volume mounted by running pods is not deleted unless forced (they would lose their storage). */
describe('VolumesService.delete', () => {
  let kube: FakeKube;
  let volumes: VolumesService;
  const access = projectAccess();
  const claim = (name: string): V1PersistentVolumeClaim => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    // What the API server's StorageObjectInUseProtection admission adds to every claim.
    metadata: { name, namespace: 'demo', finalizers: ['kubernetes.io/pvc-protection'] },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '1Gi' } },
  });
  const pod = (name: string, claimName: string, phase: string): V1Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'demo' },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
    status: { phase },
  });
  const held = (name: string) => kube.stored(PERSISTENT_VOLUME_CLAIMS.ref('demo', name));

  beforeEach(() => {
    kube = fakeKube({
      objects: [
        projectNamespace('demo'),
        claim('shared'),
        claim('finished'),
        pod('web-0', 'shared', 'Running'),
        pod('job-0', 'finished', 'Succeeded'),
      ],
    });
    volumes = newTestService(VolumesService, { kube }).sut;
  });

  it('refuses while a running pod mounts it, naming the pod; the claim is untouched', async () => {
    const before = held('shared');
    await expect(volumes.delete(access, 'shared', false, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'Volume "shared" is mounted by pod web-0; stop them first, or delete with force',
    });
    expect(held('shared')).toEqual(before);
    expect(kube.writes()).toEqual([]);
  });

  it('forced, a dry run deletes nothing; the real one leaves the claim to Kubernetes, Terminating', async () => {
    const dry = await volumes.delete(access, 'shared', true, true);
    expect(dry).toMatchObject({ dryRun: true, volume: { name: 'shared', mountedBy: [{ name: 'web-0' }] } });
    expect(held('shared')?.metadata?.deletionTimestamp).toBeUndefined();
    const forced = await volumes.delete(access, 'shared', true, false);
    expect(forced.message).toBe('Kubernetes keeps the volume until pod web-0 no longer use it.');
    expect(held('shared')?.metadata?.deletionTimestamp).toBeDefined();
    expect(kube.calls.filter((c) => c.verb === 'delete').map((c) => c.user)).toEqual([
      'berth:alice',
      'berth:alice',
    ]);
  });

  it('a claim that only finished pods mounted goes without force', async () => {
    await expect(volumes.delete(access, 'finished', false, false)).resolves.toMatchObject({ message: null });
    expect(held('finished')?.metadata?.deletionTimestamp).toBeDefined();
  });

  it('deletes only the claim it checked: one made again meanwhile under the name stays', async () => {
    const checked = held('finished')?.metadata?.uid;
    kube.beforeCall({ verb: 'delete', name: 'finished' }, () => {
      kube.remove(PERSISTENT_VOLUME_CLAIMS.ref('demo', 'finished'));
      kube.seed(claim('finished'));
    });
    await expect(volumes.delete(access, 'finished', false, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    expect(held('finished')?.metadata?.uid).not.toBe(checked);
    expect(held('finished')?.metadata?.deletionTimestamp).toBeUndefined();
  });
});
