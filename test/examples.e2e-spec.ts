import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AuditTrail } from '../src/audit/audit-trail.service';
import { NAMESPACES, PERSISTENT_VOLUME_CLAIMS, STATEFUL_SETS } from '../src/kube';
import { ACCOUNTS } from '../src/iam/resources';
import { ADMIN, eventually, TestApp } from './support/test-app';

const SCRIPT = join(__dirname, '..', 'examples', 'quickstart.sh');

/** The README's runnable example, run as a user would, against the e2e app on a loopback port. */
describe('examples/quickstart.sh', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await TestApp.start();
    base = `http://127.0.0.1:${await t.listen()}`;
  });

  afterAll(() => t.close());

  it('goes from a new user to a StatefulSet with a volume, logs, scale, rollback and delete, and cleans up', async () => {
    const run = `${Date.now().toString(36)}`;
    const { stdout } = await promisify(execFile)('bash', [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        BERTH: base,
        BERTH_ADMIN_USERNAME: ADMIN.username,
        BERTH_ADMIN_PASSWORD: ADMIN.password,
        RUN: run,
      },
      timeout: 600_000,
    });
    const project = `demo-${run}`;
    for (const step of [
      'creates demo-',
      'The logs of web-0',
      'Scale web to 3',
      'roll back',
      'Delete web',
      'Done',
    ])
      expect(stdout).toContain(step);
    expect(stdout).not.toContain(ADMIN.password);

    // What it did, as Berth recorded it: each change by the demo user, done.
    const changes = t.app
      .get(AuditTrail)
      .list(project, { first: 100 })
      .nodes.reverse()
      .map((r) => [r.user, r.operation, r.name, r.outcome]);
    expect(changes).toEqual([
      [`demo-${run}`, 'POST /api/v1/workspaces/:workspace/projects', project, 'DONE'],
      [`demo-${run}`, 'POST /api/v1/projects/:project/statefulsets', 'web', 'DONE'],
      [`demo-${run}`, 'POST /api/v1/projects/:project/statefulsets/:name/scale', 'web', 'DONE'],
      [`demo-${run}`, 'POST /api/v1/projects/:project/statefulsets/:name/redeploy', 'web', 'DONE'],
      [`demo-${run}`, 'POST /api/v1/projects/:project/statefulsets/:name/rollback', 'web', 'DONE'],
      [`demo-${run}`, 'DELETE /api/v1/projects/:project/statefulsets/:name', 'web', 'DONE'],
      [ADMIN.username, 'DELETE /api/v1/projects/:project', project, 'DONE'],
    ]);

    // And what the cluster holds afterwards: nothing of it.
    expect(await t.kube.find(STATEFUL_SETS.ref(project, 'web'))).toBeNull();
    expect(await t.kube.find(ACCOUNTS.ref(`demo-${run}`))).toBeNull();
    await eventually(
      async () =>
        (await t.kube.list(PERSISTENT_VOLUME_CLAIMS, { namespace: project })).items.length === 0
          ? true
          : undefined,
      30_000,
      'the volumes deleted',
    );
    await eventually(
      async () => ((await t.kube.find(NAMESPACES.ref(project))) ? undefined : true),
      120_000,
      'the project deleted',
    );
  }, 600_000);
});
