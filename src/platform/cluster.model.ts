import { ObjectType } from '@nestjs/graphql';
import { BooleanField, ListField, StringField } from '../common/api/output-field.decorators';
import { StorageClass } from './storage-class.model';

@ObjectType({ description: 'A node of the cluster' })
export class ClusterNode {
  @StringField() name!: string;
  @BooleanField({ description: 'The node reports Ready' }) ready!: boolean;
  @StringField({ description: 'Allocatable CPU (Kubernetes quantity)' }) cpu!: string;
  @StringField({ description: 'Allocatable memory (Kubernetes quantity)' }) memory!: string;
}

@ObjectType({ description: 'The Kubernetes cluster Berth runs workloads on' })
export class Cluster {
  @StringField({ description: 'Kubernetes version of the API server' }) version!: string;
  @ListField(ClusterNode) nodes!: ClusterNode[];
  @ListField(StorageClass) storageClasses!: StorageClass[];
}
