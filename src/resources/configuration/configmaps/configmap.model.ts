import { InputType, ObjectType } from '@nestjs/graphql';
import { WorkloadUseView } from '../../../common/key-value-data';
import {
  ValidateDnsLabel,
  ValidateLabelsUpdate,
  ValidateNested,
} from '../../../common/validation/field.decorators';
import {
  ListField,
  NullableDateField,
  NullableStringField,
  StringField,
} from '../../../common/api/output-field.decorators';
import { KeyValue } from '../../../common/api/vocabulary';

@ObjectType('ConfigMap')
export class ConfigMapView {
  @StringField() name!: string;
  @ListField(KeyValue) data!: KeyValue[];
  @ListField(String, { description: 'Keys of binaryData (values not shown)' }) binaryKeys!: string[];
  @ListField(KeyValue) labels!: KeyValue[];
  @NullableDateField() createdAt!: Date | null;
  @NullableStringField({ description: 'Who created it through Berth' }) creator!: string | null;
  @StringField({ description: 'Send it back with an update, so a change made meanwhile is not overwritten' })
  resourceVersion!: string;
  @ListField(WorkloadUseView) usedBy!: WorkloadUseView[];
}

@InputType()
export class ConfigMapDataInput {
  @ValidateNested(KeyValue, { each: true, isArray: true, maxItems: 1000 }) data!: KeyValue[];
  @ValidateLabelsUpdate()
  labels?: KeyValue[];
}

@InputType()
export class CreateConfigMapInput extends ConfigMapDataInput {
  @ValidateDnsLabel({ max: 253 }) name!: string;
}
