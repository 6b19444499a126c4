import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { KubeSphereSessionController } from './kubesphere-session.controller';

/** KubeSphere 3.4's own endpoints that its console needs to run on Berth (`<Berth>/kube/...`). */
@Module({
  imports: [AuthModule],
  controllers: [KubeSphereSessionController],
})
export class KubeSphereModule {}
