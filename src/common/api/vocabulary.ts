import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Words both transports share: key/value pairs, sort direction, an object as YAML. */
@InputType('KeyValueInput')
@ObjectType('KeyValue')
export class KeyValue {
  @Field() @ApiProperty() @IsString() @MinLength(1) @MaxLength(316) key!: string;
  @Field() @ApiProperty() @IsString() @MaxLength(65536) value!: string;
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType({ description: 'An object Berth wrote (or, in a dry run, would write), as YAML' })
export class ObjectYaml {
  @Field() @ApiProperty() kind!: string;
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() yaml!: string;
}

/** What happened to an object a subscription or change stream follows. */
export enum ChangeType {
  ADDED = 'ADDED',
  MODIFIED = 'MODIFIED',
  REMOVED = 'REMOVED',
}

registerEnumType(ChangeType, {
  name: 'ChangeType',
  description: 'What happened to an object a subscription follows (REMOVED: gone, or no longer matching)',
});
