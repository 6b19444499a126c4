import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../iam/access-rules';
import { Cluster } from './cluster.model';
import { ClusterService } from './cluster.service';

@ApiTags('cluster')
@ApiBearerAuth()
@Controller('cluster')
export class ClusterController {
  constructor(@Inject(ClusterService) private readonly clusters: ClusterService) {}

  @Get()
  @Access.authenticated()
  @ApiOkResponse({ type: Cluster })
  cluster(): Promise<Cluster> {
    return this.clusters.cluster();
  }
}
