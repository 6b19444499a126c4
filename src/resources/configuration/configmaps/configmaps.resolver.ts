import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../../iam/access-rules';
import { CurrentProject } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { ConfigMapDataInput, ConfigMapView, CreateConfigMapInput } from './configmap.model';
import { ConfigMapsService } from './configmaps.service';
import { NameArg } from '../../../common/validation/names';

const dryRun = { name: 'dryRun', type: () => Boolean, defaultValue: false };

@Resolver(() => ConfigMapView)
export class ConfigMapsResolver {
  constructor(@Inject(ConfigMapsService) private readonly service: ConfigMapsService) {}

  @Query(() => [ConfigMapView])
  @Access.project(Permission.CONFIG_VIEW)
  configMaps(
    @Args('project') _project: string,
    @CurrentProject() access: ProjectAccess,
    @Args('name', { type: () => String, nullable: true, description: 'Part of the name' }) name?: string,
  ): Promise<ConfigMapView[]> {
    return this.service.list(access, name);
  }

  @Query(() => ConfigMapView)
  @Access.project(Permission.CONFIG_VIEW)
  configMap(
    @Args('project') _project: string,
    @NameArg('name', 'configMap') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.get(access, name);
  }

  @Mutation(() => ConfigMapView)
  @Access.project(Permission.CONFIG_MANAGE)
  createConfigMap(
    @Args('project') _project: string,
    @Args('input') input: CreateConfigMapInput,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.create(access, input, dry);
  }

  @Mutation(() => ConfigMapView)
  @Access.project(Permission.CONFIG_MANAGE)
  updateConfigMap(
    @Args('project') _project: string,
    @NameArg('name', 'configMap') name: string,
    @Args('input') input: ConfigMapDataInput,
    @Args('resourceVersion', { description: 'As read; a change made meanwhile fails with CONFLICT' })
    resourceVersion: string,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.update(access, name, input, resourceVersion, dry);
  }

  @Mutation(() => ConfigMapView, { description: 'Answers what was deleted' })
  @Access.project(Permission.CONFIG_MANAGE)
  deleteConfigMap(
    @Args('project') _project: string,
    @NameArg('name', 'configMap') name: string,
    @Args('force', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Delete even while workloads use it',
    })
    force: boolean,
    @Args(dryRun) dry: boolean,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.delete(access, name, force, dry);
  }
}
