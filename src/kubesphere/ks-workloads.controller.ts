import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CurrentProject } from '../access/request-context.decorators';
import type { ProjectAccess } from '../access/scope-access';
import { DomainError } from '../common/errors/domain-error';
import { IsObjectName, NameParam } from '../common/validation/names';
import { Access } from '../iam/access-rules';
import { Permission } from '../iam/roles';
import { ImagesService } from '../images/images.service';
import { CONTROLLER_REVISIONS, KubeClient, RESOURCE_QUOTAS, type V1ControllerRevision } from '../kube';
import { RevisionsService } from '../resources/workloads/statefulsets/revisions.service';
import { StatefulSetQueries } from '../resources/workloads/statefulsets/statefulset-queries.service';
import { ksImageConfig, ksQuota, type KsQuotaObject } from './ks-workload-objects';
import { KsImageLookupFilter } from './ks-image-lookup.filter';
import { typed } from './ks-namespaces';

const RESOURCES = 'kube/kapis/resources.kubesphere.io';

/** The wizard's image lookups: `image` (or `repository`) and an image-registry Secret of the project. */
export class KsImageQuery {
  @IsOptional() @IsString() @MaxLength(1024) image?: string;
  @IsOptional() @IsString() @MaxLength(1024) repository?: string;
  // The console sends `secret=` when none is chosen.
  @ValidateIf((query: KsImageQuery) => Boolean(query.secret)) @IsObjectName('secret') secret?: string;
  // The console also sends these; Berth decides TLS per registry from its configuration.
  @IsOptional() @IsString() @MaxLength(16) insecure?: string;
  @IsOptional() @IsString() @MaxLength(16) page?: string;
  @IsOptional() @IsString() @MaxLength(16) limit?: string;
  @IsOptional() @IsString() @MaxLength(64) cluster?: string;
}

/**
 * What the StatefulSet pages read beyond lists: a revision record, the project's quota, an image's
 * configuration and tags (Berth's image inspection). Metrics: ks-monitoring.controller.ts.
 */
@ApiExcludeController()
@Controller()
export class KsWorkloadsController {
  constructor(
    private readonly kube: KubeClient,
    private readonly statefulSets: StatefulSetQueries,
    private readonly revisions: RevisionsService,
    private readonly images: ImagesService,
  ) {}

  @Get(`${RESOURCES}/v1alpha2/namespaces/:namespace/statefulsets/:name/revisions/:revision`)
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  async revision(
    @NameParam('name', 'statefulSet') name: string,
    @Param('revision') revision: string,
    @CurrentProject() access: ProjectAccess,
  ): Promise<V1ControllerRevision> {
    if (!/^[1-9][0-9]{0,14}$/.test(revision))
      throw DomainError.badField('revision', 'must be a revision number');
    const statefulSet = await this.statefulSets.raw(access, name);
    return typed<V1ControllerRevision>(CONTROLLER_REVISIONS)(
      await this.revisions.one(access, statefulSet, Number(revision)),
    );
  }

  @Get(`${RESOURCES}/v1alpha2/namespaces/:namespace/quotas`)
  @Access.project(Permission.PROJECT_VIEW, 'namespace')
  async quotas(@CurrentProject() access: ProjectAccess): Promise<KsQuotaObject> {
    const { items } = await this.kube
      .as(access.identity)
      .list(RESOURCE_QUOTAS, { namespace: access.project });
    return ksQuota(access.project, items);
  }

  @Get(`${RESOURCES}/v1alpha3/namespaces/:namespace/imageconfig`)
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  @UseFilters(KsImageLookupFilter)
  async imageConfig(@Query() query: KsImageQuery, @CurrentProject() access: ProjectAccess) {
    return ksImageConfig(
      await this.images.inspect(access, { image: required(query.image, 'image'), secret: query.secret }),
    );
  }

  @Get(`${RESOURCES}/v1alpha3/namespaces/:namespace/repositorytags`)
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  async repositoryTags(@Query() query: KsImageQuery, @CurrentProject() access: ProjectAccess) {
    const repository = required(query.repository, 'repository');
    const { registry, tags } = await this.images.tags(access, { image: repository, secret: query.secret });
    return { registry, repository, tags, total: tags.length };
  }
}

function required(value: string | undefined, field: string): string {
  if (!value?.trim()) throw DomainError.badField(field, 'is required');
  return value;
}
