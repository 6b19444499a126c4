import { pagesOf } from '../../../common/api/paginated';
import { InputType, ObjectType } from '@nestjs/graphql';
import { ConfigObjectView } from '../../../common/key-value-data';
import {
  ValidateDnsLabel,
  ValidateLabelsUpdate,
  ValidateNested,
} from '../../../common/validation/field.decorators';
import { ListField, StringField } from '../../../common/api/output-field.decorators';
import { KeyValue } from '../../../common/api/vocabulary';

@ObjectType('ConfigMap')
export class ConfigMapView extends ConfigObjectView {
  @StringField() name!: string;
  @ListField(KeyValue) data!: KeyValue[];
  @ListField(String, { description: 'Keys of binaryData (values not shown)' }) binaryKeys!: string[];
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

export const CONFIG_MAP_PAGES = pagesOf(ConfigMapView, 'ConfigMap');
