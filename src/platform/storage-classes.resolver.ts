import {} from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../iam/access-rules';
import { StorageClass } from './storage-class.model';
import { StorageClassesService } from './storage-classes.service';

@Resolver(() => StorageClass)
export class StorageClassesResolver {
  constructor(private readonly classes: StorageClassesService) {}

  @Query(() => [StorageClass], { description: 'The storage classes volumes can ask for, by name' })
  @Access.authenticated()
  storageClasses(): Promise<StorageClass[]> {
    return this.classes.list();
  }
}
