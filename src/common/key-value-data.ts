import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { FieldError } from './errors/domain-error';
import {
  ListField,
  NullableDateField,
  NullableStringField,
  StringField,
} from './api/output-field.decorators';
import { KeyValue } from './api/vocabulary';

/** Key/value data of ConfigMaps and Secrets: the checks Kubernetes makes, reported per field. */

const KEY = /^[-._a-zA-Z0-9]+$/;
/** The API server's limit for one object; checked here so the error names the field. */
export const MAX_DATA_BYTES = 1024 * 1024;

export interface KeyValuePair {
  key: string;
  value: string;
}

export function dataProblems(data: readonly KeyValuePair[], path: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  data.forEach(({ key, value }, i) => {
    if (!KEY.test(key) || key === '.' || key === '..' || key.length > 253)
      problems.push({
        path: `${path}[${i}].key`,
        message: 'must be at most 253 letters, digits, "-", "_" or "." (and not "." or "..")',
      });
    else if (seen.has(key)) problems.push({ path: `${path}[${i}].key`, message: `"${key}" appears twice` });
    seen.add(key);
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  });
  if (bytes > MAX_DATA_BYTES) problems.push({ path, message: 'must hold at most 1 MiB in all' });
  return problems;
}

export const toRecord = (data: readonly KeyValuePair[], encode: (v: string) => string = (v) => v) =>
  Object.fromEntries(data.map(({ key, value }) => [key, encode(value)]));

export const fromRecord = (
  record: Record<string, string> | undefined,
  decode: (v: string) => string = (v) => v,
) =>
  Object.entries(record ?? {})
    .map(([key, value]) => ({ key, value: decode(value) }))
    .sort((a, b) => compareKeys(a.key, b.key));

/** Code-unit order, as Kubernetes sorts map keys: the same on every machine, whatever its locale. */
export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
export const unbase64 = (value: string) => Buffer.from(value, 'base64').toString('utf8');

@ObjectType('WorkloadUse', { description: 'A workload whose pod template uses the object' })
export class WorkloadUseView {
  @Field() @ApiProperty() kind!: string;
  @Field() @ApiProperty() name!: string;
}

/** What ConfigMaps and Secrets show alike: labels, provenance, the version to send back, who uses them. */
@ObjectType({ isAbstract: true })
export abstract class ConfigObjectView {
  @ListField(KeyValue) labels!: KeyValue[];
  @NullableDateField() createdAt!: Date | null;
  @NullableStringField({ description: 'Who created it through Berth' }) creator!: string | null;
  @StringField({ description: 'Send it back with an update, so a change made meanwhile is not overwritten' })
  resourceVersion!: string;
  @ListField(WorkloadUseView) usedBy!: WorkloadUseView[];
}
