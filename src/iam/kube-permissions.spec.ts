import { kubePermissionFor, kubeRulesFor } from './kube-permissions';
import { Permission, ProjectRole } from './roles';

const verbsOf = (role: ProjectRole, group: string, resource: string) =>
  kubeRulesFor(role).find((r) => r.apiGroups[0] === group && r.resources[0] === resource)?.verbs ?? [];

describe('the Kubernetes resources of a project', () => {
  it('gives each role in Kubernetes exactly what its permissions allow in Berth', () => {
    expect(verbsOf(ProjectRole.VIEWER, 'apps', 'statefulsets')).toEqual(['get', 'list', 'watch']);
    expect(verbsOf(ProjectRole.VIEWER, '', 'secrets')).toEqual([]);
    expect(verbsOf(ProjectRole.VIEWER, '', 'pods/log')).toEqual(['get']);
    expect(verbsOf(ProjectRole.REGULAR, '', 'secrets')).toEqual([
      ...['get', 'list', 'watch'],
      ...['create', 'update', 'patch', 'delete', 'deletecollection'],
    ]);
    expect(verbsOf(ProjectRole.REGULAR, '', 'resourcequotas')).toEqual(['get', 'list', 'watch']);
    // Quotas and limits are the platform's: no project role lifts them.
    expect(verbsOf(ProjectRole.ADMIN, '', 'resourcequotas')).toEqual(['get', 'list', 'watch']);
    expect(verbsOf(ProjectRole.ADMIN, '', 'limitranges')).toEqual(['get', 'list', 'watch']);
    expect(verbsOf(ProjectRole.ADMIN, 'metrics.k8s.io', 'pods')).toEqual(['get', 'list']);
    // Read-only for everyone: no role writes events, revisions or endpoints.
    for (const role of Object.values(ProjectRole)) {
      expect(verbsOf(role, '', 'endpoints')).not.toContain('create');
      expect(verbsOf(role, 'apps', 'controllerrevisions')).not.toContain('patch');
    }
  });

  it('has no rule for what no role may do (RBAC, exec, proxies)', () => {
    for (const role of Object.values(ProjectRole)) {
      const resources = kubeRulesFor(role).flatMap((r) => r.resources);
      expect(resources).not.toEqual(expect.arrayContaining(['rolebindings']));
      expect(resources.filter((r) => /exec|attach|portforward|proxy/.test(r))).toEqual([]);
    }
    expect(kubePermissionFor('rbac.authorization.k8s.io', 'rolebindings', 'get')).toBeNull();
    expect(kubePermissionFor('', 'pods/exec', 'create')).toBeNull();
    expect(kubePermissionFor('', 'events', 'create')).toBeNull();
    expect(kubePermissionFor('metrics.k8s.io', 'pods', 'watch')).toBeNull();
    expect(kubePermissionFor('', 'secrets', 'list')).toBe(Permission.SECRET_VALUES_VIEW);
  });
});
