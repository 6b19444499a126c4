import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import { gauge, METRICS } from '../common/metrics/metrics';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { KubeCache } from '../kube';
import { LiveConnections } from '../live/live-connections';

/**
 * Prometheus' `/metrics` on a listener of its own (BERTH_METRICS_PORT, on Berth's host), so that
 * what the API serves and what a scraper reads are apart: a NetworkPolicy can open one and not the
 * other, and no API token is needed to scrape.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: KubeCache,
    private readonly live: LiveConnections,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    gauge('berth_cache_objects', 'Objects the read cache holds, by kind', ['kind'], (g) => {
      for (const kind of this.cache.health()) g.set({ kind: kind.kind }, kind.objects);
    });
    gauge(
      'berth_cache_synced',
      'Whether each kind of the read cache is synced (1) or not (0)',
      ['kind'],
      (g) => {
        for (const kind of this.cache.health()) g.set({ kind: kind.kind }, kind.synced ? 1 : 0);
      },
    );
    gauge(
      'berth_live_connections',
      'Open live connections (WebSockets and streams) on this replica',
      [],
      (g) => g.set(this.live.open),
    );
    const port = this.config.metricsPort;
    if (port === null) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /metrics\n');
        return;
      }
      METRICS.metrics().then(
        (text) => res.writeHead(200, { 'content-type': METRICS.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.host, resolve);
    });
    this.server = server;
    this.logger.log(`Metrics on http://${this.config.host}:${port}/metrics`);
  }

  /** The port it listens on (tests ask for port 0). */
  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
