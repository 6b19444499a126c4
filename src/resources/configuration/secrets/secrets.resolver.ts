import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../../iam/access-rules';
import { CurrentProject } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { CreateSecretInput, SecretDataInput, SecretValues, SecretView } from './secret.model';
import { SecretsService } from './secrets.service';
import { NameArg } from '../../../common/validation/names';

const dryRun = { name: 'dryRun', type: () => Boolean, defaultValue: false };

@Resolver(() => SecretView)
export class SecretsResolver {
  constructor(@Inject(SecretsService) private readonly service: SecretsService) {}

  @Query(() => [SecretView], { description: 'Keys only, never values' })
  @Access.project(Permission.CONFIG_VIEW)
  secrets(
    @Args('project') _project: string,
    @CurrentProject() access: ProjectAccess,
    @Args('name', { type: () => String, nullable: true, description: 'Part of the name' }) name?: string,
  ): Promise<SecretView[]> {
    return this.service.list(access, name);
  }

  @Query(() => SecretView, { description: 'Keys only, never values' })
  @Access.project(Permission.CONFIG_VIEW)
  secret(
    @Args('project') _project: string,
    @NameArg('name', 'secret') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.get(access, name);
  }

  @Query(() => SecretValues, { description: 'The values: project-admin and project-regular only' })
  @Access.project(Permission.SECRET_VALUES_VIEW)
  secretValues(
    @Args('project') _project: string,
    @NameArg('name', 'secret') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretValues> {
    return this.service.values(access, name);
  }

  @Mutation(() => SecretView)
  @Access.project(Permission.CONFIG_MANAGE)
  createSecret(
    @Args('project') _project: string,
    @Args('input') input: CreateSecretInput,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.create(access, input, dry);
  }

  @Mutation(() => SecretView)
  @Access.project(Permission.CONFIG_MANAGE)
  updateSecret(
    @Args('project') _project: string,
    @NameArg('name', 'secret') name: string,
    @Args('input') input: SecretDataInput,
    @Args('resourceVersion', { description: 'As read; a change made meanwhile fails with CONFLICT' })
    resourceVersion: string,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.update(access, name, input, resourceVersion, dry);
  }

  @Mutation(() => SecretView, { description: 'Answers what was deleted (keys only)' })
  @Access.project(Permission.CONFIG_MANAGE)
  deleteSecret(
    @Args('project') _project: string,
    @NameArg('name', 'secret') name: string,
    @Args('force', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Delete even while workloads use it',
    })
    force: boolean,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.delete(access, name, force, dry);
  }
}
