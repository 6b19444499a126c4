import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

@ObjectType({ description: 'A node of the cluster' })
export class ClusterNode {
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'The node reports Ready' }) @ApiProperty() ready!: boolean;
  @Field({ description: 'Allocatable CPU (Kubernetes quantity)' }) @ApiProperty() cpu!: string;
  @Field({ description: 'Allocatable memory (Kubernetes quantity)' }) @ApiProperty() memory!: string;
}

@ObjectType({ description: 'A class of storage that volume claims can ask for' })
export class StorageClass {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() provisioner!: string;
  @Field({ description: 'Claims without a class get this one' }) @ApiProperty() default!: boolean;
  @Field({ description: 'Claims of this class can be expanded' }) @ApiProperty() allowsExpansion!: boolean;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  reclaimPolicy!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  bindingMode!: string | null;
}

@ObjectType({ description: 'The Kubernetes cluster Berth runs workloads on' })
export class Cluster {
  @Field({ description: 'Kubernetes version of the API server' }) @ApiProperty() version!: string;
  @Field(() => [ClusterNode]) @ApiProperty({ type: [ClusterNode] }) nodes!: ClusterNode[];
  @Field(() => [StorageClass]) @ApiProperty({ type: [StorageClass] }) storageClasses!: StorageClass[];
}
