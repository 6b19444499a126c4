import { ErrorCode } from '../../../common/errors/error-code';
import { SECRETS } from '../../../kube';
import type { FakeKube } from '../../../../test/support/fake-kube';
import { fakeKube } from '../../../../test/support/fake-kube';
import {
  newTestService,
  projectAccess,
  projectNamespace,
  statefulSet,
  secret,
} from '../../../../test/support/factories';
import { SecretsService } from './secrets.service';

/** A Secret a workload uses (here: to pull its images) is not deleted unless forced. */
describe('SecretsService.delete', () => {
  let kube: FakeKube;
  let secrets: SecretsService;
  const access = projectAccess();
  const pulling = statefulSet('web', {
    imagePullSecrets: [{ name: 'registry-login' }],
    containers: [{ name: 'web', image: 'nginx' }],
  });
  const held = (name: string) => kube.stored(SECRETS.ref('demo', name));

  beforeEach(() => {
    kube = fakeKube({
      objects: [projectNamespace('demo'), secret('registry-login'), secret('free'), pulling],
    });
    secrets = newTestService(SecretsService, { kube }).sut;
  });

  it('refuses while a StatefulSet pulls with it, naming it; a forced dry run keeps it, force deletes it', async () => {
    await expect(secrets.delete(access, 'registry-login', false, false)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringContaining('is used by StatefulSet web') as unknown,
    });
    await secrets.delete(access, 'registry-login', true, true);
    expect(held('registry-login')).toBeDefined();
    await secrets.delete(access, 'registry-login', true, false);
    expect(held('registry-login')).toBeUndefined();
  });

  it('deletes an unused one without force, as the requesting user', async () => {
    await secrets.delete(access, 'free', false, false);
    expect(held('free')).toBeUndefined();
    expect(kube.calls.find((c) => c.verb === 'delete')?.user).toBe('berth:alice');
  });
});
