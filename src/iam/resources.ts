import { resource } from '../kube';
import type {
  AccountResource,
  ApiTokenResource,
  LoginAttemptsResource,
  SessionResource,
} from './account.resource';
import { IAM_API_VERSION, TENANCY_API_VERSION } from './api-groups';
import {
  workspaceMemberName,
  type WorkspaceMemberResource,
  type WorkspaceResource,
} from './workspace.resource';

/** Berth's own kinds (all cluster-scoped): the identity model as the cluster stores it. */
export const ACCOUNTS = resource<AccountResource>(IAM_API_VERSION, 'Account', { namespaced: false });
export const SESSIONS = resource<SessionResource>(IAM_API_VERSION, 'Session', { namespaced: false });
export const API_TOKENS = resource<ApiTokenResource>(IAM_API_VERSION, 'ApiToken', { namespaced: false });
export const LOGIN_ATTEMPTS = resource<LoginAttemptsResource>(IAM_API_VERSION, 'LoginAttempts', {
  namespaced: false,
});
export const WORKSPACES = resource<WorkspaceResource>(TENANCY_API_VERSION, 'Workspace', {
  namespaced: false,
});
export const WORKSPACE_MEMBERS = resource<WorkspaceMemberResource>(TENANCY_API_VERSION, 'WorkspaceMember', {
  namespaced: false,
});

/** A user's membership of a workspace: one object, named for both, so a second one cannot exist. */
export const workspaceMemberRef = (workspace: string, user: string) =>
  WORKSPACE_MEMBERS.ref(workspaceMemberName(workspace, user));
