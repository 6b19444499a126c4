import { ROLE_BINDINGS } from '../src/kube';
import { CONFIG_MAPS } from '../src/kube';
import type { V1RoleBinding } from '../src/kube';
import { configApi } from './support/config-api';
import { statefulSetApi } from './support/statefulset-api';
import { TestApp } from './support/test-app';
import { WorkloadProject, workloadProject } from './support/workload-fixture';

/**
 * Berth's own check is the first lock, Kubernetes RBAC the second: a handler's namespaced calls are
 * made as the caller (impersonated), not as Berth. Shown by taking the caller's RoleBinding away from
 * them behind Berth's back (its labels, which Berth's check reads, stay): Berth still lets the call
 * through, and the API server refuses it. Berth itself may do all of it, so a call made with Berth's
 * identity would succeed.
 */
describe.each(['graphql', 'rest'] as const)(
  'handlers call Kubernetes as the caller, over %s',
  (transport) => {
    let t: TestApp;
    let w: WorkloadProject;
    const binding = () => ROLE_BINDINGS.ref(w.project, `berth-project-regular-${w.regular.username}`);

    beforeAll(async () => {
      t = await TestApp.start();
      w = await workloadProject(t, await t.token());
    });

    afterAll(async () => {
      await w.f.cleanUp();
      await t.close();
    });

    it('with the RoleBinding’s subject changed, Berth’s check passes and the API server refuses', async () => {
      const config = configApi(t, transport, w.project, w.regular.token);
      const workloads = statefulSetApi(t, transport, w.project, w.regular.token);
      // The control: the member may do both.
      expect((await config.createConfigMap({ name: 'before', data: [] })).ok).toBe(true);
      expect((await workloads.get('none')).code).toBe('NOT_FOUND');

      await t.kube.modify<V1RoleBinding>(binding(), (rb) => ({
        ...rb,
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'berth:somebody-else' }],
      }));

      const write = await config.createConfigMap({ name: 'after', data: [] });
      expect(write.code).toBe('FORBIDDEN');
      const read = await workloads.get('none');
      expect(read.code).toBe('FORBIDDEN');
      // Kubernetes' refusal names the impersonated user and the namespace; Berth's answer does not.
      for (const raw of [write.raw, read.raw]) expect(raw).not.toMatch(/berth:|forbidden:/);
      const names = (await t.kube.list(CONFIG_MAPS, { namespace: w.project })).items.map(
        (c) => c.metadata?.name,
      );
      expect(names).toContain('before');
      expect(names).not.toContain('after');
    });
  },
);
