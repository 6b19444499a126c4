import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '../paging';
import { ObjectYaml, PageInfo } from './vocabulary';

/**
 * One page of a list, for both transports: `class StatefulSetConnection extends Paginated(StatefulSetView,
 * 'StatefulSet', 'Matching StatefulSets, all pages') {}` makes `StatefulSetEdge` and the connection's
 * fields once, instead of per resource.
 */
export function Paginated<T>(node: Type<T>, prefix: string, totalDescription: string): Type<Page<T>> {
  @ObjectType(`${prefix}Edge`)
  class Edge {
    @Field() @ApiProperty() cursor!: string;
    @Field(() => node) @ApiProperty({ type: node }) node!: T;
  }
  // The OpenAPI document names schemas by class name.
  Object.defineProperty(Edge, 'name', { value: `${prefix}Edge` });

  @ObjectType({ isAbstract: true })
  abstract class Connection implements Page<T> {
    @Field(() => Int, { description: totalDescription }) @ApiProperty() totalCount!: number;
    @Field(() => [Edge]) @ApiProperty({ type: [Edge] }) edges!: Edge[];
    @Field(() => PageInfo) @ApiProperty({ type: PageInfo }) pageInfo!: PageInfo;
  }
  return Connection as Type<Page<T>>;
}

/** What every change answers; each resource adds the object as it is after the change. */
@ObjectType({ isAbstract: true })
export abstract class ChangeOutcome {
  @Field() @ApiProperty() dryRun!: boolean;
  @Field(() => [ObjectYaml], {
    description: 'What was written (or validated by the API server, in a dry run)',
  })
  @ApiProperty({ type: [ObjectYaml] })
  objects!: ObjectYaml[];
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) message!:
    string | null;
}
