import { Module } from '@nestjs/common';
import { VolumeQueries } from './volume-queries.service';
import { VolumesController } from './volumes.controller';
import { VolumesResolver } from './volumes.resolver';
import { VolumesService } from './volumes.service';

/** The volumes (PersistentVolumeClaims) of projects. */
@Module({
  controllers: [VolumesController],
  providers: [VolumeQueries, VolumesService, VolumesResolver],
})
export class StorageModule {}
