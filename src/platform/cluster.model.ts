import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { StorageClass } from './storage-class.model';

@ObjectType({ description: 'A node of the cluster' })
export class ClusterNode {
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'The node reports Ready' }) @ApiProperty() ready!: boolean;
  @Field({ description: 'Allocatable CPU (Kubernetes quantity)' }) @ApiProperty() cpu!: string;
  @Field({ description: 'Allocatable memory (Kubernetes quantity)' }) @ApiProperty() memory!: string;
}

@ObjectType({ description: 'The Kubernetes cluster Berth runs workloads on' })
export class Cluster {
  @Field({ description: 'Kubernetes version of the API server' }) @ApiProperty() version!: string;
  @Field(() => [ClusterNode]) @ApiProperty({ type: [ClusterNode] }) nodes!: ClusterNode[];
  @Field(() => [StorageClass]) @ApiProperty({ type: [StorageClass] }) storageClasses!: StorageClass[];
}
