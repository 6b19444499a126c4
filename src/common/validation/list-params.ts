import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging';
import { QueryInt, QueryString } from './field.decorators';

/** REST's paging parameters, the same on every list (GraphQL's: common/graphql/arguments.ts). */
export class PageQuery {
  @QueryInt({ default: DEFAULT_PAGE_SIZE, min: 1, max: MAX_PAGE_SIZE }) limit?: number;
  @QueryString({ maxLength: 1024, description: 'From the previous page (its `continue`)' }) continue?: string;
}

export class NameFilterParams extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  name?: string;
}
