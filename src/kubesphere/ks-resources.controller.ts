import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ProjectAccess } from '../access/scope-access';
import { CurrentPrincipal, CurrentProject } from '../access/request-context.decorators';
import { Access } from '../iam/access-rules';
import { IdentityService } from '../iam/identity.service';
import type { Principal } from '../iam/principal';
import { Permission } from '../iam/roles';
import {
  CONFIG_MAPS,
  KubeClient,
  PERSISTENT_VOLUME_CLAIMS,
  PODS,
  SECRETS,
  STATEFUL_SETS,
  STORAGE_CLASSES,
  type KubeObject,
  type NamespacedResource,
  type V1Pod,
  type V1StatefulSet,
} from '../kube';
import { KsNamespaces, typed } from './ks-namespaces';
import { ksList, ksStatefulSetStatus, parseKsListQuery, type KsList, type KsListSpec } from './ks-list-query';

const V1ALPHA3 = 'kube/kapis/resources.kubesphere.io/v1alpha3';
type KsQuery = Record<string, unknown>;

const STATEFUL_SET_LIST: KsListSpec<V1StatefulSet> = {
  filters: { status: (set, value) => ksStatefulSetStatus(set) === value },
};
const POD_LIST: KsListSpec<V1Pod> = {
  filters: {
    nodeName: (pod, value) => pod.spec?.nodeName === value,
    status: (pod, value) => (pod.status?.phase ?? '').toLowerCase() === value.toLowerCase(),
  },
  sortKeys: { startTime: (pod) => new Date(pod.status?.startTime ?? 0).toISOString() },
};

/**
 * KubeSphere's `resources.kubesphere.io/v1alpha3` lists, which its console reads for every table:
 * the raw Kubernetes objects of one project, read as the caller (impersonated, so Kubernetes checks
 * again; through the read cache), filtered, sorted and paged as ks-apiserver does. Each list needs
 * the permission Berth's own API needs to read that kind; raw Secrets carry their values, so they
 * need the values permission (a project-viewer gets 403, as Kubernetes would answer).
 */
@ApiExcludeController()
@Controller(V1ALPHA3)
export class KsResourcesController {
  constructor(
    private readonly kube: KubeClient,
    private readonly visibleNamespaces: KsNamespaces,
    private readonly identities: IdentityService,
  ) {}

  @Get('namespaces/:namespace/statefulsets')
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  statefulSets(
    @CurrentProject() access: ProjectAccess,
    @Query() query: KsQuery,
  ): Promise<KsList<V1StatefulSet>> {
    return this.list(access, STATEFUL_SETS, query, STATEFUL_SET_LIST);
  }

  @Get('namespaces/:namespace/pods')
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  pods(@CurrentProject() access: ProjectAccess, @Query() query: KsQuery): Promise<KsList<V1Pod>> {
    return this.list(access, PODS, query, POD_LIST);
  }

  @Get('namespaces/:namespace/configmaps')
  @Access.project(Permission.CONFIG_VIEW, 'namespace')
  configMaps(@CurrentProject() access: ProjectAccess, @Query() query: KsQuery): Promise<KsList<KubeObject>> {
    return this.list(access, CONFIG_MAPS, query);
  }

  @Get('namespaces/:namespace/secrets')
  @Access.project(Permission.SECRET_VALUES_VIEW, 'namespace')
  secrets(@CurrentProject() access: ProjectAccess, @Query() query: KsQuery): Promise<KsList<KubeObject>> {
    return this.list(access, SECRETS, query);
  }

  @Get('namespaces/:namespace/persistentvolumeclaims')
  @Access.project(Permission.VOLUMES_VIEW, 'namespace')
  claims(@CurrentProject() access: ProjectAccess, @Query() query: KsQuery): Promise<KsList<KubeObject>> {
    return this.list(access, PERSISTENT_VOLUME_CLAIMS, query);
  }

  /** The Namespaces of the projects the caller may see (no other: the rest of the cluster is not theirs). */
  @Get('namespaces')
  @Access.authenticated()
  async namespaces(
    @CurrentPrincipal() principal: Principal,
    @Query() query: KsQuery,
  ): Promise<KsList<KubeObject>> {
    const parsed = parseKsListQuery(query);
    return ksList(await this.visibleNamespaces.visible(principal), parsed);
  }

  /** The wizard's storage class choice: readable by every signed-in user, as KubeSphere's `authenticated` role. */
  @Get('storageclasses')
  @Access.authenticated()
  async storageClasses(
    @CurrentPrincipal() principal: Principal,
    @Query() query: KsQuery,
  ): Promise<KsList<KubeObject>> {
    const parsed = parseKsListQuery(query);
    const { items } = await this.kube
      .as(this.identities.forCluster(principal.username))
      .list(STORAGE_CLASSES);
    return ksList(items.map(typed(STORAGE_CLASSES)), parsed);
  }

  private async list<T extends KubeObject>(
    access: ProjectAccess,
    resource: NamespacedResource<T>,
    query: KsQuery,
    spec?: KsListSpec<T>,
  ): Promise<KsList<T>> {
    const parsed = parseKsListQuery(query);
    const { items } = await this.kube.as(access.identity).list(resource, { namespace: access.project });
    return ksList(items.map(typed(resource)), parsed, spec);
  }
}
