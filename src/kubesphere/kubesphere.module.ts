import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { KsNamespaces } from './ks-namespaces';
import { KsResourcesController } from './ks-resources.controller';
import { KsTenancyController } from './ks-tenancy.controller';
import { UsersModule } from '../users/users.module';
import { KubeSphereSessionController } from './kubesphere-session.controller';

/** KubeSphere 3.4's own endpoints that its console needs to run on Berth (`<Berth>/kube/...`). */
@Module({
  imports: [AuthModule, TenancyModule, UsersModule],
  controllers: [KubeSphereSessionController, KsResourcesController, KsTenancyController],
  providers: [KsNamespaces],
})
export class KubeSphereModule {}
