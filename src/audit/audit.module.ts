import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditMiddleware } from './audit.middleware';
import { AuditResolver } from './audit.resolver';
import { AuditTrail } from './audit-trail.service';

/** The audit trail of every change, on every transport (ADR 11). */
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
