import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ImagesModule } from '../images/images.module';
import { StatefulSetsModule } from '../resources/workloads/statefulsets/statefulsets.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { UsersModule } from '../users/users.module';
import { KsMembersController } from './ks-members.controller';
import { KsMonitoringController } from './ks-monitoring.controller';
import { KsNamespaces } from './ks-namespaces';
import { KsResourcesController } from './ks-resources.controller';
import { KsTenancyController } from './ks-tenancy.controller';
import { KsWorkloadsController } from './ks-workloads.controller';
import { KubeSphereSessionController } from './kubesphere-session.controller';

/** KubeSphere 3.4's own endpoints that its console needs to run on Berth (`<Berth>/kube/...`). */
@Module({
  imports: [AuthModule, TenancyModule, UsersModule, StatefulSetsModule, ImagesModule],
  controllers: [
    KubeSphereSessionController,
    KsResourcesController,
    KsTenancyController,
    KsMembersController,
    KsWorkloadsController,
    KsMonitoringController,
  ],
  providers: [KsNamespaces],
})
export class KubeSphereModule {}
