import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { RequestRateMiddleware } from './request-rate.middleware';
import { RequestRates } from './request-rate.service';

/**
 * The one global guard: authentication (by auth's Passport), then each endpoint's declared access
 * rule in the scope it names. What a principal may do in a scope is AccessService's to say; how
 * many requests it may make, RequestRates'.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [AccessService, RequestRates, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessService, RequestRates],
})
export class AccessModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestRateMiddleware).forRoutes('*');
  }
}
