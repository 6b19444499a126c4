import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../../../common/graphql/arguments';
import { type Page, paginate } from '../../../common/paging';
import { DryRunArg, ForceArg, ResourceVersionArg } from '../../../common/graphql/arguments';
import {} from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../../iam/access-rules';
import { ProjectScope } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { CONFIG_MAP_PAGES, ConfigMapDataInput, ConfigMapView, CreateConfigMapInput } from './configmap.model';
import { ConfigMapsService } from './configmaps.service';
import { NameArg } from '../../../common/validation/names';

@Resolver(() => ConfigMapView)
export class ConfigMapsResolver {
  constructor(private readonly service: ConfigMapsService) {}

  @Query(() => CONFIG_MAP_PAGES.connection)
  @Access.project(Permission.CONFIG_VIEW)
  async configMaps(
    @ProjectScope() access: ProjectAccess,
    @Args('name', { type: () => String, nullable: true, description: 'Part of the name' }) name?: string,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<ConfigMapView>> {
    return paginate(await this.service.list(access, name), pageRequest(first, after, last, before));
  }

  @Query(() => ConfigMapView)
  @Access.project(Permission.CONFIG_VIEW)
  configMap(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'configMap') name: string,
  ): Promise<ConfigMapView> {
    return this.service.get(access, name);
  }

  @Mutation(() => ConfigMapView)
  @Access.project(Permission.CONFIG_MANAGE)
  createConfigMap(
    @ProjectScope() access: ProjectAccess,
    @Args('input') input: CreateConfigMapInput,
    @DryRunArg() dry: boolean,
  ): Promise<ConfigMapView> {
    return this.service.create(access, input, dry);
  }

  @Mutation(() => ConfigMapView)
  @Access.project(Permission.CONFIG_MANAGE)
  updateConfigMap(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'configMap') name: string,
    @Args('input') input: ConfigMapDataInput,
    @ResourceVersionArg() resourceVersion: string,
    @DryRunArg() dry: boolean,
  ): Promise<ConfigMapView> {
    return this.service.update(access, name, input, resourceVersion, dry);
  }

  @Mutation(() => ConfigMapView, { description: 'Answers what was deleted' })
  @Access.project(Permission.CONFIG_MANAGE)
  deleteConfigMap(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'configMap') name: string,
    @ForceArg() force: boolean,
    @DryRunArg() dry: boolean,
  ): Promise<ConfigMapView> {
    return this.service.delete(access, name, force, dry);
  }
}
