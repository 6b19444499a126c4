import { ErrorCode } from '../common/errors/error-code';
import { WORKSPACE_MEMBERS, WORKSPACES, workspaceMemberRef } from '../iam/resources';
import { PlatformRole, ProjectRole, WorkspaceRole } from '../iam/roles';
import { ROLE_BINDINGS } from '../kube';
import type { FakeKube } from '../../test/support/fake-kube';
import { fakeKube } from '../../test/support/fake-kube';
import {
  account,
  newTestService,
  principal,
  projectMemberBinding,
  projectNamespace,
  workspaceMember,
} from '../../test/support/factories';
import { WorkspacesService } from './workspaces.service';

/** WorkspacesService's rules that need no controller, against the in-memory cluster. */
describe('WorkspacesService', () => {
  let kube: FakeKube;
  let workspaces: WorkspacesService;
  const root = principal({ username: 'root', platformRole: PlatformRole.ADMIN });

  /** Each member of `w` and their role, as the WorkspaceMember objects in the cluster say. */
  const members = () =>
    kube
      .objects(WORKSPACE_MEMBERS)
      .filter((m) => m.spec.workspace === 'w')
      .map((m) => `${m.spec.user}:${m.spec.role}:${m.metadata.labels?.['tenancy.berth.io/role']}`);

  beforeEach(() => {
    kube = fakeKube({
      objects: [
        { apiVersion: 'tenancy.berth.io/v1alpha1', kind: 'Workspace', metadata: { name: 'w' }, spec: {} },
        projectNamespace('demo'),
        ...['root', 'alice', 'bob', 'carol'].map((user) => account(user)),
        workspaceMember('w', 'alice', WorkspaceRole.ADMIN),
        workspaceMember('w', 'bob', WorkspaceRole.REGULAR),
        projectMemberBinding('demo', 'alice', ProjectRole.REGULAR),
      ],
    });
    workspaces = newTestService(WorkspacesService, { kube }).sut;
  });

  describe('a workspace keeps at least one workspace-admin', () => {
    it('refuses to demote or remove the last one, and writes nothing', async () => {
      const last = {
        code: ErrorCode.CONFLICT,
        message: '"alice" is the last workspace-admin of workspace "w"',
      };
      const before = kube.stored(workspaceMemberRef('w', 'alice'));
      await expect(
        workspaces.changeMemberRole('w', 'alice', WorkspaceRole.VIEWER, root),
      ).rejects.toMatchObject(last);
      await expect(workspaces.removeMember('w', 'alice')).rejects.toMatchObject(last);
      expect(kube.stored(workspaceMemberRef('w', 'alice'))).toEqual(before);
      expect(kube.objects(ROLE_BINDINGS, 'demo')).toHaveLength(1);
      expect(kube.writes()).toEqual([]);
    });

    it('with a second admin, demotes (role and label) and removes, with the project memberships', async () => {
      await workspaces.changeMemberRole('w', 'bob', WorkspaceRole.ADMIN, root);
      await workspaces.changeMemberRole('w', 'alice', WorkspaceRole.VIEWER, root);
      expect(members()).toEqual([
        'alice:workspace-viewer:workspace-viewer',
        'bob:workspace-admin:workspace-admin',
      ]);
      await workspaces.removeMember('w', 'alice');
      expect(members()).toEqual(['bob:workspace-admin:workspace-admin']);
      expect(kube.objects(ROLE_BINDINGS, 'demo')).toEqual([]);
    });
  });

  describe('create is all or nothing', () => {
    const carol = principal({ username: 'carol', platformRole: PlatformRole.SELF_PROVISIONER });

    it('appoints the manager and a self-provisioning creator workspace-admins', async () => {
      await workspaces.create(carol, { name: 'new', manager: 'alice' });
      expect(kube.objects(WORKSPACE_MEMBERS).filter((m) => m.spec.workspace === 'new')).toMatchObject([
        { spec: { user: 'alice', role: WorkspaceRole.ADMIN } },
        { spec: { user: 'carol', role: WorkspaceRole.ADMIN } },
      ]);
    });

    it('when an admin cannot be appointed, neither the workspace nor any member stays', async () => {
      kube.failOn({ verb: 'create', kind: 'WorkspaceMember', nth: 2 }, 500);
      await expect(workspaces.create(carol, { name: 'new', manager: 'alice' })).rejects.toMatchObject({
        code: ErrorCode.UNAVAILABLE,
      });
      expect(kube.stored(WORKSPACES.ref('new'))).toBeUndefined();
      expect(kube.objects(WORKSPACE_MEMBERS).map((m) => m.spec.workspace)).not.toContain('new');
    });
  });

  it('refuses to delete a workspace that still has projects, naming them; nothing is deleted', async () => {
    await expect(workspaces.delete('w')).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'workspace "w" still has projects (demo); delete them first',
    });
    expect(kube.stored(WORKSPACES.ref('w'))).toBeDefined();
    expect(members()).toHaveLength(2);
  });
});
