import { createdUnlessDryRun, Operation } from '../../../common/http/api-operation';
import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JsonOrYamlResponse, sendJsonOrYaml } from '../../../common/http/yaml-download';
import { Readable } from 'node:stream';
import { DomainError } from '../../../common/errors/domain-error';
import { validateInput } from '../../../common/validation/input-validation.pipe';
import { Access } from '../../../iam/access-rules';
import { CurrentProject } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { PodsService } from './pods.service';
import { RevisionsService } from './revisions.service';
import { StatefulSetForm } from './statefulset-form.model';
import {
  checkedLogOptions,
  DeleteStatefulSetQuery,
  DiffQuery,
  ListStatefulSetsQuery,
  LogsQuery,
  RollbackBody,
  ScaleBody,
  ServicePortsBody,
  UpdateStatefulSetQuery,
} from './statefulset-inputs';
import { StatefulSetQueries } from './statefulset-queries.service';
import {
  PodDetail,
  PodView,
  RevisionDiff,
  RevisionView,
  StatefulSetChange,
  POD_PAGES,
  REVISION_PAGES,
  STATEFUL_SET_PAGES,
  StatefulSetDetail,
  StatefulSetView,
} from './statefulset.model';
import { StatefulSetsService } from './statefulsets.service';
import { DryRunParams } from '../../../common/validation/query-params';
import { NameParam } from '../../../common/validation/names';
import { type ListPage, listPage, restList, restPage } from '../../../common/paging';
import { PageQuery } from '../../../common/validation/list-params';

const isYaml = (req: Request) => Boolean(req.is(['application/yaml', 'application/x-yaml', 'text/yaml']));

@ApiTags('statefulsets')
@Controller('projects/:project')
export class StatefulSetsController {
  constructor(
    private readonly queries: StatefulSetQueries,
    private readonly commands: StatefulSetsService,
    private readonly pods: PodsService,
    private readonly revisions: RevisionsService,
  ) {}

