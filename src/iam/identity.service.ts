import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { Identity } from '../kube';
import { PlatformRole, WorkspaceRole } from './roles';

/**
 * How Berth users appear to Kubernetes: `<prefix><username>`, plus at most one group that carries a
 * workspace-wide role (bound in each project of that workspace) or the platform-admin role.
 */
@Injectable()
export class IdentityService {
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.impersonationPrefix;
  }

  user(username: string): string {
    return `${this.prefix}${username}`;
  }

  platformAdminGroup(): string {
    return `${this.prefix}platform-admin`;
  }

  /** Every Berth user, on cluster-scoped reads through the Kubernetes API path (storage classes). */
  signedInGroup(): string {
    return `${this.prefix}signed-in`;
  }

  /** The identity for cluster-scoped reads made for `username`. */
  forCluster(username: string): Identity {
    return { user: this.user(username), group: this.signedInGroup() };
  }

  workspaceGroup(workspace: string, role: WorkspaceRole.ADMIN | WorkspaceRole.VIEWER): string {
    return `${this.prefix}workspace:${workspace}:${role}`;
  }

  /** The identity for calls in a project of `workspace` made for `username`. */
  forProject(
    username: string,
    platformRole: PlatformRole,
    workspace: string,
    workspaceRole: WorkspaceRole | null,
  ): Identity {
    const user = this.user(username);
    if (platformRole === PlatformRole.ADMIN) return { user, group: this.platformAdminGroup() };
    if (workspaceRole === WorkspaceRole.ADMIN || workspaceRole === WorkspaceRole.VIEWER) {
      return { user, group: this.workspaceGroup(workspace, workspaceRole) };
    }
    return { user };
  }
}
