import {
  DryRunArg,
  ResourceVersionArg,
  FirstArg,
  AfterArg,
  LastArg,
  BeforeArg,
  listQueryOf,
  pageRequest,
} from '../../../common/graphql/arguments';
import {} from '@nestjs/common';
import { Args, Extensions, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../../iam/access-rules';
import { ParentProject, ProjectScope } from '../../../access/request-context.decorators';
import { Permission } from '../../../iam/roles';
import type { ProjectAccess } from '../../../access/scope-access';
import { PodsService } from './pods.service';
import { RevisionsService } from './revisions.service';
import { StatefulSetForm } from './statefulset-form.model';
import {
  checkedLogOptions,
  ServicePortInput,
  StatefulSetFilter,
  StatefulSetSort,
} from './statefulset-inputs';
import { StatefulSetQueries } from './statefulset-queries.service';
import {
  PodView,
  RevisionDiff,
  RevisionView,
  ServiceView,
  StatefulSetChange,
  POD_PAGES,
  REVISION_PAGES,
  STATEFUL_SET_PAGES,
  StatefulSetView,
} from './statefulset.model';
import { StatefulSetsService } from './statefulsets.service';
import { NameArg } from '../../../common/validation/names';
import { EventView } from '../../shared/events';
import { type Page, paginate } from '../../../common/paging';

@Resolver(() => StatefulSetView)
export class StatefulSetsResolver {
  constructor(
    private readonly queries: StatefulSetQueries,
    private readonly commands: StatefulSetsService,
    private readonly podsService: PodsService,
    private readonly revisionsService: RevisionsService,
  ) {}

  // Costs: roughly the API server calls a resolver makes (see common/graphql/query-limits.ts).
  @Query(() => STATEFUL_SET_PAGES.connection)
  @Extensions({ cost: 3 })
  @Access.project(Permission.WORKLOADS_VIEW)
  statefulSets(
    @ProjectScope() access: ProjectAccess,
    @Args('filter', { type: () => StatefulSetFilter, nullable: true }) filter?: StatefulSetFilter,
    @Args('sort', { type: () => StatefulSetSort, nullable: true }) sort?: StatefulSetSort,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<StatefulSetView>> {
    return this.queries.list(access, listQueryOf(filter, sort, pageRequest(first, after, last, before)));
  }

  @Query(() => StatefulSetView)
  @Access.project(Permission.WORKLOADS_VIEW)
  statefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
  ): Promise<StatefulSetView> {
    return this.queries.get(access, name);
  }

  // Each field reads its parent's own project: one operation may name several.
  @ResolveField(() => ServiceView, { nullable: true })
  service(
    @Parent() view: StatefulSetView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
  ): Promise<ServiceView | null> {
    return this.queries.service(access, view.name);
  }

  @ResolveField(() => POD_PAGES.connection, { description: 'By ordinal' })
  @Extensions({ cost: 3 })
  async pods(
    @Parent() view: StatefulSetView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<PodView>> {
    return paginate(await this.queries.podsOf(access, view), pageRequest(first, after, last, before));
  }

  @ResolveField(() => REVISION_PAGES.connection, { description: 'Newest first' })
  @Extensions({ cost: 2 })
  async revisions(
    @Parent() view: StatefulSetView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<RevisionView>> {
    const revisions = await this.revisionsService.list(access, await this.queries.raw(access, view.name));
    return paginate(revisions, pageRequest(first, after, last, before));
  }

  @ResolveField(() => [EventView], { description: 'Recent events of the StatefulSet, newest first' })
  events(
    @Parent() view: StatefulSetView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
  ): Promise<EventView[]> {
    return this.podsService.events(access, 'StatefulSet', view.name);
  }

  @ResolveField(() => String, { description: 'The StatefulSet as YAML (the download)' })
  yaml(
    @Parent() view: StatefulSetView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
  ): Promise<string> {
    return this.queries.yaml(access, view.name);
  }

  @Query(() => RevisionDiff, { description: 'What changed between two revisions' })
  @Access.project(Permission.WORKLOADS_VIEW)
  async revisionDiff(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<RevisionDiff> {
    return this.revisionsService.diff(access, await this.queries.raw(access, name), from, to);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'Creates the StatefulSet and its headless Service, all or nothing',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  createStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @Args('input') input: StatefulSetForm,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.create(access, input, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'Edit Mode: a StatefulSet (and optionally its Service) as YAML',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  applyStatefulSetYaml(
    @ProjectScope() access: ProjectAccess,
    @Args('yaml') yaml: string,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.createFromYaml(access, yaml, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'resourceVersion from the StatefulSet as read; a stale one is a CONFLICT',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  updateStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('input') input: StatefulSetForm,
    @ResourceVersionArg() resourceVersion: string,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.update(access, name, input, resourceVersion, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'Edit YAML: replaces the StatefulSet (resourceVersion from the argument or the YAML)',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  replaceStatefulSetYaml(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('yaml') yaml: string,
    @DryRunArg() dryRun: boolean,
    @ResourceVersionArg({ nullable: true }) resourceVersion?: string,
  ): Promise<StatefulSetChange> {
    return this.commands.replaceFromYaml(access, name, yaml, resourceVersion, dryRun);
  }

  @Mutation(() => StatefulSetChange)
  @Access.project(Permission.WORKLOADS_MANAGE)
  scaleStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('replicas', { type: () => Int }) replicas: number,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.scale(access, name, replicas, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'Restarts every pod (under OnDelete, only as pods are deleted)',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  redeployStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.redeploy(access, name, dryRun);
  }

  @Mutation(() => StatefulSetChange, { description: 'Edit Service: the ports of the headless Service' })
  @Access.project(Permission.WORKLOADS_MANAGE)
  updateStatefulSetService(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('ports', { type: () => [ServicePortInput] }) ports: ServicePortInput[],
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.updateService(access, name, ports, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: "Restores a revision's pod template (recorded again as a new revision)",
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  rollbackStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('revision', { type: () => Int }) revision: number,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.rollback(access, name, revision, dryRun);
  }

  @Mutation(() => StatefulSetChange, {
    description: 'The Service goes by default; claims stay unless deleteVolumes',
  })
  @Access.project(Permission.WORKLOADS_MANAGE)
  deleteStatefulSet(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'statefulSet') name: string,
    @Args('deleteService', { type: () => Boolean, defaultValue: true }) deleteService: boolean,
    @Args('deleteVolumes', { type: () => Boolean, defaultValue: false }) deleteVolumes: boolean,
    @DryRunArg() dryRun: boolean,
  ): Promise<StatefulSetChange> {
    return this.commands.delete(access, name, { deleteService, deleteVolumes }, dryRun);
  }
}

@Resolver(() => PodView)
export class PodsResolver {
  constructor(private readonly pods: PodsService) {}

  @Query(() => PodView)
  @Access.project(Permission.WORKLOADS_VIEW)
  pod(@ProjectScope() access: ProjectAccess, @NameArg('name', 'pod') name: string): Promise<PodView> {
    return this.pods.get(access, name);
  }

  @ResolveField(() => [EventView], { description: 'Recent events of the pod, newest first' })
  events(
    @Parent() pod: PodView,
    @ParentProject(Permission.WORKLOADS_VIEW) access: ProjectAccess,
  ): Promise<EventView[]> {
    return this.pods.events(access, 'Pod', pod.name);
  }

  @Query(() => String, { description: "A container's log (REST can also follow it)" })
  @Access.project(Permission.LOGS_VIEW)
  podLogs(
    @ProjectScope() access: ProjectAccess,
    @NameArg('pod', 'pod') pod: string,
    @NameArg('container', 'container', { nullable: true }) container?: string,
    @Args('tailLines', { type: () => Int, nullable: true }) tailLines?: number,
    @Args('sinceSeconds', { type: () => Int, nullable: true }) sinceSeconds?: number,
    @Args('timestamps', { type: () => Boolean, nullable: true }) timestamps?: boolean,
  ): Promise<string> {
    return this.pods.logs(access, pod, checkedLogOptions({ container, tailLines, sinceSeconds, timestamps }));
  }

  @Mutation(() => PodView, { description: 'The controller recreates it with the same name and claims' })
  @Access.project(Permission.WORKLOADS_MANAGE)
  deletePod(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'pod') name: string,
    @DryRunArg() dryRun: boolean,
  ): Promise<PodView> {
    return this.pods.delete(access, name, dryRun);
  }
}
