import { ACCOUNTS } from './resources';
import { Injectable } from '@nestjs/common';
import { KubeClient } from '../kube';
import { AccountResource } from './account.resource';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** Accounts as custom resources, read and written with the service's own identity. */
@Injectable()
export class AccountStore {
  constructor(private readonly kube: KubeClient) {}

  find(username: string): Promise<AccountResource | null> {
    return this.kube.find(ACCOUNTS.ref(username));
  }

  /**
   * From the API server, whether the account exists or not: a sign-in costs the same for a known and
   * an unknown name (no enumeration by timing), and sees an account made on another replica at once.
   */
  async findLatest(username: string): Promise<AccountResource | null> {
    try {
      return await this.kube.latest(ACCOUNTS.ref(username));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  get(username: string): Promise<AccountResource> {
    return this.kube.get(ACCOUNTS.ref(username));
  }

  async list(): Promise<AccountResource[]> {
    return (await this.kube.list(ACCOUNTS)).items;
  }

  create(account: AccountResource): Promise<AccountResource> {
    return this.kube.create(account);
  }

  /** Read-modify-write without lost updates (see KubeClient.modify). */
  modify(
    username: string,
    mutate: (account: AccountResource) => AccountResource | undefined,
  ): Promise<AccountResource> {
    return this.kube.modify(ACCOUNTS.ref(username), mutate);
  }

  async delete(username: string): Promise<void> {
    await this.kube.delete(ACCOUNTS.ref(username));
  }
}
