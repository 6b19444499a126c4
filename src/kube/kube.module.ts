import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { KubeCache } from './kube-cache';
import { KubeClient } from './kube-client';
import { KubeConnection } from './kube-connection';
import { cacheKubernetesKinds } from './cached-kinds';

@Injectable()
class KubeConnectionCloser implements OnApplicationShutdown {
  constructor(private readonly connection: KubeConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Injectable()
class KubeCacheStopper implements OnApplicationShutdown {
  constructor(private readonly cache: KubeCache) {}

  onApplicationShutdown(): void {
    this.cache.stop();
  }
}

/** Provides the connection and the service's own client; user clients come from `client.as(identity)`;
 * the read cache starts once bootstrap has made Berth's kinds exist. */
@Global()
@Module({
  providers: [
    {
      provide: KubeConnection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.kube) throw new Error('No Kubernetes connection configured');
        return KubeConnection.fromSource(config.kube, config.kubeRequestTimeoutMs);
      },
    },
    {
      provide: KubeClient,
      inject: [KubeConnection],
      useFactory: (connection: KubeConnection) => new KubeClient(connection),
    },
    {
      provide: KubeCache,
      inject: [KubeClient, APP_CONFIG],
      useFactory: (kube: KubeClient, config: AppConfig) => {
        const cache = new KubeCache(kube, config.cache);
        if (config.cache.enabled) cache.attach();
        cacheKubernetesKinds(cache);
        return cache;
      },
    },
    KubeCacheStopper,
    KubeConnectionCloser,
  ],
  exports: [KubeClient, KubeCache],
})
export class KubeModule {}
