import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { KubeClient } from './kube-client';
import { KubeConnection } from './kube-connection';

@Injectable()
class KubeConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(KubeConnection) private readonly connection: KubeConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Provides the connection and the service's own client; user clients come from `client.as(identity)`. */
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
    KubeConnectionCloser,
  ],
  exports: [KubeClient],
})
export class KubeModule {}
