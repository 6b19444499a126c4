import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../../../common/graphql/arguments';
import { type Page, paginate } from '../../../common/paging';
import { DryRunArg, ForceArg, ResourceVersionArg } from '../../../common/graphql/arguments';
import {} from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../../iam/access-rules';
import { ProjectScope } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { CreateSecretInput, SECRET_PAGES, SecretDataInput, SecretValues, SecretView } from './secret.model';
import { SecretsService } from './secrets.service';
import { NameArg } from '../../../common/validation/names';

@Resolver(() => SecretView)
export class SecretsResolver {
  constructor(private readonly service: SecretsService) {}

  @Query(() => SECRET_PAGES.connection, { description: 'Keys only, never values' })
  @Access.project(Permission.CONFIG_VIEW)
  async secrets(
    @ProjectScope() access: ProjectAccess,
    @Args('name', { type: () => String, nullable: true, description: 'Part of the name' }) name?: string,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<SecretView>> {
    return paginate(await this.service.list(access, name), pageRequest(first, after, last, before));
  }

  @Query(() => SecretView, { description: 'Keys only, never values' })
  @Access.project(Permission.CONFIG_VIEW)
  secret(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'secret') name: string,
  ): Promise<SecretView> {
    return this.service.get(access, name);
  }

  @Query(() => SecretValues, { description: 'The values: project-admin and project-regular only' })
  @Access.project(Permission.SECRET_VALUES_VIEW)
  secretValues(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'secret') name: string,
  ): Promise<SecretValues> {
    return this.service.values(access, name);
  }

  @Mutation(() => SecretView)
  @Access.project(Permission.CONFIG_MANAGE)
  createSecret(
    @ProjectScope() access: ProjectAccess,
    @Args('input') input: CreateSecretInput,
    @DryRunArg() dry: boolean,
  ): Promise<SecretView> {
    return this.service.create(access, input, dry);
  }

  @Mutation(() => SecretView)
  @Access.project(Permission.CONFIG_MANAGE)
  updateSecret(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'secret') name: string,
    @Args('input') input: SecretDataInput,
    @ResourceVersionArg() resourceVersion: string,
    @DryRunArg() dry: boolean,
  ): Promise<SecretView> {
    return this.service.update(access, name, input, resourceVersion, dry);
  }

  @Mutation(() => SecretView, { description: 'Answers what was deleted (keys only)' })
  @Access.project(Permission.CONFIG_MANAGE)
  deleteSecret(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'secret') name: string,
    @ForceArg() force: boolean,
    @DryRunArg() dry: boolean,
  ): Promise<SecretView> {
    return this.service.delete(access, name, force, dry);
  }
}
