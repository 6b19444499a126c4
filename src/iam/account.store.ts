import { Inject, Injectable } from '@nestjs/common';
import { KubeClient } from '../kube';
import { AccountResource, accountRef } from './account.resource';
import { IAM_API_VERSION } from './api-groups';

/** Accounts as custom resources, read and written with the service's own identity. */
@Injectable()
export class AccountStore {
  constructor(@Inject(KubeClient) private readonly kube: KubeClient) {}

  find(username: string): Promise<AccountResource | null> {
    return this.kube.find<AccountResource>(accountRef(username));
  }

  get(username: string): Promise<AccountResource> {
    return this.kube.get<AccountResource>(accountRef(username));
  }

  async list(): Promise<AccountResource[]> {
    return (await this.kube.list<AccountResource>(IAM_API_VERSION, 'Account')).items;
  }

  create(account: AccountResource): Promise<AccountResource> {
    return this.kube.create(account);
  }

  /** Read-modify-write without lost updates (see KubeClient.modify). */
  modify(
    username: string,
    mutate: (account: AccountResource) => AccountResource | undefined,
  ): Promise<AccountResource> {
    return this.kube.modify<AccountResource>(accountRef(username), mutate);
  }

  async delete(username: string): Promise<void> {
    await this.kube.delete(accountRef(username));
  }
}
