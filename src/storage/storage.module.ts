import { Module } from '@nestjs/common';
import { StorageClassesController } from './storage-classes.controller';
import { StorageClassesResolver } from './storage-classes.resolver';
import { StorageClassesService } from './storage-classes.service';
import { VolumeQueries } from './volume-queries.service';
import { VolumesController } from './volumes.controller';
import { VolumesResolver } from './volumes.resolver';
import { VolumesService } from './volumes.service';

/** Storage classes (cluster-wide) and the volumes (PersistentVolumeClaims) of projects. */
@Module({
  controllers: [StorageClassesController, VolumesController],
  providers: [StorageClassesService, StorageClassesResolver, VolumeQueries, VolumesService, VolumesResolver],
  exports: [StorageClassesService],
})
export class StorageModule {}
