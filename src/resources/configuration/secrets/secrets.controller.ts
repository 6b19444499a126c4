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
import { CreateSecretInput, SECRET_PAGES, SecretDataInput, SecretValues, SecretView } from './secret.model';
import { SecretsService } from './secrets.service';
import { NameParam } from '../../../common/validation/names';

@ApiTags('secrets')
@Controller('projects/:project/secrets')
export class SecretsController {
  constructor(private readonly service: SecretsService) {}

  @Get()
  @Operation('List Secrets (keys only, never values)', {
    type: SECRET_PAGES.list,
    description: 'Keys only, never values',
  })
  @Access.project(Permission.CONFIG_VIEW)
  async list(
    @Query() query: NameFilterParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<SecretView>> {
    return restList(await this.service.list(access, query.name), query);
  }

  @Post()
  @Operation('Create a Secret', {
    type: SecretView,
    status: 201,
    dryRun: true,
    description: 'Keys only, never values',
  })
  @Access.project(Permission.CONFIG_MANAGE)
  create(
    @Body() body: CreateSecretInput,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SecretView> {
    createdUnlessDryRun(res, query.dryRun);
    return this.service.create(access, body, query.dryRun ?? false);
  }

  @Get(':name')
  @Operation('Read a Secret (keys only)', { type: SecretView, description: 'Keys only, never values' })
  @Access.project(Permission.CONFIG_VIEW)
  get(
    @NameParam('name', 'secret') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.get(access, name);
  }

  @Get(':name/values')
  @Operation("Read a Secret's values (project-admin)", { type: SecretValues })
  @Access.project(Permission.SECRET_VALUES_VIEW)
  values(
    @NameParam('name', 'secret') name: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretValues> {
    return this.service.values(access, name);
  }

  @Put(':name')
  @Operation('Change a Secret', { type: SecretView })
  @Access.project(Permission.CONFIG_MANAGE)
  update(
    @NameParam('name', 'secret') name: string,
    @Body() body: SecretDataInput,
    @Query() query: UpdateParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.update(access, name, body, query.resourceVersion, query.dryRun ?? false);
  }

  @Delete(':name')
  @Operation('Delete a Secret (refused while in use unless force=true)', {
    type: SecretView,
    description: 'What was deleted',
  })
  @Access.project(Permission.CONFIG_MANAGE)
  delete(
    @NameParam('name', 'secret') name: string,
    @Query() query: ForceDeleteParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<SecretView> {
    return this.service.delete(access, name, query.force ?? false, query.dryRun ?? false);
  }
}
