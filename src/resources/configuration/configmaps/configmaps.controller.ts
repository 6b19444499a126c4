import { type ListPage, restList } from '../../../common/paging';
import { NameFilterParams } from '../../../common/validation/list-params';
import { createdUnlessDryRun, Operation } from '../../../common/http/api-operation';
import { Body, Controller, Delete, Get, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DryRunParams, ForceDeleteParams, UpdateParams } from '../../../common/validation/query-params';
import { Access } from '../../../iam/access-rules';
import { CurrentProject } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { CONFIG_MAP_PAGES, ConfigMapDataInput, ConfigMapView, CreateConfigMapInput } from './configmap.model';
import { ConfigMapsService } from './configmaps.service';
import { NameParam } from '../../../common/validation/names';

@ApiTags('configmaps')
@Controller('projects/:project/configmaps')
export class ConfigMapsController {
  constructor(private readonly service: ConfigMapsService) {}

  @Get()
  @Operation('List ConfigMaps (with the workloads using each)', { type: CONFIG_MAP_PAGES.list })
  @Access.project(Permission.CONFIG_VIEW)
  async list(
    @Query() query: NameFilterParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<ConfigMapView>> {
    return restList(await this.service.list(access, query.name), query);
  }

  @Post()
  @Operation('Create a ConfigMap', { type: ConfigMapView, status: 201, dryRun: true })
  @Access.project(Permission.CONFIG_MANAGE)
  create(
    @Body() body: CreateConfigMapInput,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConfigMapView> {
    createdUnlessDryRun(res, query.dryRun);
    return this.service.create(access, body, query.dryRun ?? false);
  }

  @Get(':name')
  @Operation('Read a ConfigMap', { type: ConfigMapView })
  @Access.project(Permission.CONFIG_VIEW)
  get(
    @NameParam('name', 'configMap') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.get(access, name);
  }

  @Put(':name')
  @Operation('Change a ConfigMap', { type: ConfigMapView })
  @Access.project(Permission.CONFIG_MANAGE)
  update(
    @NameParam('name', 'configMap') name: string,
    @Body() body: ConfigMapDataInput,
    @Query() query: UpdateParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.update(access, name, body, query.resourceVersion, query.dryRun ?? false);
  }

  @Delete(':name')
  @Operation('Delete a ConfigMap (refused while in use unless force=true)', {
    type: ConfigMapView,
    description: 'What was deleted',
  })
  @Access.project(Permission.CONFIG_MANAGE)
  delete(
    @NameParam('name', 'configMap') name: string,
    @Query() query: ForceDeleteParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ConfigMapView> {
    return this.service.delete(access, name, query.force ?? false, query.dryRun ?? false);
  }
}
