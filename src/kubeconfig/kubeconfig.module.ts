import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module';
import { UsersModule } from '../users/users.module';
import { KubeconfigController } from './kubeconfig.controller';
import { KubeconfigResolver } from './kubeconfig.resolver';
import { KubeconfigService } from './kubeconfig.service';

/** Kubeconfigs for Berth's Kubernetes API path: a user's token and projects, so above both features. */
@Module({
  imports: [UsersModule, TenancyModule],
  controllers: [KubeconfigController],
  providers: [KubeconfigService, KubeconfigResolver],
})
export class KubeconfigModule {}
