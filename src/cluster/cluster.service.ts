import { Inject, Injectable } from '@nestjs/common';
import { KubeClient, V1Node, V1StorageClass } from '../kube';
import { Cluster, ClusterNode, StorageClass } from './cluster.model';

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** Cluster-wide facts, read with the service's own identity (nodes are not a tenant's to list). */
@Injectable()
export class ClusterService {
  constructor(@Inject(KubeClient) private readonly kube: KubeClient) {}

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
    const list = await this.kube.list<V1Node>('v1', 'Node');
    return list.items.map(toNode).sort((a, b) => a.name.localeCompare(b.name));
  }

  async storageClasses(): Promise<StorageClass[]> {
    const list = await this.kube.list<V1StorageClass>('storage.k8s.io/v1', 'StorageClass');
    return list.items.map(toStorageClass).sort((a, b) => a.name.localeCompare(b.name));
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

export function toStorageClass(sc: V1StorageClass): StorageClass {
  const annotations = sc.metadata?.annotations ?? {};
  return {
    name: sc.metadata?.name ?? '',
    provisioner: sc.provisioner,
    default: DEFAULT_CLASS_ANNOTATIONS.some((a) => annotations[a] === 'true'),
    allowsExpansion: sc.allowVolumeExpansion === true,
    reclaimPolicy: sc.reclaimPolicy ?? null,
    bindingMode: sc.volumeBindingMode ?? null,
  };
}
