import { Module } from '@nestjs/common';
import { ClusterController } from './cluster.controller';
import { ClusterResolver } from './cluster.resolver';
import { ClusterService } from './cluster.service';

@Module({
  controllers: [ClusterController],
  providers: [ClusterService, ClusterResolver],
  exports: [ClusterService],
})
export class ClusterModule {}
