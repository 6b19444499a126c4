import type { KubeObject } from '../kube';
import type { WorkspaceRole } from './roles';

/** The metadata Berth reads of its tenancy custom resources (both cluster-scoped). */
interface TenancyMetadata {
  name: string;
  resourceVersion?: string;
  creationTimestamp?: Date;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface WorkspaceResource extends KubeObject {
  metadata: TenancyMetadata;
  spec: { displayName?: string; description?: string; manager?: string };
}

/** A user's role in a workspace. Named `<workspace>.<user>`: at most one per user per workspace. */
export interface WorkspaceMemberResource extends KubeObject {
  metadata: TenancyMetadata;
  spec: { workspace: string; user: string; role: WorkspaceRole };
}

export const workspaceMemberName = (workspace: string, user: string): string => `${workspace}.${user}`;
