import { CONFIG_MAPS, SECRETS } from '../src/kube';
import type { KubeClient, V1ConfigMap, V1Secret } from '../src/kube';
import { configApi, ConfigApi } from './support/config-api';
import { restApi } from './support/statefulset-api';
import { TestApp } from './support/test-app';
import { projectMember, WorkloadProject, workloadProject } from './support/workload-fixture';

const REGISTRY_PASSWORD = 'Registry-Pa55-do-not-leak';
const OPAQUE_VALUE = 'opaque-value-do-not-leak';

/**
 * ConfigMaps and Secrets on both transports, checked against what the cluster holds. project-viewer
 * sees Secret keys, never values; values come only from the explicit secretValues read.
 */
describe.each(['graphql', 'rest'] as const)('ConfigMaps and Secrets over %s', (transport) => {
  let t: TestApp;
  let kube: KubeClient;
  let w: WorkloadProject;
  let regular: ConfigApi;
  let viewer: ConfigApi;

  const cmRef = (name: string) => CONFIG_MAPS.ref(w.project, name);
  const secretRef = (name: string) => SECRETS.ref(w.project, name);

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    w = await workloadProject(t, await t.token());
    regular = configApi(t, transport, w.project, w.regular.token);
    viewer = configApi(t, transport, w.project, (await projectMember(t, w, 'project-viewer')).token);
  });

  afterAll(async () => {
    await w.f.cleanUp();
    await t.close();
  });

  describe('ConfigMaps', () => {
    it('creates, reads, lists, updates with a resourceVersion, and deletes', async () => {
      const created = await regular.createConfigMap({
        name: 'app-config',
        data: [
          { key: 'app.properties', value: 'color=blue\nsize=3\n' },
          { key: 'greeting', value: 'hello' },
        ],
        labels: [{ key: 'tier', value: 'web' }],
      });
      expect(created).toMatchObject({ ok: true });
      const held = await kube.get<V1ConfigMap>(cmRef('app-config'));
      expect(held.data).toEqual({ 'app.properties': 'color=blue\nsize=3\n', greeting: 'hello' });
      expect(held.metadata?.labels).toEqual({ tier: 'web' });
      expect(held.metadata?.annotations?.['berth.io/creator']).toBe(w.regular.username);

      const read = await viewer.configMap('app-config');
      expect(read.body).toMatchObject({
        name: 'app-config',
        data: [
          { key: 'app.properties', value: 'color=blue\nsize=3\n' },
          { key: 'greeting', value: 'hello' },
        ],
        labels: [{ key: 'tier', value: 'web' }],
        creator: w.regular.username,
        usedBy: [],
      });
      expect((await regular.configMaps('app-')).body.map((c) => c.name)).toEqual(['app-config']);
      expect((await regular.configMaps('nothing-like-it')).body).toEqual([]);

      const updated = await regular.updateConfigMap(
        'app-config',
        { data: [{ key: 'greeting', value: 'hi' }] },
        read.body.resourceVersion,
      );
      expect(updated.ok).toBe(true);
      expect((await kube.get<V1ConfigMap>(cmRef('app-config'))).data).toEqual({ greeting: 'hi' });
      // Labels were not given, so they stay.
      expect((await kube.get<V1ConfigMap>(cmRef('app-config'))).metadata?.labels).toEqual({ tier: 'web' });

      // The version read before the update is stale now: no lost update.
      const stale = await regular.updateConfigMap(
        'app-config',
        { data: [{ key: 'greeting', value: 'lost' }] },
        read.body.resourceVersion,
      );
      expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect((await kube.get<V1ConfigMap>(cmRef('app-config'))).data).toEqual({ greeting: 'hi' });

      expect(await regular.deleteConfigMap('app-config')).toMatchObject({ ok: true });
      expect(await kube.find(cmRef('app-config'))).toBeNull();
    });

    it('names the bad field; a viewer may read but not write', async () => {
      const bad = await regular.createConfigMap({
        name: 'bad-keys',
        data: [
          { key: 'ok', value: '1' },
          { key: 'not/ok', value: '2' },
          { key: 'ok', value: '3' },
        ],
      });
      expect(bad).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
      expect(bad.fields?.map((f) => f.path).sort()).toEqual(['data[1].key', 'data[2].key']);
      const badName = await regular.createConfigMap({ name: 'Bad_Name', data: [] });
      expect(badName).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
      expect(badName.fields?.[0]?.path).toBe('name');
      expect(await kube.find(cmRef('bad-keys'))).toBeNull();

      expect(await viewer.createConfigMap({ name: 'by-viewer', data: [] })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(await kube.find(cmRef('by-viewer'))).toBeNull();
      expect(await regular.configMap('never-made')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });

    it('shows the workloads using a ConfigMap and refuses to delete it unless forced', async () => {
      await regular.createConfigMap({ name: 'used-config', data: [{ key: 'k', value: 'v' }] });
      const sts = await restApi(t, w.project, w.regular.token).create({
        name: 'uses-config',
        replicas: 0,
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            env: [{ name: 'K', configMapKeyRef: { name: 'used-config', key: 'k' } }],
          },
        ],
      });
      expect(sts.ok).toBe(true);
      expect((await regular.configMap('used-config')).body.usedBy).toEqual([
        { kind: 'StatefulSet', name: 'uses-config' },
      ]);
      const refused = await regular.deleteConfigMap('used-config');
      expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(refused.message).toContain('StatefulSet uses-config');
      expect(await kube.find(cmRef('used-config'))).not.toBeNull();
      expect(await regular.deleteConfigMap('used-config', true)).toMatchObject({ ok: true });
      expect(await kube.find(cmRef('used-config'))).toBeNull();
    });
  });

  describe('Secrets', () => {
    it('creates an Opaque secret; project-viewer sees its keys, never its values', async () => {
      const created = await regular.createSecret({
        name: 'db-credentials',
        kind: 'OPAQUE',
        data: [
          { key: 'username', value: 'app' },
          { key: 'password', value: OPAQUE_VALUE },
        ],
      });
      expect(created.ok).toBe(true);
      expect(created.raw).not.toContain(OPAQUE_VALUE);
      const held = await kube.get<V1Secret>(secretRef('db-credentials'));
      expect(held.type).toBe('Opaque');
      expect(held.metadata?.annotations?.['berth.io/creator']).toBe(w.regular.username);
      expect((await viewer.secret('db-credentials')).body.creator).toBe(w.regular.username);
      expect(held.data).toEqual({
        username: Buffer.from('app').toString('base64'),
        password: Buffer.from(OPAQUE_VALUE).toString('base64'),
      });

      for (const read of [await viewer.secret('db-credentials'), await viewer.secrets()]) {
        expect(read.ok).toBe(true);
        expect(read.raw).toContain('password');
        expect(read.raw).not.toContain(OPAQUE_VALUE);
        expect(read.raw).not.toContain(Buffer.from(OPAQUE_VALUE).toString('base64'));
      }
      expect((await viewer.secret('db-credentials')).body).toMatchObject({
        name: 'db-credentials',
        kind: 'OPAQUE',
        type: 'Opaque',
        keys: ['password', 'username'],
      });

      const denied = await viewer.secretValues('db-credentials');
      expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(denied.raw).not.toContain(OPAQUE_VALUE);

      expect((await regular.secretValues('db-credentials')).body).toEqual({
        name: 'db-credentials',
        data: [
          { key: 'password', value: OPAQUE_VALUE },
          { key: 'username', value: 'app' },
        ],
      });
    });

    it('creates an image-registry secret from server, username, password and email', async () => {
      const created = await regular.createSecret({
        name: 'registry-login',
        kind: 'IMAGE_REGISTRY',
        registry: {
          server: '127.0.0.1:5000',
          username: 'puller',
          password: REGISTRY_PASSWORD,
          email: 'puller@example.com',
        },
      });
      expect(created.ok).toBe(true);
      expect(created.raw).not.toContain(REGISTRY_PASSWORD);
      const held = await kube.get<V1Secret>(secretRef('registry-login'));
      expect(held.type).toBe('kubernetes.io/dockerconfigjson');
      const config = JSON.parse(Buffer.from(held.data!['.dockerconfigjson'], 'base64').toString()) as unknown;
      expect(config).toEqual({
        auths: {
          '127.0.0.1:5000': {
            username: 'puller',
            password: REGISTRY_PASSWORD,
            email: 'puller@example.com',
            auth: Buffer.from(`puller:${REGISTRY_PASSWORD}`).toString('base64'),
          },
        },
      });
      const seen = await viewer.secret('registry-login');
      expect(seen.body).toMatchObject({ kind: 'IMAGE_REGISTRY', keys: ['.dockerconfigjson'] });
      expect(seen.raw).not.toContain(REGISTRY_PASSWORD);

      const missing = await regular.createSecret({ name: 'no-registry', kind: 'IMAGE_REGISTRY' });
      expect(missing).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', fields: [{ path: 'registry' }] });
      expect(await kube.find(secretRef('no-registry'))).toBeNull();
    });

    it('updates with a resourceVersion, refuses a stale one, and deletes', async () => {
      const before = await regular.secret('db-credentials');
      const updated = await regular.updateSecret(
        'db-credentials',
        { data: [{ key: 'token', value: 'new' }] },
        before.body.resourceVersion,
      );
      expect(updated.body).toMatchObject({ keys: ['token'] });
      expect((await kube.get<V1Secret>(secretRef('db-credentials'))).data).toEqual({
        token: Buffer.from('new').toString('base64'),
      });
      const stale = await regular.updateSecret(
        'db-credentials',
        { data: [{ key: 'token', value: 'lost' }] },
        before.body.resourceVersion,
      );
      expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(await viewer.deleteSecret('db-credentials')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await regular.deleteSecret('db-credentials')).toMatchObject({ ok: true });
      expect(await kube.find(secretRef('db-credentials'))).toBeNull();
    });

    it('shows the workloads pulling with a secret and refuses to delete it unless forced', async () => {
      const sts = await restApi(t, w.project, w.regular.token).create({
        name: 'pulls-privately',
        replicas: 0,
        imagePullSecrets: ['registry-login'],
        containers: [{ name: 'app', image: '127.0.0.1:5000/private/app:1' }],
      });
      expect(sts.ok).toBe(true);
      expect((await viewer.secret('registry-login')).body.usedBy).toEqual([
        { kind: 'StatefulSet', name: 'pulls-privately' },
      ]);
      const refused = await regular.deleteSecret('registry-login');
      expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(refused.message).toContain('StatefulSet pulls-privately');
      expect(await kube.find(secretRef('registry-login'))).not.toBeNull();
      expect(await regular.deleteSecret('registry-login', true)).toMatchObject({ ok: true });
      expect(await kube.find(secretRef('registry-login'))).toBeNull();
    });
  });
});
