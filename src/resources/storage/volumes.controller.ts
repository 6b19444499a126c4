import { createdUnlessDryRun } from '../../common/http/api-operation';
import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { sendJsonOrYaml } from '../../common/http/yaml-download';
import { DryRunParams, ForceDeleteParams } from '../../common/validation/query-params';
import { Access } from '../../iam/access-rules';
import { CurrentProject } from '../../access/request-context.decorators';
import { Permission } from '../../iam/roles';
import type { ProjectAccess } from '../../access/scope-access';
import { CreateVolumeInput, ExpandVolumeBody, ListVolumesQuery, REST_SORT_FIELD } from './volume-inputs';
import { VolumeQueries } from './volume-queries.service';
import { VolumeClaimChange, VolumeClaimConnection, VolumeClaimDetail } from './volume.model';
import { VolumesService } from './volumes.service';
import { NameParam } from '../../common/validation/names';

@ApiTags('volumes')
@Controller('projects/:project/volumes')
export class VolumesController {
  constructor(
    private readonly queries: VolumeQueries,
    private readonly commands: VolumesService,
  ) {}

  @Get()
  @Access.project(Permission.VOLUMES_VIEW)
  @ApiOperation({ summary: "The project's volumes (PersistentVolumeClaims): filter, sort, page" })
  @ApiOkResponse({ type: VolumeClaimConnection })
  list(
    @Query() query: ListVolumesQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<VolumeClaimConnection> {
    return this.queries.list(access, {
      name: query.name,
      status: query.status,
      storageClass: query.storageClass,
      labelSelector: query.labelSelector,
      sortBy: query.sortBy ? REST_SORT_FIELD[query.sortBy] : undefined,
      ascending: query.ascending,
      first: query.limit,
      after: query.continue,
    });
  }

  @Post()
  @Access.project(Permission.VOLUMES_MANAGE)
  @ApiOperation({ summary: 'Creates a volume; storageClass defaults to the default StorageClass' })
  @ApiCreatedResponse({ type: VolumeClaimChange })
  create(
    @Body() body: CreateVolumeInput,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VolumeClaimChange> {
    const dryRun = query.dryRun ?? false;
    createdUnlessDryRun(res, dryRun);
    return this.commands.create(access, body, dryRun);
  }

  @Get(':name')
  @Access.project(Permission.VOLUMES_VIEW)
  @ApiOperation({ summary: 'Status, capacity, mounting pods, origin, events and YAML of a volume' })
  @ApiProduces('application/json', 'application/yaml')
  @ApiOkResponse({
    type: VolumeClaimDetail,
    description: 'With "Accept: application/yaml", the claim as YAML',
  })
  async get(
    @NameParam('name', 'volume') name: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    await sendJsonOrYaml(
      req,
      res,
      () => this.queries.detail(access, name),
      () => this.queries.yaml(access, name),
    );
  }

  @Post(':name/expand')
  @HttpCode(200)
  @Access.project(Permission.VOLUMES_MANAGE)
  @ApiOperation({
    summary: 'Expands a volume',
    description:
      'A POST action (like scale), not a PATCH of the claim: the body names only the new size. Refused ' +
      '(400, field size) when it is not larger, the volume is not Bound, or its StorageClass does not ' +
      'allow expansion.',
  })
  @ApiOkResponse({ type: VolumeClaimChange })
  expand(
    @NameParam('name', 'volume') name: string,
    @Body() body: ExpandVolumeBody,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<VolumeClaimChange> {
    return this.commands.expand(access, name, body.size, query.dryRun ?? false);
  }

  @Delete(':name')
  @Access.project(Permission.VOLUMES_MANAGE)
  @ApiOperation({
    summary: 'Deletes a volume',
    description: '409 while pods mount it (naming them), unless ?force=true. Answers the volume as it was.',
  })
  @ApiOkResponse({ type: VolumeClaimChange })
  delete(
    @NameParam('name', 'volume') name: string,
    @Query() query: ForceDeleteParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<VolumeClaimChange> {
    return this.commands.delete(access, name, query.force ?? false, query.dryRun ?? false);
  }
}
