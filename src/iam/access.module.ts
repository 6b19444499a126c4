import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TenancyStore } from '../tenancy/tenancy.store';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { AccountStore } from './account.store';
import { IdentityService } from './identity.service';

/** The global AccessGuard and what it needs to decide: accounts, the tenancy model, the roles table. */
@Global()
@Module({
  providers: [
    AccountStore,
    TenancyStore,
    IdentityService,
    AccessService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountStore, TenancyStore, IdentityService, AccessService],
})
export class AccessModule {}
