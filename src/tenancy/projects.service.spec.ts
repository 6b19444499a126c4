import { ErrorCode } from '../common/errors/error-code';
import { TenancyStore } from '../iam/tenancy.store';
import { ProjectRole, WorkspaceRole } from '../iam/roles';
import { NAMESPACES, ROLE_BINDINGS } from '../kube';
import type { FakeKube } from '../../test/support/fake-kube';
import { fakeKube } from '../../test/support/fake-kube';
import {
  account,
  newTestService,
  principal,
  projectMemberBinding,
  projectNamespace,
  workspaceAccess,
  workspaceMember,
} from '../../test/support/factories';
import { ProjectsService } from './projects.service';

/** ProjectsService's rules that need no controller, against the in-memory cluster. */
describe('ProjectsService', () => {
  let kube: FakeKube;
  let projects: ProjectsService;

  /** Each member of `demo` and their roles, as the RoleBindings in the cluster say. */
  const bindings = () =>
    kube
      .objects(ROLE_BINDINGS, 'demo')
      .map((b) => `${b.metadata?.labels?.['tenancy.berth.io/user']}:${b.roleRef.name}`)
      .sort();

  beforeEach(() => {
    kube = fakeKube({
      objects: [
        projectNamespace('demo'),
        ...['alice', 'bob'].map((user) => account(user)),
        ...['alice', 'bob'].map((user) => workspaceMember('w', user, WorkspaceRole.REGULAR)),
        projectMemberBinding('demo', 'alice', ProjectRole.ADMIN),
        projectMemberBinding('demo', 'bob', ProjectRole.VIEWER),
      ],
    });
    projects = newTestService(ProjectsService, { kube }).sut;
  });

  describe('a project keeps at least one project-admin', () => {
    it('refuses to demote or remove the last one, and writes nothing', async () => {
      const last = {
        code: ErrorCode.CONFLICT,
        message: '"alice" is the last project-admin of project "demo"',
      };
      await expect(
        projects.changeMemberRole('demo', 'alice', ProjectRole.VIEWER, 'root'),
      ).rejects.toMatchObject(last);
      await expect(projects.removeMember('demo', 'alice', 'root')).rejects.toMatchObject(last);
      expect(bindings()).toEqual(['alice:berth:project-admin', 'bob:berth:project-viewer']);
      expect(kube.writes()).toEqual([]);
    });

    it('with a second admin, demotes: the new binding is made before the old one goes', async () => {
      await projects.changeMemberRole('demo', 'bob', ProjectRole.ADMIN, 'root');
      await projects.changeMemberRole('demo', 'alice', ProjectRole.VIEWER, 'root');
      expect(bindings()).toEqual(['alice:berth:project-viewer', 'bob:berth:project-admin']);
      expect(kube.writes().slice(-2)).toEqual([
        'create RoleBinding demo/berth-project-viewer-alice',
        'delete RoleBinding demo/berth-project-admin-alice',
      ]);
      await projects.removeMember('demo', 'alice', 'root');
      expect(bindings()).toEqual(['bob:berth:project-admin']);
    });

    it('undoes a demotion when a concurrent one left no admin', async () => {
      kube.seed(projectMemberBinding('demo', 'bob', ProjectRole.ADMIN));
      kube.remove(ROLE_BINDINGS.ref('demo', 'berth-project-viewer-bob'));
      // Between alice's check (bob is an admin) and her old binding going, bob is demoted too.
      kube.beforeCall({ verb: 'create', name: 'berth-project-viewer-alice' }, async () => {
        await projects.changeMemberRole('demo', 'bob', ProjectRole.VIEWER, 'root');
      });
      await expect(
        projects.changeMemberRole('demo', 'alice', ProjectRole.VIEWER, 'root'),
      ).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
      expect(bindings()).toEqual(['alice:berth:project-admin', 'bob:berth:project-viewer']);
    });
  });

  describe('create is all or nothing', () => {
    const create = () =>
      projects.create(workspaceAccess({ principal: principal({ username: 'alice' }) }), { name: 'shop' });

    it('makes the namespace, the workspace group bindings and the creator project-admin', async () => {
      expect(await create()).toMatchObject({
        name: 'shop',
        members: [{ username: 'alice', role: 'project-admin' }],
      });
      expect(kube.objects(ROLE_BINDINGS, 'shop').map((b) => b.metadata?.name)).toEqual([
        'berth-project-admin-alice',
        'berth-workspace-admins',
        'berth-workspace-viewers',
      ]);
    });

    it('deletes the namespace again when a binding fails, so no project is left', async () => {
      kube.failOn({ verb: 'create', kind: 'RoleBinding', name: 'berth-workspace-viewers' }, 500);
      await expect(create()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
      // No controller runs here: the namespace stays Terminating, which is no project any more.
      expect(kube.stored(NAMESPACES.ref('shop'))?.metadata?.deletionTimestamp).toBeDefined();
      const store = newTestService(TenancyStore, { kube }).sut;
      expect(await store.findProject('shop')).toBeNull();
      expect((await store.listProjects('w')).map((p) => p.metadata?.name)).toEqual(['demo']);
    });

    it('a name taken is a CONFLICT on the name field, and the existing namespace is left alone', async () => {
      kube.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
      const before = kube.stored(NAMESPACES.ref('shop'));
      await expect(create()).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        fields: [{ path: 'name', message: 'is taken' }],
      });
      expect(kube.stored(NAMESPACES.ref('shop'))).toEqual(before);
      expect(kube.objects(ROLE_BINDINGS, 'shop')).toEqual([]);
    });
  });
});
