import { Module } from '@nestjs/common';
import { ConfigMapsController } from './configmaps.controller';
import { ConfigMapsResolver } from './configmaps.resolver';
import { ConfigMapsService } from './configmaps.service';

@Module({
  providers: [ConfigMapsService, ConfigMapsResolver],
  controllers: [ConfigMapsController],
  exports: [ConfigMapsService],
})
export class ConfigMapsModule {}
