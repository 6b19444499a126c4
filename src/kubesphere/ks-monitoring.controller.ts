import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AccessService } from '../access/access.service';
import { CurrentProject, CurrentWorkspace } from '../access/request-context.decorators';
import type { ProjectAccess, WorkspaceAccess } from '../access/scope-access';
import { Access } from '../iam/access-rules';
import { Permission, WorkspaceRole } from '../iam/roles';
import { PodsService, type UsageTotals } from '../resources/workloads/statefulsets/pods.service';
import { WorkspacesService } from '../tenancy/workspaces.service';
import {
  ksNamespaceMetrics,
  ksPodMetrics,
  ksWorkspaceMetrics,
  ksWorkspaceStatistics,
  resourcesWanted,
} from './ks-metrics';
import { KsNamespaces } from './ks-namespaces';

const MONITORING = 'kube/kapis/monitoring.kubesphere.io/v1alpha3';
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
    if (query.type === 'statistics') {
      const [namespaces, members] = await Promise.all([
        this.namespaces.visible(access.principal, access.workspace),
        this.workspaces.members(access.workspace),
      ]);
      return ksWorkspaceStatistics(
        access.workspace,
        {
          namespaces: namespaces.length,
          roles: Object.values(WorkspaceRole).length,
          members: members.length,
        },
        Date.now(),
      );
    }
    return ksWorkspaceMetrics(access.workspace, await this.usage(access, () => true), query, Date.now());
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
