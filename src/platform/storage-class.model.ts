import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

@ObjectType({ description: 'A class of storage that volume claims can ask for' })
export class StorageClass {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() provisioner!: string;
  @Field({ description: 'Claims without a class get this one' }) @ApiProperty() default!: boolean;
  @Field({ description: 'Claims of this class can be expanded' }) @ApiProperty() allowsExpansion!: boolean;
  @Field(() => String, { nullable: true, description: 'Delete or Retain: what happens to a released volume' })
  @ApiPropertyOptional({ type: String, nullable: true })
  reclaimPolicy!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Immediate or WaitForFirstConsumer (volumeBindingMode)',
  })
  @ApiPropertyOptional({ type: String, nullable: true })
  bindingMode!: string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
}
