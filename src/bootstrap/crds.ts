import type { KubeObject } from '../kube';
import { IAM_GROUP, TENANCY_GROUP } from '../iam/api-groups';

type Schema = Record<string, unknown>;
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  ...extra,
});

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

/** Accounts: identity, platform role and password. Only the service reads them (they hold hashes). */
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
  obj({ lastLoginAt: str({ format: 'date-time' }) }),
  [
    ['Email', '.spec.email'],
    ['Role', '.spec.platformRole'],
    ['State', '.spec.state'],
  ],
);

/**
 * One per sign-in (refresh token), so parallel sign-ins and refreshes of one account never contend
 * for one object. Owned by the Account: deleting it deletes them; its UID ties them to that account.
 */
const SESSION = crd(
  IAM_GROUP,
  'Session',
  'sessions',
  obj(
    {
      accountUID: str(),
      username: str(),
      secretHash: str(),
      createdAt: str({ format: 'date-time' }),
      expiresAt: str({ format: 'date-time' }),
      refreshedAt: str({ format: 'date-time' }),
    },
    { required: ['accountUID', 'username', 'secretHash', 'createdAt', 'expiresAt'] },
  ),
  null,
  [
    ['User', '.spec.username'],
    ['Expires', '.spec.expiresAt'],
  ],
);

/** One per named API token of an account (its hash only), owned by the Account like sessions. */
const API_TOKEN = crd(
  IAM_GROUP,
  'ApiToken',
  'apitokens',
  obj(
    {
      accountUID: str(),
      username: str(),
      name: str(),
      secretHash: str(),
      scope: str({ enum: ['read-only', 'read-write'] }),
      createdAt: str({ format: 'date-time' }),
      expiresAt: str({ format: 'date-time' }),
      lastUsedAt: str({ format: 'date-time' }),
    },
    { required: ['accountUID', 'username', 'name', 'secretHash', 'scope', 'createdAt'] },
  ),
  null,
  [
    ['User', '.spec.username'],
    ['Token', '.spec.name'],
    ['Scope', '.spec.scope'],
  ],
);

/**
 * Failed sign-ins of one username from one client address (or from all, for the global ceiling),
 * whether or not such an account exists; counted with optimistic concurrency, so none is lost.
 */
const LOGIN_ATTEMPTS = crd(
  IAM_GROUP,
  'LoginAttempts',
  'loginattempts',
  obj(
    {
      username: str(),
      address: str(),
      failures: { type: 'integer', minimum: 0 },
      windowStart: str({ format: 'date-time' }),
      lockedUntil: str({ format: 'date-time' }),
    },
    { required: ['failures', 'windowStart'] },
  ),
  null,
  [
    ['User', '.spec.username'],
    ['Address', '.spec.address'],
    ['Failures', '.spec.failures'],
    ['Locked until', '.spec.lockedUntil'],
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

export const CRDS: KubeObject[] = [ACCOUNT, SESSION, API_TOKEN, LOGIN_ATTEMPTS, WORKSPACE, WORKSPACE_MEMBER];
