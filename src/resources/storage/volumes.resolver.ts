import {
  AfterArg,
  BeforeArg,
  DryRunArg,
  FirstArg,
  ForceArg,
  LastArg,
  listQueryOf,
  pageRequest,
} from '../../common/graphql/arguments';
import type { Page } from '../../common/paging';
import {} from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../iam/access-rules';
import { ParentProject, ProjectScope } from '../../access/request-context.decorators';
import { Permission } from '../../iam/roles';
import type { ProjectAccess } from '../../access/scope-access';
import { CreateVolumeInput, VolumeClaimFilter, VolumeClaimSort } from './volume-inputs';
import { VolumeQueries } from './volume-queries.service';
import { VOLUME_CLAIM_PAGES, VolumeClaimChange, VolumeClaimView } from './volume.model';
import { VolumesService } from './volumes.service';
import { NameArg } from '../../common/validation/names';
import { EventView } from '../shared/events';

@Resolver(() => VolumeClaimView)
export class VolumesResolver {
  constructor(
    private readonly queries: VolumeQueries,
    private readonly commands: VolumesService,
  ) {}

  @Query(() => VOLUME_CLAIM_PAGES.connection, {
    description: "The project's volumes (PersistentVolumeClaims)",
  })
  @Access.project(Permission.VOLUMES_VIEW)
  volumes(
    @ProjectScope() access: ProjectAccess,
    @Args('filter', { type: () => VolumeClaimFilter, nullable: true }) filter?: VolumeClaimFilter,
    @Args('sort', { type: () => VolumeClaimSort, nullable: true }) sort?: VolumeClaimSort,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<VolumeClaimView>> {
    return this.queries.list(access, listQueryOf(filter, sort, pageRequest(first, after, last, before)));
  }

  @Query(() => VolumeClaimView)
  @Access.project(Permission.VOLUMES_VIEW)
  volume(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'volume') name: string,
  ): Promise<VolumeClaimView> {
    return this.queries.get(access, name);
  }

  // Each field reads its parent's own project: one operation may name several.
  @ResolveField(() => [EventView], { description: 'Recent events of the claim, newest first' })
  events(
    @Parent() view: VolumeClaimView,
    @ParentProject(Permission.VOLUMES_VIEW) access: ProjectAccess,
  ): Promise<EventView[]> {
    return this.queries.events(access, view.name);
  }

  @ResolveField(() => String, { description: 'The PersistentVolumeClaim as YAML' })
  yaml(
    @Parent() view: VolumeClaimView,
    @ParentProject(Permission.VOLUMES_VIEW) access: ProjectAccess,
  ): Promise<string> {
    return this.queries.yaml(access, view.name);
  }

  @Mutation(() => VolumeClaimChange, {
    description: 'Creates a volume (claim); storageClass defaults to the default',
  })
  @Access.project(Permission.VOLUMES_MANAGE)
  createVolume(
    @ProjectScope() access: ProjectAccess,
    @Args('input') input: CreateVolumeInput,
    @DryRunArg() dryRun: boolean,
  ): Promise<VolumeClaimChange> {
    return this.commands.create(access, input, dryRun);
  }

  @Mutation(() => VolumeClaimChange, {
    description: 'Asks for a larger size; only where the StorageClass allows expansion, never smaller',
  })
  @Access.project(Permission.VOLUMES_MANAGE)
  expandVolume(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'volume') name: string,
    @Args('size', { description: 'The new size, e.g. 20Gi' }) size: string,
    @DryRunArg() dryRun: boolean,
  ): Promise<VolumeClaimChange> {
    return this.commands.expand(access, name, size, dryRun);
  }

  @Mutation(() => VolumeClaimChange, {
    description: 'Refused (CONFLICT) while pods mount it, unless force; answers the volume as it was',
  })
  @Access.project(Permission.VOLUMES_MANAGE)
  deleteVolume(
    @ProjectScope() access: ProjectAccess,
    @NameArg('name', 'volume') name: string,
    @ForceArg() force: boolean,
    @DryRunArg() dryRun: boolean,
  ): Promise<VolumeClaimChange> {
    return this.commands.delete(access, name, force, dryRun);
  }
}
