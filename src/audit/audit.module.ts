import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditMiddleware } from './audit.middleware';
import { AuditResolver } from './audit.resolver';
import { AuditTrail } from './audit-trail.service';

/**
 * The audit trail of every change, on every transport (ADR 11). Global for one reason: Nest mounts
 * global modules' middleware first, and the trail's must be mounted before the request budget's
 * (AccessModule, global too, listed after this one), which answers over-budget GraphQL requests
 * itself: their mutations are recorded as refused.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditResolver],
  exports: [AuditTrail],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*');
  }
}
