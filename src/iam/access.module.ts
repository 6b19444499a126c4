import { Global, Module } from '@nestjs/common';
import { TenancyStore } from '../tenancy/tenancy.store';
import { AccessService } from './access.service';
import { AccountStore } from './account.store';
import { CredentialStore } from './credential.store';
import { LoginAttemptsStore } from './login-attempts.store';
import { IdentityService } from './identity.service';

/** What the AccessGuard needs to decide: accounts, the tenancy model, the roles table. */
@Global()
@Module({
  providers: [
    AccountStore,
    CredentialStore,
    LoginAttemptsStore,
    TenancyStore,
    IdentityService,
    AccessService,
  ],
  exports: [AccountStore, CredentialStore, LoginAttemptsStore, TenancyStore, IdentityService, AccessService],
})
export class AccessModule {}
