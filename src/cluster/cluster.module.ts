import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { ClusterController } from './cluster.controller';
import { ClusterResolver } from './cluster.resolver';
import { ClusterService } from './cluster.service';

@Module({
  imports: [StorageModule],
  controllers: [ClusterController],
  providers: [ClusterService, ClusterResolver],
  exports: [ClusterService],
})
export class ClusterModule {}
