import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AccessService } from '../access/access.service';
import { CurrentProject, CurrentWorkspace } from '../access/request-context.decorators';
import type { ProjectAccess, WorkspaceAccess } from '../access/scope-access';
import { Access } from '../iam/access-rules';
import {
  KubeClient,
  type KubeObject,
  PERSISTENT_VOLUME_CLAIMS,
  PODS,
  type Resource,
  SERVICES,
  STATEFUL_SETS,
  type V1Pod,
} from '../kube';
import { Permission, WorkspaceRole } from '../iam/roles';
import { PodsService, type UsageTotals } from '../resources/workloads/statefulsets/pods.service';
import { WorkspacesService } from '../tenancy/workspaces.service';
import {
  ksCounts,
  ksNamespaceMetrics,
  ksPodMetrics,
  ksWorkspaceMetrics,
  metricsWanted,
  resourcesWanted,
} from './ks-metrics';
import { KsNamespaces } from './ks-namespaces';

const MONITORING = 'kube/kapis/monitoring.kubesphere.io/v1alpha3';
const everything = () => true;
/** KubeSphere's workspace object counts that Berth can answer, by the kind each counts. */
const OBJECT_COUNTS: Record<string, { resource: Resource<KubeObject>; counted: (o: KubeObject) => boolean }> =
  {
    workspace_statefulset_count: { resource: STATEFUL_SETS, counted: everything },
    workspace_pvc_count: { resource: PERSISTENT_VOLUME_CLAIMS, counted: everything },
    workspace_service_count: { resource: SERVICES, counted: everything },
    workspace_pod_running_count: {
      resource: PODS,
      counted: (pod) => (pod as V1Pod).status?.phase === 'Running',
    },
  };
/** A workspace's metrics read this many namespaces at most (a console page shows 10), this many at once. */
const MAX_MEASURED_NAMESPACES = 100;
const MEASURED_AT_ONCE = 10;

/**
 * KubeSphere's monitoring API as far as metrics-server can answer it (current usage, no history):
 * pod metrics of a project, the workspace's projects page, and the workspace overview (its counts and
 * its usage). Every figure is read as the caller: a project they may not see is not counted.
 */
@ApiExcludeController()
@Controller()
export class KsMonitoringController {
  constructor(
    private readonly pods: PodsService,
    private readonly access: AccessService,
    private readonly namespaces: KsNamespaces,
    private readonly workspaces: WorkspacesService,
    private readonly kube: KubeClient,
  ) {}

  @Get(`${MONITORING}/namespaces/:namespace/pods`)
  @Access.project(Permission.WORKLOADS_VIEW, 'namespace')
  async podMetrics(@Query() query: Record<string, unknown>, @CurrentProject() access: ProjectAccess) {
    return ksPodMetrics(access.project, await this.pods.usageTotals(access), query, Date.now());
  }

  /** The workspace's projects page: each visible project's usage, read as the caller, project by project. */
  @Get(`${MONITORING}/workspaces/:workspace/namespaces`)
  @Access.workspace(Permission.WORKSPACE_VIEW)
  async namespaceMetrics(
    @Query() query: Record<string, unknown>,
    @CurrentWorkspace() access: WorkspaceAccess,
  ) {
    const usage = await this.usage(access, resourcesWanted(query));
    return ksNamespaceMetrics(access.workspace, usage, query, Date.now());
  }

  /** The workspace overview: `type=statistics` counts, anything else the workspace's usage. */
  @Get(`${MONITORING}/workspaces/:workspace`)
  @Access.workspace(Permission.WORKSPACE_MEMBERS_VIEW)
  async workspaceMetrics(
    @Query() query: Record<string, unknown>,
    @CurrentWorkspace() access: WorkspaceAccess,
  ) {
    const labels = { workspace: access.workspace };
    if (query.type === 'statistics') {
      const [namespaces, members] = await Promise.all([
        this.namespaces.visible(access.principal, access.workspace),
        this.workspaces.members(access.workspace),
      ]);
      const counts = {
        workspace_namespace_count: namespaces.length,
        workspace_devops_project_count: 0,
        workspace_role_count: Object.values(WorkspaceRole).length,
        workspace_member_count: members.length,
      };
      return ksCounts(labels, counts, query, Date.now());
    }
    // The overview's application resources: the kinds Berth keeps (no Deployments, Jobs, Ingresses).
    const kinds = metricsWanted(query, Object.keys(OBJECT_COUNTS));
    if (kinds.length) return ksCounts(labels, await this.objectCounts(access, kinds), query, Date.now());
    return ksWorkspaceMetrics(access.workspace, await this.usage(access, () => true), query, Date.now());
  }

  /** How many of each kind the caller sees in the workspace's projects (the first MAX_MEASURED_NAMESPACES). */
  private async objectCounts(access: WorkspaceAccess, metrics: string[]): Promise<Record<string, number>> {
    const projects = (await this.namespaces.visible(access.principal, access.workspace))
      .slice(0, MAX_MEASURED_NAMESPACES)
      .map((ns) => ns.metadata?.name ?? '');
    const counts: Record<string, number> = Object.fromEntries(metrics.map((metric) => [metric, 0]));
    for (let i = 0; i < projects.length; i += MEASURED_AT_ONCE)
      await Promise.all(
        projects.slice(i, i + MEASURED_AT_ONCE).map(async (name) => {
          const client = this.kube.as((await this.access.project(access.principal, name)).identity);
          for (const metric of metrics) {
            const { resource, counted } = OBJECT_COUNTS[metric];
            const { items } = await client.list(resource, { namespace: name });
            counts[metric] += items.filter(counted).length;
          }
        }),
      );
    return counts;
  }

  /** Each visible project's pod usage (the first MAX_MEASURED_NAMESPACES), read as the caller. */
  private async usage(
    access: WorkspaceAccess,
    wanted: (name: string) => boolean,
  ): Promise<Map<string, Map<string, UsageTotals>>> {
    const names = (await this.namespaces.visible(access.principal, access.workspace))
      .map((ns) => ns.metadata?.name ?? '')
      .filter(wanted)
      .slice(0, MAX_MEASURED_NAMESPACES);
    const usage = new Map<string, Map<string, UsageTotals>>();
    for (let i = 0; i < names.length; i += MEASURED_AT_ONCE) {
      const batch = names.slice(i, i + MEASURED_AT_ONCE);
      const measured = await Promise.all(
        batch.map(async (name) => this.pods.usageTotals(await this.access.project(access.principal, name))),
      );
      batch.forEach((name, j) => usage.set(name, measured[j]));
    }
    return usage;
  }
}
