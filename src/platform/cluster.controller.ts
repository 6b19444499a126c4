import { Operation } from '../common/http/api-operation';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../iam/access-rules';
import { Cluster } from './cluster.model';
import { ClusterService } from './cluster.service';

@ApiTags('cluster')
@Controller('cluster')
export class ClusterController {
  constructor(private readonly clusters: ClusterService) {}

  @Get()
  @Operation('The cluster: version, nodes and their capacity', { type: Cluster })
  @Access.authenticated()
  cluster(): Promise<Cluster> {
    return this.clusters.cluster();
  }
}
