import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../common/graphql/arguments';
import { type Page, paginate } from '../common/paging';
import {} from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../iam/access-rules';
import { STORAGE_CLASS_PAGES, StorageClass } from './storage-class.model';
import { StorageClassesService } from './storage-classes.service';

@Resolver(() => StorageClass)
export class StorageClassesResolver {
  constructor(private readonly classes: StorageClassesService) {}

  @Query(() => STORAGE_CLASS_PAGES.connection, {
    description: 'The storage classes volumes can ask for, by name',
  })
  @Access.authenticated()
  async storageClasses(
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<StorageClass>> {
    return paginate(await this.classes.list(), pageRequest(first, after, last, before));
  }
}
