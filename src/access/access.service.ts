import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../iam/principal';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { TenancyStore } from '../iam/tenancy.store';
import { LABELS } from '../iam/labels';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { IdentityService } from '../iam/identity.service';
import {
  Permission,
  PLATFORM_ROLE_PERMISSIONS,
  PROJECT_ROLE_PERMISSIONS,
  PlatformRole,
  READ_PERMISSIONS,
  WORKSPACE_ROLE_IN_PROJECTS,
  WORKSPACE_ROLE_PERMISSIONS,
} from '../iam/roles';
import type { ProjectAccess, WorkspaceAccess } from './scope-access';
import { securityOf } from '../iam/project-security';

/**
 * Decides what a principal may do in a scope. A scope the caller may not see is NOT_FOUND, exactly
 * like one that does not exist; FORBIDDEN is only for a visible scope whose role lacks the permission.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly store: TenancyStore,
    private readonly identities: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  platformPermissions(principal: Principal): ReadonlySet<Permission> {
    return limitToScope(principal, new Set(PLATFORM_ROLE_PERMISSIONS[principal.platformRole]));
  }

  requirePlatform(principal: Principal, permission: Permission): void {
    if (!this.platformPermissions(principal).has(permission)) throw forbidden();
  }

  async workspace(principal: Principal, workspace: string): Promise<WorkspaceAccess> {
    const [resource, role] = await Promise.all([
      this.store.findWorkspace(workspace),
      this.store.workspaceRole(workspace, principal.username),
    ]);
    const permissions = new Set(PLATFORM_ROLE_PERMISSIONS[principal.platformRole]);
    if (role) WORKSPACE_ROLE_PERMISSIONS[role].forEach((p) => permissions.add(p));
    if (!resource || !permissions.has(Permission.WORKSPACE_VIEW))
      throw DomainError.notFound('workspace', workspace);
    return { principal, workspace, role, permissions: limitToScope(principal, permissions) };
  }

  async project(principal: Principal, project: string): Promise<ProjectAccess> {
    const [namespace, role] = await Promise.all([
      this.store.findProject(project),
      this.store.projectRole(project, principal.username),
    ]);
    const workspace = namespace?.metadata?.labels?.[LABELS.workspace];
    if (!workspace) throw DomainError.notFound('project', project);
    const workspaceRole = await this.store.workspaceRole(workspace, principal.username);
    const permissions = new Set(PLATFORM_ROLE_PERMISSIONS[principal.platformRole]);
    const inherited = workspaceRole ? WORKSPACE_ROLE_IN_PROJECTS[workspaceRole] : null;
    for (const projectRole of [role, inherited]) {
      if (projectRole) PROJECT_ROLE_PERMISSIONS[projectRole].forEach((p) => permissions.add(p));
    }
    if (!permissions.has(Permission.PROJECT_VIEW)) throw DomainError.notFound('project', project);
    return {
      principal,
      project,
      workspace,
      role,
      workspaceRole,
      permissions: limitToScope(principal, permissions),
      identity: this.identities.forProject(
        principal.username,
        principal.platformRole,
        workspace,
        workspaceRole,
      ),
      security: securityOf(namespace, this.config.podSecurityDefault),
    };
  }

  /** For operations on a user: oneself, or with the platform's user permissions. */
  user(principal: Principal, target: string, permission: Permission, selfAllowed: boolean): void {
    const self = target === principal.username;
    if (self && selfAllowed) return;
    // Without the right to see other users, another user is indistinguishable from no user.
    const seesOthers = PLATFORM_ROLE_PERMISSIONS[principal.platformRole].includes(Permission.USERS_VIEW);
    if (!self && !seesOthers) throw DomainError.notFound('user', target);
    if (!this.platformPermissions(principal).has(permission)) throw forbidden();
  }

  static require(permissions: ReadonlySet<Permission>, permission: Permission): void {
    if (!permissions.has(permission)) throw forbidden();
  }

  static isPlatformAdmin(principal: Principal): boolean {
    return principal.platformRole === PlatformRole.ADMIN;
  }
}

/** A read-only API token keeps only the read permissions of its owner. */
function limitToScope(principal: Principal, permissions: Set<Permission>): ReadonlySet<Permission> {
  if (principal.scope === 'read-write') return permissions;
  return new Set([...permissions].filter((p) => READ_PERMISSIONS.has(p)));
}

export function forbidden(message = 'Your role does not allow this'): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message);
}
