import { createdUnlessDryRun, Operation } from '../../common/http/api-operation';
import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JsonOrYamlResponse, sendJsonOrYaml } from '../../common/http/yaml-download';
import { DryRunParams, ForceDeleteParams } from '../../common/validation/query-params';
import { Access } from '../../iam/access-rules';
import { CurrentProject } from '../../access/request-context.decorators';
import { Permission } from '../../iam/roles';
import type { ProjectAccess } from '../../access/scope-access';
import { CreateVolumeInput, ExpandVolumeBody, ListVolumesQuery, REST_SORT_FIELD } from './volume-inputs';
import { VolumeQueries } from './volume-queries.service';
import { VOLUME_CLAIM_PAGES, VolumeClaimChange, VolumeClaimDetail, VolumeClaimView } from './volume.model';
import { type ListPage, listPage, restPage } from '../../common/paging';
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
  @Operation("The project's volumes (PersistentVolumeClaims): filter, sort, page", {
    type: VOLUME_CLAIM_PAGES.list,
  })
  @Access.project(Permission.VOLUMES_VIEW)
  async list(
    @Query() query: ListVolumesQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<VolumeClaimView>> {
    const page = await this.queries.list(access, {
      name: query.name,
      status: query.status,
      storageClass: query.storageClass,
      labelSelector: query.labelSelector,
      sortBy: query.sortBy ? REST_SORT_FIELD[query.sortBy] : undefined,
      ascending: query.ascending,
      page: restPage(query),
    });
    return listPage(page);
  }

  @Post()
  @Operation('Creates a volume; storageClass defaults to the default StorageClass', {
    type: VolumeClaimChange,
    status: 201,
    dryRun: true,
  })
  @Access.project(Permission.VOLUMES_MANAGE)
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
  @Operation('Status, capacity, mounting pods, origin, events and YAML of a volume')
  @Access.project(Permission.VOLUMES_VIEW)
  @JsonOrYamlResponse(VolumeClaimDetail, 'claim')
  async get(
    @NameParam('name', 'volume') name: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    await sendJsonOrYaml(req, res, this.queries, access, name);
  }

  @Post(':name/expand')
  @HttpCode(200)
  @Operation(
    {
      summary: 'Expands a volume',
      description:
        'A POST action (like scale), not a PATCH of the claim: the body names only the new size. Refused ' +
        '(400, field size) when it is not larger, the volume is not Bound, or its StorageClass does not ' +
        'allow expansion.',
    },
    { type: VolumeClaimChange },
  )
  @Access.project(Permission.VOLUMES_MANAGE)
  expand(
    @NameParam('name', 'volume') name: string,
    @Body() body: ExpandVolumeBody,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<VolumeClaimChange> {
    return this.commands.expand(access, name, body.size, query.dryRun ?? false);
  }

  @Delete(':name')
  @Operation(
    {
      summary: 'Deletes a volume',
      description: '409 while pods mount it (naming them), unless ?force=true. Answers the volume as it was.',
    },
    { type: VolumeClaimChange },
  )
  @Access.project(Permission.VOLUMES_MANAGE)
  delete(
    @NameParam('name', 'volume') name: string,
    @Query() query: ForceDeleteParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<VolumeClaimChange> {
    return this.commands.delete(access, name, query.force ?? false, query.dryRun ?? false);
  }
}
