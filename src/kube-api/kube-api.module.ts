import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { KubeApiController } from './kube-api.controller';
import { KubeApiService } from './kube-api.service';
import { KubeApiSockets } from './kube-api-sockets';

/** The Kubernetes API path for signed-in users (`/kube/api`, `/kube/apis`). */
@Module({
  // Its WebSockets sign in with the same Authenticator as every request.
  imports: [AuthModule],
  controllers: [KubeApiController],
  providers: [KubeApiService, KubeApiSockets],
})
export class KubeApiModule {}
