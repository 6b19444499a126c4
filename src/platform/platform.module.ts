import { Module } from '@nestjs/common';
import { ClusterController } from './cluster.controller';
import { ClusterResolver } from './cluster.resolver';
import { ClusterService } from './cluster.service';
import { StorageClassesController } from './storage-classes.controller';
import { StorageClassesResolver } from './storage-classes.resolver';
import { StorageClassesService } from './storage-classes.service';

/** What every signed-in user may know of the platform: its version, nodes and storage classes. */
@Module({
  controllers: [ClusterController, StorageClassesController],
  providers: [ClusterService, ClusterResolver, StorageClassesService, StorageClassesResolver],
  exports: [ClusterService, StorageClassesService],
})
export class PlatformModule {}
