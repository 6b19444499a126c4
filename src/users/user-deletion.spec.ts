import { ApiTokenService } from '../auth/api-token.service';
import { PasswordHasher } from '../auth/password-hasher';
import { ErrorCode } from '../common/errors/error-code';
import { CREDENTIAL_LABELS, type SessionResource } from '../iam/account.resource';
import { ACCOUNTS, SESSIONS, WORKSPACE_MEMBERS } from '../iam/resources';
import { PlatformRole, ProjectRole, WorkspaceRole } from '../iam/roles';
import { ROLE_BINDINGS } from '../kube';
import type { FakeKube } from '../../test/support/fake-kube';
import { fakeKube } from '../../test/support/fake-kube';
import {
  account,
  newTestService,
  projectMemberBinding,
  projectNamespace,
  workspaceMember,
} from '../../test/support/factories';
import { UsersService } from './users.service';

/**
 * Deleting a user ends their memberships, but never leaves the platform without an active platform
 * admin, a workspace without a workspace-admin or a project without a project-admin (MembershipCleanup).
 */
describe('UsersService.delete', () => {
  let kube: FakeKube;
  let users: UsersService;
  const session = (user: string): SessionResource => ({
    apiVersion: 'iam.berth.io/v1alpha1',
    kind: 'Session',
    metadata: { name: `${user}-session`, labels: { [CREDENTIAL_LABELS.accountUID]: `uid-${user}` } },
    spec: { accountUID: `uid-${user}`, username: user, secretHash: 'x', createdAt: '', expiresAt: '' },
  });
  const withUid = (user: string, platformRole = PlatformRole.REGULAR) => {
    const a = account(user, { platformRole });
    return { ...a, metadata: { ...a.metadata, uid: `uid-${user}` } };
  };
  const left = () => ({
    accounts: kube.objects(ACCOUNTS).map((a) => a.metadata.name),
    members: kube.objects(WORKSPACE_MEMBERS).map((m) => m.metadata.name),
    bindings: kube.objects(ROLE_BINDINGS).map((b) => b.metadata?.name),
    sessions: kube.objects(SESSIONS).map((s) => s.metadata.name),
  });

  beforeEach(() => {
    kube = fakeKube({
      objects: [
        withUid('root', PlatformRole.ADMIN),
        withUid('alice'),
        withUid('bob'),
        session('alice'),
        projectNamespace('demo'),
        workspaceMember('w', 'alice', WorkspaceRole.ADMIN),
        workspaceMember('w', 'bob', WorkspaceRole.REGULAR),
        projectMemberBinding('demo', 'alice', ProjectRole.REGULAR),
        projectMemberBinding('demo', 'bob', ProjectRole.ADMIN),
      ],
    });
    users = newTestService(UsersService, { kube, stub: [PasswordHasher, ApiTokenService] }).sut;
  });

  it.each([
    ['alice', '"alice" is the last workspace-admin of workspace "w"'],
    ['bob', '"bob" is the last project-admin of project "demo"'],
  ])(
    'refuses to delete %s, the last admin of a scope, naming it; nothing is deleted',
    async (user, message) => {
      const before = left();
      await expect(users.delete(user)).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message });
      expect(left()).toEqual(before);
    },
  );

  it('refuses to delete the last active platform admin', async () => {
    await expect(users.delete('root')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect(kube.stored(ACCOUNTS.ref('root'))).toBeDefined();
  });

  it('otherwise deletes the account with its memberships, bindings and sessions', async () => {
    kube.seed(workspaceMember('w', 'bob', WorkspaceRole.ADMIN));
    await users.delete('alice');
    expect(left()).toEqual({
      accounts: ['bob', 'root'],
      members: ['w.bob'],
      bindings: ['berth-project-admin-bob'],
      sessions: [],
    });
  });
});
