import { ROLE_BINDINGS } from '../src/kube';
import { errorBody, TestApp } from './support/test-app';
import { FIXTURE_PASSWORD, TenancyFixture } from './support/tenancy-fixture';

/** Tenancy rules beyond who-may-call-what: invariants, validation and visibility. */
describe('tenancy rules', () => {
  let t: TestApp;
  let f: TenancyFixture;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token();
    f = new TenancyFixture(t, admin);
  });

  afterAll(async () => {
    await f.cleanUp();
    await t.close();
  });

  const memberBindings = async (project: string, user: string) =>
    (
      await t.kube.list(ROLE_BINDINGS, {
        namespace: project,
        labelSelector: `tenancy.berth.io/binding=member,tenancy.berth.io/user=${user}`,
      })
    ).items;

  async function projectWithAdmin(): Promise<{ workspace: string; project: string; admin: string }> {
    const workspace = await f.workspace();
    const project = await f.project(workspace); // the platform admin creating it becomes its project-admin
    return { workspace, project, admin: 'admin' };
  }

  it('assigning a project role replaces the old one: one RoleBinding per member', async () => {
    const { workspace, project } = await projectWithAdmin();
    const { username } = await f.user();
    await f.workspaceMember(workspace, username, 'workspace-regular');
    await f.projectMember(project, username, 'project-viewer');
    await t
      .as(admin)
      .put(`/api/v1/projects/${project}/members/${username}`)
      .send({ role: 'project-regular' })
      .expect(200);
    const bindings = await memberBindings(project, username);
    expect(bindings.map((b) => b.roleRef.name)).toEqual(['berth:project-regular']);
  });

  it('the last project-admin can be neither demoted nor removed', async () => {
    const { project } = await projectWithAdmin();
    const demote = await t
      .as(admin)
      .put(`/api/v1/projects/${project}/members/admin`)
      .send({ role: 'project-viewer' });
    expect(demote.status).toBe(409);
    expect(errorBody(demote)).toMatchObject({
      code: 'CONFLICT',
      message: `"admin" is the last project-admin of project "${project}"`,
    });
    const remove = await t.graphql(
      `mutation { removeProjectMember(project: "${project}", username: "admin") { role } }`,
      {},
      admin,
    );
    expect(remove.errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await memberBindings(project, 'admin')).map((b) => b.roleRef.name)).toEqual([
      'berth:project-admin',
    ]);
  });

  it('two admins demoting each other at the same time leave at least one admin', async () => {
    const { workspace, project } = await projectWithAdmin();
    const { username } = await f.user();
    await f.workspaceMember(workspace, username, 'workspace-regular');
    await f.projectMember(project, username, 'project-admin');
    const results = await Promise.all(
      ['admin', username].map((u) =>
        t.as(admin).put(`/api/v1/projects/${project}/members/${u}`).send({ role: 'project-viewer' }),
      ),
    );
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    const members = (await t.as(admin).get(`/api/v1/projects/${project}/members`)).body as {
      items: { role: string }[];
    };
    expect(members.items.filter((m) => m.role === 'project-admin').length).toBeGreaterThanOrEqual(1);
  });

  it('a project member must first be a member of the workspace', async () => {
    const { project } = await projectWithAdmin();
    const { username } = await f.user();
    const res = await t
      .as(admin)
      .post(`/api/v1/projects/${project}/members`)
      .send({ username, role: 'project-viewer' });
    expect(res.status).toBe(400);
    expect(errorBody(res).fields).toEqual([
      { path: 'username', message: expect.stringContaining('must be a member of workspace') as unknown },
    ]);
  });

  it('removing a workspace member also ends their project memberships there', async () => {
    const { workspace, project } = await projectWithAdmin();
    const { username } = await f.user();
    await f.workspaceMember(workspace, username, 'workspace-regular');
    await f.projectMember(project, username, 'project-regular');
    await t.as(admin).delete(`/api/v1/workspaces/${workspace}/members/${username}`).expect(200);
    expect(await memberBindings(project, username)).toEqual([]);
  });

  it('a workspace with projects is not deleted (nothing is deleted unless asked)', async () => {
    const { workspace, project } = await projectWithAdmin();
    const res = await t.as(admin).delete(`/api/v1/workspaces/${workspace}`);
    expect(res.status).toBe(409);
    expect(errorBody(res).message).toContain(project);
  });

  it('lists show only what the caller may see', async () => {
    const mine = await f.workspace();
    const theirs = await f.workspace();
    const myProject = await f.project(mine);
    const hiddenProject = await f.project(mine);
    await f.project(theirs);
    const { username } = await f.user();
    await f.workspaceMember(mine, username, 'workspace-regular');
    await f.projectMember(myProject, username, 'project-viewer');
    const token = await t.token(username, FIXTURE_PASSWORD);

    const gql = await t.graphql<{
      workspaces: { nodes: { name: string; projects: { nodes: { name: string }[] } }[] };
    }>('{ workspaces { nodes { name projects { nodes { name } } } } }', {}, token);
    expect(gql.data?.workspaces.nodes).toEqual([{ name: mine, projects: { nodes: [{ name: myProject }] } }]);
    const rest = (await t.as(token).get('/api/v1/projects')).body as { items: { name: string }[] };
    expect(rest.items.map((p) => p.name)).toEqual([myProject]);
    expect(rest.items.map((p) => p.name)).not.toContain(hiddenProject);
  });

  describe('bad input names the field, on both transports, and writes nothing', () => {
    it.each([
      ['a username that is not a DNS-1123 label', { username: 'Bad_Name' }, 'username'],
      ['a username over 63 characters', { username: 'a'.repeat(64) }, 'username'],
      ['an email that is not one', { email: 'not-an-email' }, 'email'],
      ['a password without a digit', { password: 'NoDigitsHere' }, 'password'],
      ['a password too short', { password: 'Sh0rt' }, 'password'],
      ['an unknown platform role', { platformRole: 'platform-god' }, 'platformRole'],
    ])('createUser with %s', async (_, override, field) => {
      const username = f.name('v');
      const input = { username, email: `${username}@example.com`, password: FIXTURE_PASSWORD, ...override };
      const rest = await t.as(admin).post('/api/v1/users').send(input);
      expect(rest.status).toBe(400);
      expect(errorBody(rest).code).toBe('BAD_USER_INPUT');
      expect(errorBody(rest).fields?.map((x) => x.path)).toContain(field);
      const gql = await t.graphql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }',
        { i: input },
        admin,
      );
      expect(gql.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(gql.errors?.[0].extensions.fields?.map((x) => x.path)).toContain(field);
      // Nothing written: no such user is listed (a name that no user can have is not even looked up).
      const users = (await t.as(admin).get('/api/v1/users?limit=500')).body as {
        items: { username: string }[];
        totalItems: number;
      };
      expect(users.items).toHaveLength(users.totalItems);
      expect(users.items.map((u) => u.username)).not.toContain(input.username);
    });

    it('createProject with an invalid name, and createWorkspace with an unknown manager', async () => {
      const workspace = await f.workspace();
      const bad = await t.as(admin).post(`/api/v1/workspaces/${workspace}/projects`).send({ name: '-bad-' });
      expect(errorBody(bad).fields?.[0]).toMatchObject({ path: 'name' });
      const manager = await t
        .as(admin)
        .post('/api/v1/workspaces')
        .send({ name: f.name('ws'), manager: 'nobody-at-all' });
      expect(manager.status).toBe(400);
      expect(errorBody(manager).fields).toEqual([{ path: 'manager', message: 'no user "nobody-at-all"' }]);
    });

    it('an unknown field is refused rather than ignored', async () => {
      const res = await t
        .as(admin)
        .post('/api/v1/workspaces')
        .send({ name: f.name('ws'), managr: 'admin' });
      expect(errorBody(res).fields).toEqual([
        { path: 'managr', message: 'property managr should not exist' },
      ]);
    });
  });
});
