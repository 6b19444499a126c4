import type { KubeObject } from '../kube';
import type { WorkspaceRole } from './roles';

export interface WorkspaceResource extends KubeObject {
  metadata: {
    name: string;
    resourceVersion?: string;
    creationTimestamp?: Date;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  spec: { displayName?: string; description?: string; manager?: string };
}

/** A user's role in a workspace. Named `<workspace>.<user>`: at most one per user per workspace. */
export interface WorkspaceMemberResource extends KubeObject {
  metadata: {
    name: string;
    resourceVersion?: string;
    creationTimestamp?: Date;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: { workspace: string; user: string; role: WorkspaceRole };
}

export const workspaceMemberName = (workspace: string, user: string): string => `${workspace}.${user}`;
