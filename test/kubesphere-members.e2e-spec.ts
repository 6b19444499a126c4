import request from 'supertest';
import { ksContractProblems } from './support/ks-contract';
import { TestApp } from './support/test-app';
import { projectMember, workloadProject, type WorkloadProject } from './support/workload-fixture';

const IAM = '/kube/kapis/iam.kubesphere.io/v1alpha2';

interface KsUserList {
  items: { kind: string; metadata: { name: string; annotations: Record<string, string> } }[];
  totalItems: number;
}

/**
 * KubeSphere's project member management as its console sends it (Project Members, Project Roles,
 * the invite dialog's workspace members), checked against Berth's own member API and the
 * RoleBindings the cluster holds, for each role: admin manages, regular and viewer are refused, an
 * outsider sees no project.
 */
describe('KubeSphere project members', () => {
  let t: TestApp;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let viewer: { username: string; token: string };
  let projectAdmin: { username: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.token();
    w = await workloadProject(t, admin);
    other = await workloadProject(t, admin);
    viewer = await projectMember(t, w, 'project-viewer');
    projectAdmin = await projectMember(t, w, 'project-admin');
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await other.f.cleanUp();
    await t.close();
  });

  const as = (token: string) => ({
    get: (path: string) => request(t.server).get(`${IAM}${path}`).set('authorization', `Bearer ${token}`),
    post: (path: string, body: unknown) =>
      request(t.server)
        .post(`${IAM}${path}`)
        .set('authorization', `Bearer ${token}`)
        .send(body as object),
    put: (path: string, body: unknown) =>
      request(t.server)
        .put(`${IAM}${path}`)
        .set('authorization', `Bearer ${token}`)
        .send(body as object),
    delete: (path: string) =>
      request(t.server).delete(`${IAM}${path}`).set('authorization', `Bearer ${token}`),
  });
  /** The members as Berth's own API answers them. */
  const berthMembers = async () =>
    Object.fromEntries(
      (
        (await t.as(projectAdmin.token).get(`/api/v1/projects/${w.project}/members?limit=500`)).body as {
          items: { username: string; role: string }[];
        }
      ).items.map((m) => [m.username, m.role]),
    );
  const newWorkspaceMember = async () => {
    const { username } = await w.f.user();
    await w.f.workspaceMember(w.workspace, username, 'workspace-regular');
    return username;
  };

  it('lists the members as Users carrying their role, as Berth’s own API lists them', async () => {
    // Every member may see who else is in the project, as in Berth's own API.
    for (const token of [viewer.token, w.regular.token])
      expect((await as(token).get(`/namespaces/${w.project}/members?sortBy=name&limit=-1`)).status).toBe(200);
    const mine = await as(projectAdmin.token).get(`/namespaces/${w.project}/members?limit=-1`);
    expect(mine.status).toBe(200);
    const path = '/kapis/iam.kubesphere.io/v1alpha2/namespaces/{namespace}/members';
    expect(ksContractProblems(mine.body, { method: 'GET', path })).toEqual([]);
    const body = mine.body as KsUserList;
    expect(
      Object.fromEntries(
        body.items.map((u) => [u.metadata.name, u.metadata.annotations['iam.kubesphere.io/role']]),
      ),
    ).toEqual(await berthMembers());
    expect(body.totalItems).toBe(body.items.length);
    // Only name and role: no e-mail of another member.
    expect(JSON.stringify(body)).not.toContain('@example.com');
    const one = await as(projectAdmin.token).get(`/namespaces/${w.project}/members/${viewer.username}`);
    expect(ksContractProblems(one.body, { method: 'GET', path: `${path}/{member}` })).toEqual([]);
    expect(one.body).toMatchObject({
      metadata: { annotations: { 'iam.kubesphere.io/role': 'project-viewer' } },
    });
    expect((await as(projectAdmin.token).get(`/namespaces/${w.project}/members/nobody-here`)).status).toBe(
      404,
    );
  });

  it('lists the project roles with the rules the console draws its buttons from', async () => {
    const res = await as(projectAdmin.token).get(`/namespaces/${w.project}/roles?limit=-1&sortBy=createTime`);
    expect(res.status).toBe(200);
    expect(
      ksContractProblems(res.body, {
        method: 'GET',
        path: '/kapis/iam.kubesphere.io/v1alpha2/namespaces/{namespace}/roles',
      }),
    ).toEqual([]);
    const roles = (res.body as KsUserList).items;
    expect(roles.map((r) => r.metadata.name).sort()).toEqual([
      'project-admin',
      'project-regular',
      'project-viewer',
    ]);
    const rules = (name: string) =>
      JSON.parse(
        roles.find((r) => r.metadata.name === name)!.metadata.annotations[
          'iam.kubesphere.io/role-template-rules'
        ],
      ) as Record<string, string[]>;
    expect(rules('project-admin')).toMatchObject({ members: ['manage'], statefulsets: ['manage'] });
    expect(rules('project-regular').members).toEqual(['view']);
    expect(rules('project-viewer')).toMatchObject({ statefulsets: ['view'] });
  });

  it('invites, changes and removes a member as Berth’s own API does, and keeps the last admin', async () => {
    const [a, b] = [await newWorkspaceMember(), await newWorkspaceMember()];
    const admin = as(projectAdmin.token);
    const invited = await admin.post(`/namespaces/${w.project}/members`, [
      { username: a, roleRef: 'project-viewer' },
      { username: b, roleRef: 'project-regular' },
    ]);
    expect(invited.status).toBe(201);
    expect(
      ksContractProblems(invited.body, {
        method: 'POST',
        path: '/kapis/iam.kubesphere.io/v1alpha2/namespaces/{namespace}/members',
      }),
    ).toEqual([]);
    expect(await berthMembers()).toMatchObject({ [a]: 'project-viewer', [b]: 'project-regular' });

    const changed = await admin.put(`/namespaces/${w.project}/members/${a}`, {
      username: a,
      roleRef: 'project-regular',
    });
    expect([changed.status, changed.body]).toEqual([200, { username: a, roleRef: 'project-regular' }]);
    expect((await berthMembers())[a]).toBe('project-regular');

    const removed = await admin.delete(`/namespaces/${w.project}/members/${b}`);
    expect([removed.status, removed.body]).toEqual([200, { message: 'success' }]);
    expect((await berthMembers())[b]).toBeUndefined();

    // The same refusals as Berth's own API: the body must name the member in the path.
    const mismatch = await admin.put(`/namespaces/${w.project}/members/${a}`, {
      username: b,
      roleRef: 'project-admin',
    });
    expect([mismatch.status, JSON.stringify(mismatch.body)]).toEqual([
      400,
      expect.stringContaining('username'),
    ]);
  });

  it('refuses a bad invitation whole: nothing is half-done, every bad field is named', async () => {
    const good = await newWorkspaceMember();
    const admin = as(projectAdmin.token);
    const bad = await admin.post(`/namespaces/${w.project}/members`, [
      { username: good, roleRef: 'project-viewer' },
      { username: 'Not_A_Name', roleRef: 'owner' },
    ]);
    expect(bad.status).toBe(400);
    const fields = (bad.body as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['[1].username', '[1].roleRef']));
    expect((await berthMembers())[good]).toBeUndefined();
    // Valid names, but the second is no member of the workspace: the first invitation is undone.
    const outsider = (await w.f.user()).username;
    const refused = await admin.post(`/namespaces/${w.project}/members`, [
      { username: good, roleRef: 'project-viewer' },
      { username: outsider, roleRef: 'project-viewer' },
    ]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('must be a member of workspace');
    expect((await berthMembers())[good]).toBeUndefined();
    expect((await admin.post(`/namespaces/${w.project}/members`, {})).status).toBe(400);
    expect(
      (
        await admin.post(
          `/namespaces/${w.project}/members`,
          new Array(21).fill({ username: good, roleRef: 'project-viewer' }),
        )
      ).status,
    ).toBe(400);
  });

  it('refuses member changes to regular and viewer, and hides the project from an outsider', async () => {
    const someone = await newWorkspaceMember();
    for (const token of [w.regular.token, viewer.token]) {
      const res = await as(token).post(`/namespaces/${w.project}/members`, [
        { username: someone, roleRef: 'project-admin' },
      ]);
      expect(res.status).toBe(403);
      expect(
        (await as(token).delete(`/namespaces/${w.project}/members/${projectAdmin.username}`)).status,
      ).toBe(403);
    }
    const hidden = await as(other.regular.token).get(`/namespaces/${w.project}/members`);
    const missing = await as(other.regular.token).get(`/namespaces/no-such-project-x/members`);
    const named = (body: unknown, project: string) => JSON.stringify(body).replaceAll(project, 'P');
    expect([hidden.status, named(hidden.body, w.project)]).toEqual([
      404,
      named(missing.body, 'no-such-project-x'),
    ]);
    expect((await berthMembers())[someone]).toBeUndefined();
  });

  it('lists the workspace’s members for the invite dialog, with their workspace roles', async () => {
    const res = await as(w.regular.token).get(`/workspaces/${w.workspace}/workspacemembers?limit=-1`);
    expect(res.status).toBe(200);
    expect(
      ksContractProblems(res.body, {
        method: 'GET',
        path: '/kapis/iam.kubesphere.io/v1alpha2/workspaces/{workspace}/workspacemembers',
      }),
    ).toEqual([]);
    const roles = Object.fromEntries(
      (res.body as KsUserList).items.map((u) => [
        u.metadata.name,
        u.metadata.annotations['iam.kubesphere.io/workspacerole'],
      ]),
    );
    expect(roles).toMatchObject({
      [w.regular.username]: 'workspace-regular',
      [viewer.username]: 'workspace-regular',
    });
    expect((await as(other.regular.token).get(`/workspaces/${w.workspace}/workspacemembers`)).status).toBe(
      404,
    );
  });
});