  @Get('statefulsets')
  @Operation('List StatefulSets (filter, sort, page)', { type: STATEFUL_SET_PAGES.list })
  @Access.project(Permission.WORKLOADS_VIEW)
  async list(
    @Query() query: ListStatefulSetsQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<StatefulSetView>> {
    const page = await this.queries.list(access, {
      name: query.name,
      labelSelector: query.labelSelector,
      status: query.status,
      sortBy: query.sortBy === 'createdAt' ? 'CREATED_AT' : 'NAME',
      ascending: query.ascending,
      page: restPage(query),
    });
    return listPage(page);
  }

  @Post('statefulsets')
  @Operation('Create a StatefulSet (and its Service) from the form or YAML', {
    type: StatefulSetChange,
    status: 201,
    dryRun: true,
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({
    type: StatefulSetForm,
    description: 'The form as JSON, or a StatefulSet (and optionally its Service) as YAML',
  })
  async create(
    @Req() req: Request,
    @Body() body: unknown,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatefulSetChange> {
    const dryRun = query.dryRun ?? false;
    createdUnlessDryRun(res, dryRun);
    if (isYaml(req)) return this.commands.createFromYaml(access, yamlBody(body), dryRun);
    return this.commands.create(access, await validateInput(StatefulSetForm, body), dryRun);
  }

  @Get('statefulsets/:name')
  @Operation('Read a StatefulSet with its Service, pods, revisions and events')
  @Access.project(Permission.WORKLOADS_VIEW)
  @JsonOrYamlResponse(StatefulSetDetail, 'StatefulSet')
  async get(
    @NameParam('name', 'statefulSet') name: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    await sendJsonOrYaml(req, res, this.queries, access, name);
  }

  @Put('statefulsets/:name')
  @Operation('Change a StatefulSet from the edited form or YAML', { type: StatefulSetChange })
  @Access.project(Permission.WORKLOADS_MANAGE)
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({
    type: StatefulSetForm,
    description: 'The edited form as JSON (with ?resourceVersion=), or the StatefulSet as YAML',
  })
  async update(
    @NameParam('name', 'statefulSet') name: string,
    @Req() req: Request,
    @Body() body: unknown,
    @Query() query: UpdateStatefulSetQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    const { dryRun, resourceVersion } = query;
    if (isYaml(req))
      return this.commands.replaceFromYaml(access, name, yamlBody(body), resourceVersion, dryRun ?? false);
    if (!resourceVersion)
      throw DomainError.badField(
        'resourceVersion',
        'is required (from the StatefulSet as read), so a change made meanwhile is not overwritten',
      );
    return this.commands.update(
      access,
      name,
      await validateInput(StatefulSetForm, body),
      resourceVersion,
      dryRun ?? false,
    );
  }

  @Delete('statefulsets/:name')
  @Operation('Delete a StatefulSet (optionally its Service and volumes)', {
    type: StatefulSetChange,
    description: 'What was (or would be) deleted',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  delete(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: DeleteStatefulSetQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    return this.commands.delete(
      access,
      name,
      { deleteService: query.deleteService ?? true, deleteVolumes: query.deleteVolumes ?? false },
      query.dryRun ?? false,
    );
  }

  @Post('statefulsets/:name/scale')
  @Operation('Scale a StatefulSet', { type: StatefulSetChange })
  @HttpCode(200)
  @Access.project(Permission.WORKLOADS_MANAGE)
  scale(
    @NameParam('name', 'statefulSet') name: string,
    @Body() body: ScaleBody,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    return this.commands.scale(access, name, body.replicas, query.dryRun ?? false);
  }

  @Post('statefulsets/:name/redeploy')
  @Operation('Restart every pod of a StatefulSet, in order', { type: StatefulSetChange })
  @HttpCode(200)
  @Access.project(Permission.WORKLOADS_MANAGE)
  redeploy(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    return this.commands.redeploy(access, name, query.dryRun ?? false);
  }

  @Put('statefulsets/:name/service')
  @Operation("Change the ports of a StatefulSet's Service", { type: StatefulSetChange })
  @Access.project(Permission.WORKLOADS_MANAGE)
  updateService(
    @NameParam('name', 'statefulSet') name: string,
    @Body() body: ServicePortsBody,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    return this.commands.updateService(access, name, body.ports, query.dryRun ?? false);
  }

  @Get('statefulsets/:name/revisions')
  @Operation('List the revisions of a StatefulSet, newest first', { type: REVISION_PAGES.list })
  @Access.project(Permission.WORKLOADS_VIEW)
  async listRevisions(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: PageQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<RevisionView>> {
    return restList(await this.revisions.list(access, await this.queries.raw(access, name)), query);
  }

  @Get('statefulsets/:name/revisions/diff')
  @Operation('Compare two revisions of a StatefulSet', { type: RevisionDiff })
  @Access.project(Permission.WORKLOADS_VIEW)
  async diff(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: DiffQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<RevisionDiff> {
    return this.revisions.diff(access, await this.queries.raw(access, name), query.from, query.to);
  }

  @Post('statefulsets/:name/rollback')
  @Operation('Roll a StatefulSet back to a revision', { type: StatefulSetChange })
  @HttpCode(200)
  @Access.project(Permission.WORKLOADS_MANAGE)
  rollback(
    @NameParam('name', 'statefulSet') name: string,
    @Body() body: RollbackBody,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<StatefulSetChange> {
    return this.commands.rollback(access, name, body.revision, query.dryRun ?? false);
  }

  @Get('statefulsets/:name/pods')
  @Operation('List the pods of a StatefulSet, by ordinal', { type: POD_PAGES.list })
  @Access.project(Permission.WORKLOADS_VIEW)
  async listPods(
    @NameParam('name', 'statefulSet') name: string,
    @Query() query: PageQuery,
    @CurrentProject() access: ProjectAccess,
  ): Promise<ListPage<PodView>> {
    return restList(await this.pods.ofStatefulSet(access, await this.queries.raw(access, name)), query);
  }

  @Get('pods/:pod')
  @Operation('Read a pod with its containers and events', { type: PodDetail })
  @Access.project(Permission.WORKLOADS_VIEW)
  async pod(
    @NameParam('pod', 'pod') pod: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<PodDetail> {
    const [view, events] = await Promise.all([
      this.pods.get(access, pod),
      this.pods.events(access, 'Pod', pod),
    ]);
    return { ...view, events };
  }

  @Delete('pods/:pod')
  @Operation('Delete a pod (its StatefulSet makes it again)', {
    type: PodView,
    description: 'What was deleted',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  deletePod(
    @NameParam('pod', 'pod') pod: string,
    @Query() query: DryRunParams,
    @CurrentProject() access: ProjectAccess,
  ): Promise<PodView> {
    return this.pods.delete(access, pod, query.dryRun ?? false);
  }

  @Get('pods/:pod/logs')
  @Operation("A container's log (streamed with follow=true)", { description: 'The log as text/plain' })
  @Access.project(Permission.LOGS_VIEW)
  @ApiProduces('text/plain')
  async logs(
    @NameParam('pod', 'pod') pod: string,
    @Query() query: LogsQuery,
    @Res() res: Response,
    @CurrentProject() access: ProjectAccess,
  ): Promise<void> {
    const options = checkedLogOptions({
      container: query.container,
      tailLines: query.tailLines,
      sinceSeconds: query.sinceSeconds,
      timestamps: query.timestamps,
    });
    if (!query.follow) {
      res.type('text/plain').send(await this.pods.logs(access, pod, options));
      return;
    }
    // Follow: stream until the client goes away, then stop reading from the API server.
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const stream = await this.pods.followLogs(access, pod, options, abort.signal);
    res.type('text/plain').setHeader('Cache-Control', 'no-store');
    res.flushHeaders();
    Readable.fromWeb(stream)
      .on('error', () => res.end())
      .pipe(res);
  }
}

function yamlBody(body: unknown): string {
  if (typeof body !== 'string' || !body.trim()) throw DomainError.badField('yaml', 'is empty');
  return body;
}
