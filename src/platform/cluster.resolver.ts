import {} from '@nestjs/common';
import { Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../iam/access-rules';
import { StorageClass } from './storage-class.model';
import { Cluster, ClusterNode } from './cluster.model';
import { ClusterService } from './cluster.service';

/** Each field is fetched only when asked for. */
@Resolver(() => Cluster)
export class ClusterResolver {
  constructor(private readonly clusters: ClusterService) {}

  @Query(() => Cluster, { description: 'The Kubernetes cluster Berth runs on' })
  @Access.authenticated()
  cluster(): Partial<Cluster> {
    return {};
  }

  @ResolveField(() => String)
  version(): Promise<string> {
    return this.clusters.version();
  }

  @ResolveField(() => [ClusterNode])
  nodes(): Promise<ClusterNode[]> {
    return this.clusters.nodes();
  }

  @ResolveField(() => [StorageClass])
  storageClasses(): Promise<StorageClass[]> {
    return this.clusters.storageClasses();
  }
}
