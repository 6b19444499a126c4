import type { KubeObject } from '../kube';

/** API groups of Berth's own custom resources. */
export const IAM_GROUP = 'iam.berth.io';
export const TENANCY_GROUP = 'tenancy.berth.io';
export const IAM_API_VERSION = `${IAM_GROUP}/v1alpha1`;
export const TENANCY_API_VERSION = `${TENANCY_GROUP}/v1alpha1`;

type Schema = Record<string, unknown>;
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  ...extra,
});
const list = (items: Schema): Schema => ({ type: 'array', items });

function crd(
  group: string,
  kind: string,
  plural: string,
  spec: Schema,
  status: Schema | null,
  columns: [string, string][],
): KubeObject {
  const schema = obj({ spec: { ...spec, type: 'object' }, ...(status ? { status } : {}) });
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}`, labels: { 'app.kubernetes.io/managed-by': 'berth' } },
    spec: {
      group,
      scope: 'Cluster',
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          additionalPrinterColumns: columns.map(([name, jsonPath]) => ({ name, type: 'string', jsonPath })),
        },
      ],
    },
  } as KubeObject;
}

/** Accounts: identity, platform role and credentials. Only the service reads them (they hold hashes). */
const ACCOUNT = crd(
  IAM_GROUP,
  'Account',
  'accounts',
  obj(
    {
      email: str(),
      displayName: str(),
      platformRole: str({ enum: ['platform-admin', 'platform-self-provisioner', 'platform-regular'] }),
      state: str({ enum: ['Active', 'Disabled'] }),
      passwordHash: str(),
      // Bumped whenever every issued token must stop working (password change, disabling).
      tokenGeneration: { type: 'integer', minimum: 0 },
    },
    { required: ['email', 'platformRole', 'state', 'passwordHash'] },
  ),
  obj({
    failedLogins: list(str({ format: 'date-time' })),
    lockedUntil: str({ format: 'date-time' }),
    lastLoginAt: str({ format: 'date-time' }),
    sessions: list(
      obj(
        { id: str(), secretHash: str(), createdAt: str(), expiresAt: str(), refreshedAt: str() },
        { required: ['id', 'secretHash', 'expiresAt'] },
      ),
    ),
    apiTokens: list(
      obj(
        {
          id: str(),
          name: str(),
          secretHash: str(),
          scope: str({ enum: ['read-only', 'read-write'] }),
          createdAt: str(),
          expiresAt: str(),
          lastUsedAt: str(),
        },
        { required: ['id', 'name', 'secretHash', 'scope', 'createdAt'] },
      ),
    ),
  }),
  [
    ['Email', '.spec.email'],
    ['Role', '.spec.platformRole'],
    ['State', '.spec.state'],
  ],
);

const WORKSPACE = crd(
  TENANCY_GROUP,
  'Workspace',
  'workspaces',
  obj({ displayName: str(), description: str(), manager: str() }),
  null,
  [['Manager', '.spec.manager']],
);

/** One per user per workspace; the name is `<workspace>.<user>` so a second one cannot exist. */
const WORKSPACE_MEMBER = crd(
  TENANCY_GROUP,
  'WorkspaceMember',
  'workspacemembers',
  obj(
    {
      workspace: str(),
      user: str(),
      role: str({
        enum: ['workspace-admin', 'workspace-self-provisioner', 'workspace-regular', 'workspace-viewer'],
      }),
    },
    { required: ['workspace', 'user', 'role'] },
  ),
  null,
  [
    ['Workspace', '.spec.workspace'],
    ['User', '.spec.user'],
    ['Role', '.spec.role'],
  ],
);

export const CRDS: KubeObject[] = [ACCOUNT, WORKSPACE, WORKSPACE_MEMBER];
