import { Module } from '@nestjs/common';
import { KubeApiController } from './kube-api.controller';
import { KubeApiService } from './kube-api.service';

/** The Kubernetes API path for signed-in users (`/kube/api`, `/kube/apis`). */
@Module({
  controllers: [KubeApiController],
  providers: [KubeApiService],
})
export class KubeApiModule {}
