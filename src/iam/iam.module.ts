import { Global, Inject, Module } from '@nestjs/common';
import { KubeCache } from '../kube';
import { AccountStore } from './account.store';
import { CredentialStore } from './credential.store';
import { IdentityService } from './identity.service';
import { LoginAttemptsStore } from './login-attempts.store';
import { MembershipCleanup } from './membership-cleanup.service';
import { TenancyStore } from './tenancy.store';
import { ACCOUNTS, API_TOKENS, SESSIONS, WORKSPACE_MEMBERS, WORKSPACES } from './resources';

const STORES = [
  AccountStore,
  CredentialStore,
  LoginAttemptsStore,
  TenancyStore,
  IdentityService,
  MembershipCleanup,
];

/** The identity model as the cluster stores it: accounts and their credentials, workspaces and memberships. */
@Global()
@Module({ providers: STORES, exports: STORES })
export class IamModule {
  constructor(@Inject(KubeCache) cache: KubeCache) {
    // Read on every request (who the caller is, what they are a member of). Credentials just made
    // through another replica must not be refused, so their misses ask the API server. Login
    // attempts are not cached: the lockout counts them exactly, from the API server.
    cache.cache(ACCOUNTS, { confirmMisses: true });
    cache.cache(SESSIONS, { confirmMisses: true });
    cache.cache(API_TOKENS, { confirmMisses: true });
    cache.cache(WORKSPACES);
    cache.cache(WORKSPACE_MEMBERS);
  }
}
