import request from 'supertest';
import { TestApp } from './support/test-app';
import { projectMember, workloadProject, type WorkloadProject } from './support/workload-fixture';

type Rules = Record<string, string[]>;
interface KsRole {
  kind: string;
  metadata: { name: string; annotations: Record<string, string> };
}
const rulesOf = (roles: KsRole[]): Rules =>
  JSON.parse(roles[0].metadata.annotations['iam.kubesphere.io/role-template-rules']) as Rules;

/**
 * What KubeSphere's console reads on every page about the user and their scopes (the trace's
 * `users/{u}`, `globalroles`, `workspacetemplates`, `workspaces/{ws}/namespaces/{ns}`, and the
 * workspace and project roles whose `role-template-rules` decide its menus and buttons), for each role.
 */
describe('KubeSphere identity and tenancy endpoints', () => {
  let t: TestApp;
  let admin: string;
  let w: WorkloadProject;
  let other: WorkloadProject;
  let viewer: { username: string; token: string };
  let projectAdmin: { username: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token();
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

  const ks = (token: string, path: string) =>
    request(t.server).get(`/kube/kapis${path}`).set('authorization', `Bearer ${token}`);

  it('answers the signed-in user as a KubeSphere User, and nobody else’s to a regular user', async () => {
    const res = await ks(w.regular.token, `/iam.kubesphere.io/v1alpha2/users/${w.regular.username}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'User',
      metadata: {
        name: w.regular.username,
        annotations: { 'iam.kubesphere.io/globalrole': 'platform-regular' },
      },
      spec: { email: expect.stringContaining('@') as unknown, lang: 'en' },
      status: { state: 'Active' },
    });
    // As Berth's own /api/v1/users/{u} answers it: another user does not exist for a regular user.
    const res2 = await ks(w.regular.token, `/iam.kubesphere.io/v1alpha2/users/${viewer.username}`);
    const own = await request(t.server)
      .get(`/api/v1/users/${viewer.username}`)
      .set('authorization', `Bearer ${w.regular.token}`);
    expect([res2.status, own.status]).toEqual([404, 404]);
    expect((await ks(admin, `/iam.kubesphere.io/v1alpha2/users/${viewer.username}`)).status).toBe(200);
    expect((await request(t.server).get(`/kube/kapis/iam.kubesphere.io/v1alpha2/users/admin`)).status).toBe(
      401,
    );
  });

  it('gives global roles whose rules open workspace management to the platform admin only', async () => {
    const mine = await ks(
      w.regular.token,
      `/iam.kubesphere.io/v1alpha2/users/${w.regular.username}/globalroles`,
    );
    expect(mine.status).toBe(200);
    expect(rulesOf(mine.body as KsRole[])).toEqual({});
    const root = await ks(admin, '/iam.kubesphere.io/v1alpha2/users/admin/globalroles');
    expect(rulesOf(root.body as KsRole[])).toMatchObject({ workspaces: ['manage'], users: ['manage'] });
  });

  it('lists only the caller’s workspaces as WorkspaceTemplates, and hides the others as missing', async () => {
    const list = await ks(w.regular.token, '/tenant.kubesphere.io/v1alpha3/workspacetemplates?limit=10');
    expect(list.status).toBe(200);
    const body = list.body as { items: { kind: string; metadata: { name: string } }[]; totalItems: number };
    expect(body.items.map((i) => i.metadata.name)).toEqual([w.workspace]);
    expect(body).toMatchObject({ totalItems: 1, items: [{ kind: 'WorkspaceTemplate' }] });
    expect(
      (await ks(w.regular.token, `/tenant.kubesphere.io/v1alpha3/workspacetemplates/${w.workspace}`)).status,
    ).toBe(200);
    const hidden = await ks(
      other.regular.token,
      `/tenant.kubesphere.io/v1alpha3/workspacetemplates/${w.workspace}`,
    );
    const missing = await ks(
      other.regular.token,
      '/tenant.kubesphere.io/v1alpha3/workspacetemplates/no-such-ws-x',
    );
    const named = (body: unknown, name: string) => JSON.stringify(body).replaceAll(name, 'W');
    expect([hidden.status, named(hidden.body, w.workspace)]).toEqual([
      404,
      named(missing.body, 'no-such-ws-x'),
    ]);
  });

  it('answers a workspace’s namespace only in its own workspace', async () => {
    const path = `/tenant.kubesphere.io/v1alpha2/workspaces/${w.workspace}/namespaces`;
    const one = await ks(viewer.token, `${path}/${w.project}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ kind: 'Namespace', metadata: { name: w.project } });
    expect((await ks(viewer.token, path)).body).toMatchObject({
      totalItems: 1,
      items: [{ metadata: { name: w.project } }],
    });
    const elsewhere = await ks(
      admin,
      `/tenant.kubesphere.io/v1alpha2/workspaces/${other.workspace}/namespaces/${w.project}`,
    );
    expect(elsewhere.status).toBe(404);
    expect((await ks(other.regular.token, `${path}/${w.project}`)).status).toBe(404);
  });

  it('gives project roles whose rules show a viewer no edit action and a regular member no member management', async () => {
    const roles = async (who: { username: string; token: string }) => {
      const res = await ks(
        who.token,
        `/iam.kubesphere.io/v1alpha2/namespaces/${w.project}/members/${who.username}/roles`,
      );
      expect(res.status).toBe(200);
      return rulesOf(res.body as KsRole[]);
    };
    const ofViewer = await roles(viewer);
    expect(ofViewer).toMatchObject({ statefulsets: ['view'], pods: ['view'], members: ['view'] });
    expect(Object.values(ofViewer).flat()).not.toContain('manage');
    const ofRegular = await roles(w.regular);
    expect(ofRegular).toMatchObject({ statefulsets: ['manage'], configmaps: ['manage'], members: ['view'] });
    expect(await roles(projectAdmin)).toMatchObject({ statefulsets: ['manage'], members: ['manage'] });
    // Another member's roles: only with member management; an outsider sees no project at all.
    expect(
      (
        await ks(
          projectAdmin.token,
          `/iam.kubesphere.io/v1alpha2/namespaces/${w.project}/members/${viewer.username}/roles`,
        )
      ).status,
    ).toBe(200);
    const outsider = await ks(
      other.regular.token,
      `/iam.kubesphere.io/v1alpha2/namespaces/${w.project}/members/${other.regular.username}/roles`,
    );
    expect(outsider.status).toBe(404);
  });

  it('gives workspace roles whose project default opens projects only to workspace-wide roles', async () => {
    const res = await ks(
      w.regular.token,
      `/iam.kubesphere.io/v1alpha2/workspaces/${w.workspace}/workspacemembers/${w.regular.username}/workspaceroles`,
    );
    expect(res.status).toBe(200);
    const rules = rulesOf(res.body as KsRole[]);
    expect(rules.projects).toBeUndefined();
    expect(rules).toMatchObject({ members: ['view'] });
    const root = await ks(
      admin,
      `/iam.kubesphere.io/v1alpha2/workspaces/${w.workspace}/workspacemembers/admin/workspaceroles`,
    );
    expect(rulesOf(root.body as KsRole[])).toMatchObject({ projects: ['manage', 'create'] });
  });
});
