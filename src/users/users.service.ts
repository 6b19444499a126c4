import { Inject, Injectable } from '@nestjs/common';
import { ApiTokenService } from '../auth/api-token.service';
import type { Principal } from '../iam/principal';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.models';
import { toApiToken } from './api-token.mapping';
import { PasswordHasher } from '../auth/password-hasher';
import { generatedPassword } from '../auth/secrets';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { MembershipCleanup } from '../iam/membership-cleanup.service';
import { AccessService, forbidden } from '../access/access.service';
import { AccountResource } from '../iam/account.resource';
import { CredentialStore } from '../iam/credential.store';
import { attemptRules, LoginAttemptsStore } from '../iam/login-attempts.store';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AccountStore } from '../iam/account.store';
import { Permission, PlatformRole } from '../iam/roles';
import type { ChangePasswordInput, CreateUserInput, UpdateUserInput } from './user.inputs';
import type { User } from './user.model';
import { IAM_API_VERSION } from '../iam/api-groups';

/** Accounts as users see them. Authorisation of the scope happened in the guard; field-level rules here. */
@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly credentials: CredentialStore,
    private readonly attempts: LoginAttemptsStore,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessService,
    private readonly memberships: MembershipCleanup,
    private readonly apiTokens: ApiTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(username: string): Promise<User> {
    const account = await this.existing(username);
    const locked = await this.attempts.lockedUsernames(attemptRules(this.config).address, username);
    return toUser(account, locked.has(username));
  }

  async list(): Promise<User[]> {
    const [accounts, locked] = await Promise.all([
      this.accounts.list(),
      this.attempts.lockedUsernames(attemptRules(this.config).address),
    ]);
    return accounts
      .map((a) => toUser(a, locked.has(a.metadata.name)))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  async create(input: CreateUserInput, creator: Principal): Promise<User> {
    const account: AccountResource = {
      apiVersion: IAM_API_VERSION,
      kind: 'Account',
      metadata: { name: input.username, labels: { 'app.kubernetes.io/managed-by': 'berth' } },
      spec: {
        email: input.email,
        ...(input.displayName ? { displayName: input.displayName } : {}),
        platformRole: input.platformRole ?? PlatformRole.REGULAR,
        state: 'Active',
        passwordHash: await this.hasher.hash(input.password),
        tokenGeneration: 0,
      },
    };
    try {
      return toUser(await this.accounts.create(withCreator(account, creator.username)), false);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) {
        throw new DomainError(ErrorCode.CONFLICT, `user "${input.username}" already exists`, {
          fields: [{ path: 'username', message: 'is taken' }],
        });
      }
      throw error;
    }
  }

  async update(principal: Principal, username: string, input: UpdateUserInput): Promise<User> {
    const privileged = input.platformRole !== undefined || input.state !== undefined;
    if (privileged && !this.access.platformPermissions(principal).has(Permission.USERS_MANAGE)) {
      throw forbidden('Only platform admins change platform roles and account states');
    }
    if (
      (input.platformRole !== undefined && input.platformRole !== PlatformRole.ADMIN) ||
      input.state === 'Disabled'
    ) {
      await this.keepAnAdmin(username);
    }
    const updated = await this.modifyExisting(username, (account) => {
      if (input.email !== undefined) account.spec.email = input.email;
      if (input.displayName !== undefined) account.spec.displayName = input.displayName;
      if (input.platformRole !== undefined) account.spec.platformRole = input.platformRole;
      if (input.state !== undefined && input.state !== account.spec.state) {
        account.spec.state = input.state;
        if (input.state === 'Disabled') nextGeneration(account);
      }
      return account;
    });
    if (input.state === 'Disabled') await this.credentials.revokeAll(updated.metadata.uid ?? '');
    // Setting Active explicitly also lifts a lockout (an admin unlocking the account).
    if (input.state === 'Active') await this.attempts.clear(username);
    return this.get(username);
  }

  async changePassword(principal: Principal, username: string, input: ChangePasswordInput): Promise<User> {
    const account = await this.existing(username);
    if (username === principal.username) {
      const ok =
        input.currentPassword !== undefined &&
        (await this.hasher.verify(account.spec.passwordHash, input.currentPassword));
      if (!ok) throw DomainError.badField('currentPassword', 'is incorrect');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    const updated = await this.modifyExisting(username, (current) => {
      current.spec.passwordHash = passwordHash;
      nextGeneration(current);
      return current;
    });
    await this.credentials.revokeAll(updated.metadata.uid ?? '');
    return toUser(updated, false);
  }

  /**
   * Recovery with cluster access (`npm run admin:reset-password`): a new random password, the account
   * Active and unlocked, and every session and API token of it ended. The password is returned once.
   */
  async resetPassword(username: string): Promise<string> {
    const password = generatedPassword();
    const passwordHash = await this.hasher.hash(password);
    const updated = await this.modifyExisting(username, (current) => {
      current.spec.passwordHash = passwordHash;
      current.spec.state = 'Active';
      nextGeneration(current);
      return current;
    });
    await this.credentials.revokeAll(updated.metadata.uid ?? '');
    await this.attempts.clear(username);
    return password;
  }

  /** Its sessions and API tokens go with it (they are owned by the account and name its UID). */
  async delete(username: string): Promise<User> {
    const account = await this.existing(username);
    await this.keepAnAdmin(username);
    await this.memberships.removeUser(username);
    await this.accounts.delete(username);
    await this.credentials.revokeAll(account.metadata.uid ?? '');
    return toUser(account, false);
  }

  async listTokens(username: string): Promise<ApiToken[]> {
    // By name: a page of them is a stable slice.
    return (await this.apiTokens.list(await this.existing(username)))
      .map(toApiToken)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** API tokens are created by their owner only, never on someone else's behalf. */
  async createToken(
    principal: Principal,
    username: string,
    input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    const account = await this.existing(username);
    if (username !== principal.username) throw forbidden('API tokens are created by their owner');
    const { token, info } = await this.apiTokens.create(
      account,
      input.name,
      input.scope ?? 'read-only',
      input.expiresAt ?? null,
    );
    return { token, apiToken: toApiToken(info) };
  }

  async revokeToken(username: string, name: string): Promise<ApiToken> {
    return toApiToken(await this.apiTokens.revoke(await this.existing(username), name));
  }

  private async existing(username: string): Promise<AccountResource> {
    const account = await this.accounts.find(username);
    if (!account) throw DomainError.notFound('user', username);
    return account;
  }

  /** There is always at least one active platform admin. */
  private async keepAnAdmin(username: string): Promise<void> {
    const admins = (await this.accounts.list()).filter(
      (a) => a.spec.platformRole === PlatformRole.ADMIN && a.spec.state === 'Active',
    );
    if (admins.length === 1 && admins[0].metadata.name === username) {
      throw new DomainError(ErrorCode.CONFLICT, `"${username}" is the last active platform admin`);
    }
  }

  private async modifyExisting(
    username: string,
    mutate: (account: AccountResource) => AccountResource,
  ): Promise<AccountResource> {
    if (!(await this.accounts.find(username))) throw DomainError.notFound('user', username);
    return this.accounts.modify(username, mutate);
  }
}

/** Every access token issued so far stops working (sessions and API tokens are deleted beside it). */
function nextGeneration(account: AccountResource): void {
  account.spec.tokenGeneration = (account.spec.tokenGeneration ?? 0) + 1;
}

function withCreator(account: AccountResource, creator: string): AccountResource {
  return {
    ...account,
    metadata: { ...account.metadata, annotations: { 'berth.io/creator': creator } },
  };
}

export function toUser(account: AccountResource, locked: boolean): User {
  return {
    username: account.metadata.name,
    email: account.spec.email,
    displayName: account.spec.displayName ?? null,
    platformRole: account.spec.platformRole,
    state: account.spec.state === 'Active' && locked ? 'Locked' : account.spec.state,
    createdAt: account.metadata.creationTimestamp ? new Date(account.metadata.creationTimestamp) : null,
    lastLoginAt: account.status?.lastLoginAt ? new Date(account.status.lastLoginAt) : null,
  };
}
