import { ErrorCode } from '../../../common/errors/error-code';
import { CONFIG_MAPS } from '../../../kube';
import type { FakeKube } from '../../../../test/support/fake-kube';
import { fakeKube } from '../../../../test/support/fake-kube';
import {
  newTestService,
  projectAccess,
  projectNamespace,
  statefulSet,
  configMap,
} from '../../../../test/support/factories';
import { ConfigMapsService } from './configmaps.service';

/** A ConfigMap a workload uses is not deleted unless forced; edits never overwrite a newer version. */
describe('ConfigMapsService', () => {
  let kube: FakeKube;
  let configMaps: ConfigMapsService;
  const access = projectAccess();
  const usingEnv = statefulSet('uses-config', {
    containers: [
      {
        name: 'app',
        image: 'nginx',
        env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'used-config', key: 'k' } } }],
      },
    ],
  });
  const held = (name: string) => kube.stored(CONFIG_MAPS.ref('demo', name));

  beforeEach(() => {
    kube = fakeKube({
      objects: [projectNamespace('demo'), configMap('used-config'), configMap('free'), usingEnv],
    });
    configMaps = newTestService(ConfigMapsService, { kube }).sut;
  });

  it('refuses to delete a ConfigMap a StatefulSet uses, naming it; force deletes it', async () => {
    await expect(configMaps.delete(access, 'used-config', false, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringContaining('is used by StatefulSet uses-config') as unknown,
    });
    expect(held('used-config')).toBeDefined();
    await configMaps.delete(access, 'used-config', true, true);
    expect(held('used-config')).toBeDefined();
    await configMaps.delete(access, 'used-config', true, false);
    expect(held('used-config')).toBeUndefined();
  });

  it('deletes an unused one without force', async () => {
    await expect(configMaps.delete(access, 'free', false, false)).resolves.toMatchObject({ usedBy: [] });
    expect(held('free')).toBeUndefined();
  });

  it('does not delete a version it did not check (changed between the check and the delete)', async () => {
    kube.beforeCall({ verb: 'delete', name: 'free' }, async () => {
      await kube.modify(CONFIG_MAPS.ref('demo', 'free'), (m) => ({ ...m, data: { k: 'newer' } }));
    });
    await expect(configMaps.delete(access, 'free', false, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    expect(held('free')?.data).toEqual({ k: 'newer' });
  });

  it('an update from a stale resourceVersion is a CONFLICT and keeps the newer data', async () => {
    const read = await configMaps.get(access, 'free');
    await configMaps.update(
      access,
      'free',
      { data: [{ key: 'k', value: 'first' }] },
      read.resourceVersion,
      false,
    );
    await expect(
      configMaps.update(access, 'free', { data: [{ key: 'k', value: 'lost' }] }, read.resourceVersion, false),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect(held('free')?.data).toEqual({ k: 'first' });
  });
});
