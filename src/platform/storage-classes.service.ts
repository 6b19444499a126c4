import { STORAGE_CLASSES } from '../kube';
import { Injectable } from '@nestjs/common';
import { KubeClient, V1StorageClass } from '../kube';
import type { StorageClass } from './storage-class.model';
import { isDefaultClass } from '../kube/storage-classes';

/**
 * StorageClasses are cluster-scoped and tenants have no RBAC for them, so they are read with the
 * service's own identity; what they reveal (names, provisioners) is the same for every signed-in user.
 */
@Injectable()
export class StorageClassesService {
  constructor(private readonly kube: KubeClient) {}

  async list(): Promise<StorageClass[]> {
    return (await this.raw()).map(toStorageClass).sort((a, b) => a.name.localeCompare(b.name));
  }

  async raw(): Promise<V1StorageClass[]> {
    return (await this.kube.list(STORAGE_CLASSES)).items;
  }

  /** One class by name (null when it does not exist). */
  find(name: string): Promise<V1StorageClass | null> {
    return this.kube.find(STORAGE_CLASSES.ref(name));
  }
}

export function toStorageClass(sc: V1StorageClass): StorageClass {
  return {
    name: sc.metadata?.name ?? '',
    provisioner: sc.provisioner,
    default: isDefaultClass(sc),
    allowsExpansion: sc.allowVolumeExpansion === true,
    reclaimPolicy: sc.reclaimPolicy ?? null,
    bindingMode: sc.volumeBindingMode ?? null,
    createdAt: sc.metadata?.creationTimestamp ? new Date(sc.metadata.creationTimestamp) : null,
  };
}
