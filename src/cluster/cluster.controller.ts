import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Cluster } from './cluster.model';
import { ClusterService } from './cluster.service';

@ApiTags('cluster')
@Controller('cluster')
export class ClusterController {
  constructor(@Inject(ClusterService) private readonly clusters: ClusterService) {}

  @Get()
  @ApiOkResponse({ type: Cluster })
  cluster(): Promise<Cluster> {
    return this.clusters.cluster();
  }
}
