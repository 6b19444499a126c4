import { principal } from '../../test/support/factories';
import type { ApiTokenService } from '../auth/api-token.service';
import type { PasswordHasher } from '../auth/password-hasher';
import { ErrorCode } from '../common/errors/error-code';
import type { MembershipCleanup } from '../iam/membership-cleanup.service';
import { AccessService } from '../access/access.service';
import type { AccountResource } from '../iam/account.resource';
import type { AccountStore } from '../iam/account.store';
import { IdentityService } from '../iam/identity.service';
import { PlatformRole } from '../iam/roles';
import { UsersService } from './users.service';
import type { TenancyStore } from '../iam/tenancy.store';
import type { AppConfig } from '../config/app-config';
import type { CredentialStore } from '../iam/credential.store';
import type { LoginAttemptsStore } from '../iam/login-attempts.store';

/** UsersService's own rules, with the cluster replaced by an in-memory account store. */
describe('UsersService', () => {
  let accounts: Map<string, AccountResource>;
  let service: UsersService;
  const admin = principal({ username: 'root', platformRole: PlatformRole.ADMIN });
  const regular = principal();

  const account = (
    name: string,
    platformRole: PlatformRole,
    state: 'Active' | 'Disabled' = 'Active',
  ): AccountResource => ({
    apiVersion: 'iam.berth.io/v1alpha1',
    kind: 'Account',
    metadata: { name, uid: `uid-${name}` },
    spec: { email: `${name}@example.com`, platformRole, state, passwordHash: 'hash', tokenGeneration: 3 },
  });
  let revoked: string[];

  beforeEach(() => {
    accounts = new Map([
      ['root', account('root', PlatformRole.ADMIN)],
      ['alice', account('alice', PlatformRole.REGULAR)],
      ['old-admin', account('old-admin', PlatformRole.ADMIN, 'Disabled')],
    ]);
    const store: Pick<AccountStore, 'find' | 'get' | 'list' | 'modify' | 'delete' | 'create'> = {
      find: (name) => Promise.resolve(structuredClone(accounts.get(name)) ?? null),
      get: (name) => Promise.resolve(structuredClone(accounts.get(name)!)),
      list: () => Promise.resolve([...accounts.values()].map((a) => structuredClone(a))),
      modify: (name, mutate) => {
        const next = mutate(structuredClone(accounts.get(name)!)) ?? accounts.get(name)!;
        accounts.set(name, next);
        return Promise.resolve(next);
      },
      delete: (name) => Promise.resolve(void accounts.delete(name)),
      create: (a) => Promise.resolve(a),
    };
    const hasher: Pick<PasswordHasher, 'hash' | 'verify'> = {
      hash: (p) => Promise.resolve(`hashed:${p}`),
      verify: (h, p) => Promise.resolve(h === `hashed:${p}` || (h === 'hash' && p === 'Current-Passw0rd')),
    };
    const identity = new IdentityService({ impersonationPrefix: 'berth:' } as never);
    const access = new AccessService({} as TenancyStore, identity, {} as AppConfig);
    const cleanup: Pick<MembershipCleanup, 'removeUser'> = { removeUser: () => Promise.resolve() };
    revoked = [];
    const credentials: Pick<CredentialStore, 'revokeAll'> = {
      revokeAll: (uid) => Promise.resolve(void revoked.push(uid)),
    };
    const attempts: Pick<LoginAttemptsStore, 'lockedUsernames' | 'clear'> = {
      lockedUsernames: () => Promise.resolve(new Set<string>()),
      clear: () => Promise.resolve(),
    };
    service = new UsersService(
      store as AccountStore,
      credentials as CredentialStore,
      attempts as LoginAttemptsStore,
      hasher as PasswordHasher,
      access,
      cleanup as MembershipCleanup,
      {} as ApiTokenService,
      { loginMaxFailures: 5, loginMaxFailuresPerUser: 20, loginLockSeconds: 600 } as AppConfig,
    );
  });

  it('keeps at least one active platform admin (a disabled one does not count)', async () => {
    await expect(service.update(admin, 'root', { platformRole: PlatformRole.REGULAR })).rejects.toMatchObject(
      { code: ErrorCode.CONFLICT },
    );
    await expect(service.update(admin, 'root', { state: 'Disabled' })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    await expect(service.delete('root')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    accounts.set('second', account('second', PlatformRole.ADMIN));
    await expect(service.update(admin, 'root', { state: 'Disabled' })).resolves.toMatchObject({
      state: 'Disabled',
    });
  });

  it('lets users change their own email and name, but not their role or state', async () => {
    await expect(service.update(regular, 'alice', { displayName: 'Alice' })).resolves.toMatchObject({
      displayName: 'Alice',
    });
    await expect(
      service.update(regular, 'alice', { platformRole: PlatformRole.ADMIN }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(service.update(regular, 'alice', { state: 'Active' })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });

  it('disabling revokes every token: new generation, its sessions and API tokens deleted', async () => {
    await service.update(admin, 'alice', { state: 'Disabled' });
    const stored = accounts.get('alice')!;
    expect(stored.spec.tokenGeneration).toBe(4);
    expect(revoked).toEqual(['uid-alice']);
  });

  it('a password change needs the current password when it is your own, and revokes every token', async () => {
    await expect(
      service.changePassword(regular, 'alice', { newPassword: 'New-Passw0rd' }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ path: 'currentPassword', message: 'is incorrect' }],
    });
    await service.changePassword(regular, 'alice', {
      currentPassword: 'Current-Passw0rd',
      newPassword: 'New-Passw0rd',
    });
    expect(accounts.get('alice')!.spec).toMatchObject({
      passwordHash: 'hashed:New-Passw0rd',
      tokenGeneration: 4,
    });
    expect(revoked).toEqual(['uid-alice']);
    // A platform admin resets someone else's without it.
    await service.changePassword(admin, 'alice', { newPassword: 'Reset-Passw0rd' });
    expect(accounts.get('alice')!.spec.passwordHash).toBe('hashed:Reset-Passw0rd');
  });

  it('never returns the password hash', async () => {
    expect(JSON.stringify(await service.get('alice'))).not.toContain('hash');
  });
});
