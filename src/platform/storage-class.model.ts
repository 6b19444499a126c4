import { pagesOf } from '../common/api/paginated';
import { ObjectType } from '@nestjs/graphql';
import {
  BooleanField,
  NullableDateField,
  NullableStringField,
  StringField,
} from '../common/api/output-field.decorators';

@ObjectType({ description: 'A class of storage that volume claims can ask for' })
export class StorageClass {
  @StringField() name!: string;
  @StringField() provisioner!: string;
  @BooleanField({ description: 'Claims without a class get this one' }) default!: boolean;
  @BooleanField({ description: 'Claims of this class can be expanded' }) allowsExpansion!: boolean;
  @NullableStringField({ description: 'Delete or Retain: what happens to a released volume' })
  reclaimPolicy!: string | null;
  @NullableStringField({ description: 'Immediate or WaitForFirstConsumer (volumeBindingMode)' })
  bindingMode!: string | null;
  @NullableDateField() createdAt!: Date | null;
}

export const STORAGE_CLASS_PAGES = pagesOf(StorageClass, 'StorageClass', 'storage classes');
