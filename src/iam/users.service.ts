import { Inject, Injectable } from '@nestjs/common';
import { ApiTokenService } from '../auth/api-token.service';
import type { Principal } from '../auth/principal';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.models';
import { toApiToken } from './api-token.mapping';
import { PasswordHasher } from '../auth/password-hasher';
import { IAM_API_VERSION } from '../bootstrap/crds';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { MembershipCleanup } from '../tenancy/membership-cleanup.service';
import { AccessService, forbidden } from './access.service';
import { AccountResource, isLocked } from './account.resource';
import { AccountStore } from './account.store';
import { Permission, PlatformRole } from './roles';
import type { ChangePasswordInput, CreateUserInput, UpdateUserInput } from './user.inputs';
import type { User } from './user.model';

/** Accounts as users see them. Authorisation of the scope happened in the guard; field-level rules here. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(MembershipCleanup) private readonly memberships: MembershipCleanup,
    @Inject(ApiTokenService) private readonly apiTokens: ApiTokenService,
  ) {}

  async get(username: string): Promise<User> {
    const account = await this.accounts.find(username);
    if (!account) throw DomainError.notFound('user', username);
    return toUser(account);
  }

  async list(): Promise<User[]> {
    return (await this.accounts.list()).map(toUser).sort((a, b) => a.username.localeCompare(b.username));
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
      return toUser(await this.accounts.create(withCreator(account, creator.username)));
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
        if (input.state === 'Disabled') revokeEverything(account);
      }
      // Setting Active explicitly also lifts a lockout (an admin unlocking the account).
      if (input.state === 'Active' && account.status) {
        delete account.status.lockedUntil;
        account.status.failedLogins = [];
      }
      return account;
    });
    return toUser(updated);
  }

  async changePassword(principal: Principal, username: string, input: ChangePasswordInput): Promise<User> {
    const account = await this.accounts.find(username);
    if (!account) throw DomainError.notFound('user', username);
    if (username === principal.username) {
      const ok =
        input.currentPassword !== undefined &&
        (await this.hasher.verify(account.spec.passwordHash, input.currentPassword));
      if (!ok) throw DomainError.badField('currentPassword', 'is incorrect');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    const updated = await this.modifyExisting(username, (current) => {
      current.spec.passwordHash = passwordHash;
      revokeEverything(current);
      return current;
    });
    return toUser(updated);
  }

  async delete(username: string): Promise<User> {
    const account = await this.accounts.find(username);
    if (!account) throw DomainError.notFound('user', username);
    await this.keepAnAdmin(username);
    await this.memberships.removeUser(username);
    await this.accounts.delete(username);
    return toUser(account);
  }

  async listTokens(username: string): Promise<ApiToken[]> {
    await this.get(username);
    return (await this.apiTokens.list(username)).map(toApiToken);
  }

  /** API tokens are created by their owner only, never on someone else's behalf. */
  async createToken(
    principal: Principal,
    username: string,
    input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    await this.get(username);
    if (username !== principal.username) throw forbidden('API tokens are created by their owner');
    const { token, info } = await this.apiTokens.create(
      username,
      input.name,
      input.scope ?? 'read-only',
      input.expiresAt ?? null,
    );
    return { token, apiToken: toApiToken(info) };
  }

  async revokeToken(username: string, name: string): Promise<ApiToken> {
    await this.get(username);
    return toApiToken(await this.apiTokens.revoke(username, name));
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

/** Every issued token stops working: access tokens by generation, sessions and API tokens by removal. */
function revokeEverything(account: AccountResource): void {
  account.spec.tokenGeneration = (account.spec.tokenGeneration ?? 0) + 1;
  account.status = { ...account.status, sessions: [], apiTokens: [] };
}

function withCreator(account: AccountResource, creator: string): AccountResource {
  return {
    ...account,
    metadata: { ...account.metadata, annotations: { 'berth.io/creator': creator } },
  };
}

export function toUser(account: AccountResource): User {
  return {
    username: account.metadata.name,
    email: account.spec.email,
    displayName: account.spec.displayName ?? null,
    platformRole: account.spec.platformRole,
    state: account.spec.state === 'Active' && isLocked(account) ? 'Locked' : account.spec.state,
    createdAt: account.metadata.creationTimestamp ? new Date(account.metadata.creationTimestamp) : null,
    lastLoginAt: account.status?.lastLoginAt ? new Date(account.status.lastLoginAt) : null,
  };
}
