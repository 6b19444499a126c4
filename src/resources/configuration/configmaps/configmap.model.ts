import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { WorkloadUseView } from '../../../common/key-value-data';
import { IsDnsLabel } from '../../../common/validation/names';
import { KeyValue } from '../../../common/api/vocabulary';

@ObjectType('ConfigMap')
export class ConfigMapView {
  @Field() @ApiProperty() name!: string;
  @Field(() => [KeyValue]) @ApiProperty({ type: [KeyValue] }) data!: KeyValue[];
  @Field(() => [String], { description: 'Keys of binaryData (values not shown)' })
  @ApiProperty({ type: [String] })
  binaryKeys!: string[];
  @Field(() => [KeyValue]) @ApiProperty({ type: [KeyValue] }) labels!: KeyValue[];
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who created it through Berth' })
  @ApiPropertyOptional({ type: String, nullable: true })
  creator!: string | null;
  @Field({ description: 'Send it back with an update, so a change made meanwhile is not overwritten' })
  @ApiProperty()
  resourceVersion!: string;
  @Field(() => [WorkloadUseView]) @ApiProperty({ type: [WorkloadUseView] }) usedBy!: WorkloadUseView[];
}

@InputType()
export class ConfigMapDataInput {
  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  data!: KeyValue[];
  @Field(() => [KeyValue], { nullable: true, description: 'Replaces the labels when given' })
  @ApiPropertyOptional({ type: [KeyValue] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValue)
  labels?: KeyValue[];
}

@InputType()
export class CreateConfigMapInput extends ConfigMapDataInput {
  @Field() @ApiProperty() @IsDnsLabel(253) name!: string;
}
