import { type FactoryProvider, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ImagesController } from './images.controller';
import { ImagesResolver } from './images.resolver';
import { ImagesService } from './images.service';
import { IMAGE_REGISTRY, type ImageRegistry, RegistryClient } from './registry-client';

/** The registry client of the configuration; Nest closes its connection pools at shutdown. */
const registryClient: FactoryProvider<ImageRegistry> = {
  provide: IMAGE_REGISTRY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new RegistryClient({ timeoutMs: config.registryTimeoutMs, registries: config.registries }),
};

@Module({
  controllers: [ImagesController],
  providers: [registryClient, ImagesService, ImagesResolver],
  exports: [ImagesService],
})
export class ImagesModule {}
