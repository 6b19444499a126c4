import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ListPage, Page } from '../paging';
import { ObjectYaml } from './vocabulary';

/** The Relay connection spec's PageInfo: where the page is, both ways. GraphQL only. */
@ObjectType({ description: 'Where a page is in its list: more after it, more before it, and its ends' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `before` for the page before' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the page after' })
  endCursor!: string | null;
}

/**
 * The two shapes of one page of a list, made once per resource instead of by hand:
 * `const STATEFUL_SET_PAGES = pagesOf(StatefulSetView, 'StatefulSet')` makes GraphQL's
 * `StatefulSetConnection` and `StatefulSetEdge` (Relay) and REST's `StatefulSetList`
 * (`{items, continue, totalItems}`). Services answer a Page; REST turns it into a ListPage (listPage).
 */
export function pagesOf<T>(
  node: Type<T>,
  prefix: string,
  plural = `${prefix}s`,
): { connection: Type<Page<T>>; list: Type<ListPage<T>> } {
  @ObjectType(`${prefix}Edge`)
  class Edge {
    @Field({ description: 'Pass as `after` (or `before`) to page from here' }) cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${prefix}Connection`, { description: `A page of ${plural} (the Relay connection spec)` })
  class Connection implements Page<T> {
    @Field(() => Int, { description: `Matching ${plural}, all pages` }) totalCount!: number;
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: "The edges' nodes, when their cursors are not needed" }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }

  class List implements ListPage<T> {
    @ApiProperty({ type: [node] }) items!: T[];
    @ApiPropertyOptional({
      type: String,
      nullable: true,
      description: 'Pass as `continue` for the next page; null on the last page',
    })
    continue!: string | null;
    @ApiProperty({ description: `Matching ${plural}, all pages` }) totalItems!: number;
  }
  // The OpenAPI document names schemas by class name.
  Object.defineProperty(List, 'name', { value: `${prefix}List` });
  return { connection: Connection, list: List };
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
