import { Global, Module } from '@nestjs/common';
import { AccountStore } from './account.store';
import { CredentialStore } from './credential.store';
import { IdentityService } from './identity.service';
import { LoginAttemptsStore } from './login-attempts.store';
import { MembershipCleanup } from './membership-cleanup.service';
import { TenancyStore } from './tenancy.store';

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
export class IamModule {}
