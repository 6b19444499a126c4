import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../iam/access-rules';
import { KubeCache, KubeClient } from '../kube';

/** Probes for orchestrators. Deliberately outside /api/v1 and free of authentication. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly kube: KubeClient,
    private readonly cache: KubeCache,
  ) {}

  /** The process is alive and serving HTTP. */
  @Get('healthz')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP' })
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Alive' })
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Berth can do useful work: the Kubernetes API server is reachable and ready, and the read cache
   * has synced every kind and has not been without a watch for longer than BERTH_CACHE_STALE_AFTER_MS.
   */
  @Get('readyz')
  @ApiOperation({ summary: 'Readiness: the Kubernetes API server is reachable and the read cache current' })
  @Public()
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({
    description:
      'The Kubernetes API server is not reachable, or the read cache is not synced or has lost its watch',
  })
  async readyz(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'unavailable' }> {
    const ready = this.cache.ready && (await this.kube.ready());
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'unavailable' };
  }
}
