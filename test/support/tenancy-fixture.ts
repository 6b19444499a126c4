import { recordSecret } from './run-log';
import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export const FIXTURE_PASSWORD = 'Fixture-Passw0rd';

/**
 * Builds tenancy fixtures through the API as the platform admin, with names unique to this run so
 * test files (and reruns on a reused cluster) never collide. Everything created is deleted by
 * `cleanUp()`.
 */
export class TenancyFixture {
  readonly suffix = randomBytes(3).toString('hex');
  private counter = 0;
  private readonly users: string[] = [];
  private readonly workspaces: string[] = [];
  private readonly projects: string[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly adminToken: string,
  ) {}

  name(prefix: string): string {
    return `${prefix}-${this.suffix}-${++this.counter}`;
  }

  async user(
    platformRole = 'platform-regular',
    username = this.name('u'),
  ): Promise<{ username: string; password: string }> {
    await this.call('POST', '/api/v1/users', {
      username,
      email: `${username}@example.com`,
      password: FIXTURE_PASSWORD,
      platformRole,
    });
    this.users.push(username);
    return { username, password: FIXTURE_PASSWORD };
  }

  async signIn(username: string, password = FIXTURE_PASSWORD): Promise<string> {
    return this.t.token(username, password);
  }

  async workspace(name = this.name('ws')): Promise<string> {
    await this.call('POST', '/api/v1/workspaces', { name });
    this.workspaces.push(name);
    return name;
  }

  async workspaceMember(workspace: string, username: string, role: string): Promise<void> {
    await this.call('POST', `/api/v1/workspaces/${workspace}/members`, { username, role });
  }

  async project(workspace: string, name = this.name('p')): Promise<string> {
    await this.call('POST', `/api/v1/workspaces/${workspace}/projects`, { name });
    this.projects.push(name);
    return name;
  }

  async projectMember(project: string, username: string, role: string): Promise<void> {
    await this.call('POST', `/api/v1/projects/${project}/members`, { username, role });
  }

  /** What a platform admin allows the project's pods and Services. */
  async projectSecurity(
    project: string,
    input: { podSecurity?: string; allowedServiceTypes?: string[] },
  ): Promise<void> {
    const res = await this.t.as(this.adminToken).put(`/api/v1/projects/${project}/security`).send(input);
    if (res.status !== 200) throw new Error(`fixture security: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Registers something a test created itself, so cleanUp() deletes it too. */
  adopt(kind: 'user' | 'workspace' | 'project', name: string): void {
    ({ user: this.users, workspace: this.workspaces, project: this.projects })[kind].push(name);
  }

  /** Creates an API token as its owner (tokens are never created on someone else's behalf). */
  async apiToken(ownerToken: string, owner: string, name: string, scope = 'read-only'): Promise<string> {
    const res = await this.t.as(ownerToken).post(`/api/v1/users/${owner}/tokens`).send({ name, scope });
    if (res.status !== 201) throw new Error(`fixture token: ${res.status} ${JSON.stringify(res.body)}`);
    const { token } = res.body as { token: string };
    recordSecret('API token', token);
    return token;
  }

  /** Deletes projects, then workspaces, then users (ignoring what the tests already deleted). */
  async cleanUp(): Promise<void> {
    const ignoreMissing = (path: string) => this.call('DELETE', path, undefined, [200, 404]);
    await Promise.all(this.projects.map((p) => ignoreMissing(`/api/v1/projects/${p}`)));
    await Promise.all(this.workspaces.map((w) => this.deleteWorkspaceWhenEmpty(w)));
    for (const u of this.users) await ignoreMissing(`/api/v1/users/${u}`);
  }

  private async deleteWorkspaceWhenEmpty(workspace: string): Promise<void> {
    // Projects created by the tests themselves (not through the fixture) go first.
    const res = await this.t.as(this.adminToken).get(`/api/v1/workspaces/${workspace}/projects?limit=500`);
    if (res.status === 404) return;
    for (const p of (res.body as { items: { name: string }[] }).items)
      await this.call('DELETE', `/api/v1/projects/${p.name}`, undefined, [200, 404]);
    await this.call('DELETE', `/api/v1/workspaces/${workspace}`, undefined, [200, 404]);
  }

  private async call(method: 'POST' | 'DELETE', path: string, body?: object, ok = [200, 201]): Promise<void> {
    const agent = this.t.as(this.adminToken);
    const res = method === 'POST' ? await agent.post(path).send(body) : await agent.delete(path);
    if (!ok.includes(res.status))
      throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
