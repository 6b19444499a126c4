import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/**
 * The one global guard: authentication (by auth's Passport), then each endpoint's declared access
 * rule in the scope it names. What a principal may do in a scope is AccessService's to say.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [AccessService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessService],
})
export class AccessModule {}
