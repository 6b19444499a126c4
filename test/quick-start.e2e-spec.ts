import { NAMESPACES, ROLE_BINDINGS } from '../src/kube';
import { ACCOUNTS, WORKSPACES, WORKSPACE_MEMBERS } from '../src/iam/resources';
import type { KubeClient, KubeObject, V1RoleBinding } from '../src/kube';
import { ADMIN, TestApp } from './support/test-app';
const PASSWORD = 'Quick-Start-Passw0rd';
const USERS = ['ws-manager', 'ws-admin', 'project-admin', 'project-regular'];

/**
 * The seed's quick start, through the API, with each step checked in the cluster: accounts, a
 * workspace with its manager, workspace invitations, a project and a project invitation.
 */
/** A role as GraphQL spells it: workspace-admin → WORKSPACE_ADMIN. */
const enumName = (role: string) => role.replace(/-/g, '_').toUpperCase();

describe("the seed's quick start", () => {
  let t: TestApp;
  let kube: KubeClient;
  const tokens: Record<string, string> = {};

  const gql = async <T>(as: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await t.graphql<T>(query, variables, tokens[as]);
    if (res.errors) throw new Error(`${as}: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };

  const cleanUp = async () => {
    await kube.delete(NAMESPACES.ref('demo-project')).catch(() => undefined);
    const members = (await kube.list(WORKSPACE_MEMBERS)).items;
    for (const m of members.filter((m) => m.spec.workspace === 'demo-workspace')) {
      await kube.delete(WORKSPACE_MEMBERS.ref(m.metadata.name));
    }
    await kube.delete(WORKSPACES.ref('demo-workspace')).catch(() => undefined);
    for (const user of USERS) await kube.delete(ACCOUNTS.ref(user)).catch(() => undefined);
    // The namespace of an earlier run may still be terminating.
    for (let i = 0; i < 120 && (await kube.find(NAMESPACES.ref('demo-project'))); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    await cleanUp();
    tokens.admin = await t.token(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await cleanUp();
    await t.close();
  });

  it('1. the platform admin creates the four accounts', async () => {
    const roles: Record<string, string> = { 'ws-manager': 'platform-self-provisioner' };
    for (const username of USERS) {
      const data = await gql<{ createUser: Record<string, unknown> }>(
        'admin',
        'mutation($input: CreateUserInput!) { createUser(input: $input) { username email platformRole state } }',
        {
          input: {
            username,
            email: `${username}@example.com`,
            password: PASSWORD,
            platformRole: enumName(roles[username] ?? 'platform-regular'),
          },
        },
      );
      expect(data.createUser).toEqual({
        username,
        email: `${username}@example.com`,
        platformRole: enumName(roles[username] ?? 'platform-regular'),
        state: 'Active',
      });

      const account = await kube.get(ACCOUNTS.ref(username));
      expect(account.spec).toMatchObject({
        email: `${username}@example.com`,
        platformRole: roles[username] ?? 'platform-regular',
        state: 'Active',
      });
      expect(account.spec.passwordHash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(data)).not.toContain('argon2');
    }
    for (const username of USERS) tokens[username] = await t.token(username, PASSWORD);
  });

  it('2. ws-manager creates demo-workspace with ws-admin as its manager', async () => {
    const data = await gql<{ createWorkspace: Record<string, unknown> }>(
      'ws-manager',
      'mutation { createWorkspace(input: { name: "demo-workspace", manager: "ws-admin" }) { name manager creator members { nodes { username role } } } }',
    );
    expect(data.createWorkspace).toEqual({
      name: 'demo-workspace',
      manager: 'ws-admin',
      creator: 'ws-manager',
      members: {
        nodes: [
          { username: 'ws-admin', role: 'WORKSPACE_ADMIN' },
          { username: 'ws-manager', role: 'WORKSPACE_ADMIN' },
        ],
      },
    });
    const workspace = await kube.get(WORKSPACES.ref('demo-workspace'));
    expect(workspace.spec.manager).toBe('ws-admin');
    const member = await kube.get(WORKSPACE_MEMBERS.ref('demo-workspace.ws-admin'));
    expect(member.metadata.labels).toMatchObject({
      'tenancy.berth.io/workspace': 'demo-workspace',
      'tenancy.berth.io/user': 'ws-admin',
      'tenancy.berth.io/role': 'workspace-admin',
    });
  });

  it('3. ws-admin invites project-admin as workspace-self-provisioner and project-regular as workspace-viewer', async () => {
    for (const [username, role] of [
      ['project-admin', 'workspace-self-provisioner'],
      ['project-regular', 'workspace-viewer'],
    ]) {
      const data = await gql<{ addWorkspaceMember: unknown }>(
        'ws-admin',
        'mutation($u: String!, $r: WorkspaceRole!) { addWorkspaceMember(workspace: "demo-workspace", input: { username: $u, role: $r }) { username role } }',
        { u: username, r: enumName(role) },
      );
      // GraphQL spells the role as an enum value; the cluster holds the role itself.
      expect(data.addWorkspaceMember).toEqual({ username, role: enumName(role) });
      const member = await kube.get(WORKSPACE_MEMBERS.ref(`demo-workspace.${username}`));
      expect(member.spec).toEqual({ workspace: 'demo-workspace', user: username, role });
      expect(member.metadata.labels).toMatchObject({
        'tenancy.berth.io/user': username,
        'tenancy.berth.io/role': role,
      });
    }
  });

  it('4. project-admin creates demo-project and becomes its project-admin', async () => {
    const data = await gql<{ createProject: unknown }>(
      'project-admin',
      'mutation { createProject(workspace: "demo-workspace", input: { name: "demo-project", displayName: "Demo" }) { name workspace creator displayName members { nodes { username role } } } }',
    );
    expect(data.createProject).toEqual({
      name: 'demo-project',
      workspace: 'demo-workspace',
      creator: 'project-admin',
      displayName: 'Demo',
      members: { nodes: [{ username: 'project-admin', role: 'PROJECT_ADMIN' }] },
    });
    const namespace = await kube.get(NAMESPACES.ref('demo-project'));
    expect(namespace.metadata?.labels?.['tenancy.berth.io/workspace']).toBe('demo-workspace');
    expect(namespace.metadata?.annotations).toMatchObject({
      'berth.io/creator': 'project-admin',
      'berth.io/display-name': 'Demo',
    });

    const bindings = (
      await kube.list(ROLE_BINDINGS, {
        namespace: 'demo-project',
      })
    ).items;
    const byName = new Map(bindings.map((b) => [b.metadata?.name, b]));
    expect(byName.get('berth-project-admin-project-admin')).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'berth:project-admin' },
      subjects: [{ kind: 'User', name: 'berth:project-admin' }],
      metadata: {
        labels: { 'tenancy.berth.io/user': 'project-admin', 'tenancy.berth.io/role': 'project-admin' },
      },
    });
    expect(byName.get('berth-workspace-admins')).toMatchObject({
      roleRef: { name: 'berth:project-admin' },
      subjects: [{ kind: 'Group', name: 'berth:workspace:demo-workspace:workspace-admin' }],
    });
    expect(byName.get('berth-workspace-viewers')).toMatchObject({
      roleRef: { name: 'berth:project-viewer' },
      subjects: [{ kind: 'Group', name: 'berth:workspace:demo-workspace:workspace-viewer' }],
    });
  });

  it('5. project-admin invites project-regular as project-regular', async () => {
    const res = await t
      .as(tokens['project-admin'])
      .post('/api/v1/projects/demo-project/members')
      .send({ username: 'project-regular', role: 'project-regular' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ username: 'project-regular', role: 'project-regular' });
    const binding = await kube.get<V1RoleBinding & KubeObject>(
      ROLE_BINDINGS.ref('demo-project', 'berth-project-regular-project-regular'),
    );
    expect(binding.roleRef.name).toBe('berth:project-regular');
    expect(binding.subjects).toEqual([
      expect.objectContaining({ kind: 'User', name: 'berth:project-regular' }),
    ]);
  });

  it('6. project-regular now sees the project and its members, and may not manage members', async () => {
    const data = await gql<{
      project: { members: { nodes: unknown[] } };
      projects: { nodes: { name: string }[] };
    }>(
      'project-regular',
      '{ project(name: "demo-project") { members { nodes { username role } } } projects(workspace: "demo-workspace") { nodes { name } } }',
    );
    expect(data.project.members.nodes).toEqual([
      { username: 'project-admin', role: 'PROJECT_ADMIN' },
      { username: 'project-regular', role: 'PROJECT_REGULAR' },
    ]);
    expect(data.projects.nodes).toEqual([{ name: 'demo-project' }]);
    const denied = await t.graphql(
      'mutation { addProjectMember(project: "demo-project", input: { username: "ws-admin", role: PROJECT_VIEWER }) { username } }',
      {},
      tokens['project-regular'],
    );
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
