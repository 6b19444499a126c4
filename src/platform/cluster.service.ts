import { NODES } from '../kube';
import { Injectable } from '@nestjs/common';
import { KubeClient, V1Node } from '../kube';
import type { StorageClass } from './storage-class.model';
import { StorageClassesService } from './storage-classes.service';
import { Cluster, ClusterNode } from './cluster.model';

/** Cluster-wide facts, read with the service's own identity (nodes are not a tenant's to list). */
@Injectable()
export class ClusterService {
  constructor(
    private readonly kube: KubeClient,
    private readonly classes: StorageClassesService,
  ) {}

  async cluster(): Promise<Cluster> {
    const [version, nodes, storageClasses] = await Promise.all([
      this.version(),
      this.nodes(),
      this.storageClasses(),
    ]);
    return { version, nodes, storageClasses };
  }

  async version(): Promise<string> {
    return (await this.kube.version()).gitVersion;
  }

  async nodes(): Promise<ClusterNode[]> {
    const list = await this.kube.list(NODES);
    return list.items.map(toNode).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The same list as the `storageClasses` query (src/storage). */
  storageClasses(): Promise<StorageClass[]> {
    return this.classes.list();
  }
}

export function toNode(node: V1Node): ClusterNode {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const allocatable = node.status?.allocatable ?? node.status?.capacity ?? {};
  return {
    name: node.metadata?.name ?? '',
    ready,
    cpu: allocatable.cpu ?? '0',
    memory: allocatable.memory ?? '0',
  };
}
