import { fakeKube, type FakeKube } from '../../test/support/fake-kube';
import { ErrorCode } from '../common/errors/error-code';
import type { KubeObject, V1ConfigMap, V1StatefulSet } from './kube-types';
import { CONFIG_MAPS, EVENTS, NAMESPACES, PODS, STATEFUL_SETS } from './resources';
import type { WatchEvent } from './kube-client';

/**
 * The in-memory client the service tests use answers as the API server does for what it supports:
 * the same DomainErrors as KubeClient's mapping of real Status bodies (see kube-errors.spec.ts).
 */
describe('FakeKube', () => {
  let kube: FakeKube;
  const ns = 'demo';
  const configMap = (
    name: string,
    labels: Record<string, string> = {},
    data: Record<string, string> = { k: 'v' },
  ): V1ConfigMap => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns, labels },
    data,
  });
  const statefulSet = (name: string): V1StatefulSet => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns },
    spec: {
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
    },
  });
  beforeEach(() => {
    kube = fakeKube({ namespaces: [ns] });
  });

  describe('objects by descriptor', () => {
    it('create fills in what the API server owns; get answers a copy', async () => {
      const created = await kube.create(configMap('a'));
      expect(created.metadata).toMatchObject({
        name: 'a',
        namespace: ns,
        resourceVersion: expect.any(String) as unknown,
      });
      expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
      const read = await kube.get(CONFIG_MAPS.ref(ns, 'a'));
      read.data = { changed: 'locally' };
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))?.data).toEqual({ k: 'v' });
    });

    it('answers NOT_FOUND and AlreadyExists as KubeClient maps them; find answers null', async () => {
      await expect(kube.get(STATEFUL_SETS.ref(ns, 'web'))).rejects.toMatchObject({
        code: ErrorCode.NOT_FOUND,
        message: 'statefulset "web" not found',
      });
      expect(await kube.find(STATEFUL_SETS.ref(ns, 'web'))).toBeNull();
      await kube.create(statefulSet('web'));
      await expect(kube.create(statefulSet('web'))).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        message: 'statefulset "web" already exists',
      });
    });

    it('refuses what the API server refuses: a bad name, a missing or terminating namespace', async () => {
      await expect(kube.create(configMap('Bad_Name'))).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [
          { path: 'metadata.name', message: expect.stringContaining('RFC 1123 subdomain') as unknown },
        ],
      });
      await expect(
        kube.create({ ...configMap('a'), metadata: { name: 'a', namespace: 'nope' } }),
      ).rejects.toMatchObject({
        code: ErrorCode.NOT_FOUND,
        message: 'namespace "nope" not found',
      });
      await kube.delete(NAMESPACES.ref(ns));
      expect(kube.stored(NAMESPACES.ref(ns))).toMatchObject({
        metadata: { deletionTimestamp: expect.any(Date) as unknown },
        status: { phase: 'Terminating' },
      });
      await expect(kube.create(configMap('a'))).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    });

    it('checks names before any call, as KubeClient does', async () => {
      await expect(kube.get(CONFIG_MAPS.ref(ns, '..'))).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
      });
      expect(kube.calls).toEqual([]);
    });
  });

  describe('resourceVersion', () => {
    it('increases with every write, and a stale one is a CONFLICT that changes nothing', async () => {
      const created = await kube.create(configMap('a'));
      const updated = await kube.replace({ ...created, data: { k: 'second' } });
      expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(
        Number(created.metadata?.resourceVersion),
      );
      await expect(kube.replace({ ...created, data: { k: 'lost update' } })).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        message: 'configmap "a" was changed by someone else since it was read; reload it and try again',
      });
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))).toMatchObject({
        data: { k: 'second' },
        metadata: { resourceVersion: updated.metadata?.resourceVersion },
      });
      // Without a resourceVersion the update is unconditional; an update that changes nothing keeps it.
      const { resourceVersion: _, ...metadata } = created.metadata!;
      const forced = await kube.replace<V1ConfigMap>({ ...created, metadata, data: { k: 'third' } });
      expect((await kube.replace(forced)).metadata?.resourceVersion).toBe(forced.metadata?.resourceVersion);
    });

    it('modify re-reads and re-applies after a concurrent write, so neither update is lost', async () => {
      await kube.create(configMap('a', {}, { first: '1' }));
      kube.beforeCall({ verb: 'update', name: 'a' }, async () => {
        await kube.modify(CONFIG_MAPS.ref(ns, 'a'), (m) => ({ ...m, data: { ...m.data, other: 'writer' } }));
      });
      await kube.modify(CONFIG_MAPS.ref(ns, 'a'), (m) => ({ ...m, data: { ...m.data, mine: 'too' } }));
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))?.data).toEqual({
        first: '1',
        other: 'writer',
        mine: 'too',
      });
      expect(kube.calls.filter((c) => c.verb === 'update').length).toBe(3);
    });

    it('bumps generation on a spec change only, and keeps the status (a subresource) on updates', async () => {
      const created = await kube.create(statefulSet('web'));
      expect(created.metadata?.generation).toBe(1);
      kube.seed({ ...created, status: { replicas: 1, readyReplicas: 1 } } as V1StatefulSet);
      const current = await kube.get(STATEFUL_SETS.ref(ns, 'web'));
      const labelled = await kube.replace({
        ...current,
        metadata: { ...current.metadata, labels: { a: 'b' } },
      });
      expect(labelled.metadata?.generation).toBe(1);
      const scaled = await kube.replace({
        ...labelled,
        spec: { ...labelled.spec!, replicas: 3 },
        status: undefined,
      });
      expect(scaled.metadata?.generation).toBe(2);
      expect(scaled.status).toEqual({ replicas: 1, readyReplicas: 1 });
      await expect(
        kube.replace({ ...scaled, spec: { ...scaled.spec, serviceName: 'other' } }),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [
          {
            path: 'spec',
            message: expect.stringContaining('Forbidden: updates to statefulset spec') as unknown,
          },
        ],
      });
    });
  });

  describe('label and field selectors', () => {
    beforeEach(() => {
      kube.seed(
        configMap('web-prod', { app: 'web', env: 'prod' }),
        configMap('web-dev', { app: 'web', env: 'dev', legacy: 'yes' }),
        configMap('db', { app: 'db' }),
      );
    });
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await kube.list(CONFIG_MAPS, { namespace: ns, labelSelector, fieldSelector })).items.map(
        (m) => m.metadata?.name,
      );

    it.each([
      ['app=web', ['web-dev', 'web-prod']],
      ['app==web,env=prod', ['web-prod']],
      ['env!=prod', ['db', 'web-dev']],
      ['env in (dev, prod)', ['web-dev', 'web-prod']],
      ['env notin (dev)', ['db', 'web-prod']],
      ['legacy', ['web-dev']],
      ['!legacy,app', ['db', 'web-prod']],
      ['', ['db', 'web-dev', 'web-prod']],
    ])('selector "%s"', async (selector, expected) => {
      expect(await names(selector)).toEqual(expected);
    });

    it('selects by the fields the kind supports and refuses others, as the API server does', async () => {
      expect(await names(undefined, 'metadata.name!=db')).toEqual(['web-dev', 'web-prod']);
      await kube.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'e1', namespace: ns },
        involvedObject: { kind: 'PersistentVolumeClaim', name: 'data' },
      } as KubeObject);
      const events = await kube.list(EVENTS, {
        namespace: ns,
        fieldSelector: 'involvedObject.kind=PersistentVolumeClaim,involvedObject.name=data',
      });
      expect(events.items.map((e) => e.metadata?.name)).toEqual(['e1']);
      await expect(names(undefined, 'data.k=v')).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        message: 'field label not supported: data.k',
      });
      await expect(names('app in (web')).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
      await expect(names('Bad Key=1')).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    });

    it('pages with limit and continue', async () => {
      const first = await kube.list(CONFIG_MAPS, { namespace: ns, limit: 2 });
      expect(first.items.map((m) => m.metadata?.name)).toEqual(['db', 'web-dev']);
      expect(first.metadata?.remainingItemCount).toBe(1);
      const rest = await kube.list(CONFIG_MAPS, {
        namespace: ns,
        limit: 2,
        continue: first.metadata?._continue,
      });
      expect(rest.items.map((m) => m.metadata?.name)).toEqual(['web-prod']);
      expect(rest.metadata?._continue).toBeUndefined();
    });
  });

  describe('dry run', () => {
    it('validates and answers, but stores nothing and takes no resourceVersion', async () => {
      const before = kube.cluster.revision;
      const answer = await kube.create(configMap('a'), { dryRun: true });
      expect(answer.metadata).toMatchObject({ name: 'a', uid: expect.any(String) as unknown });
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))).toBeUndefined();
      const created = await kube.create(configMap('a'));
      await expect(kube.create(configMap('a'), { dryRun: true })).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
      await kube.replace({ ...created, data: { k: 'dry' } }, { dryRun: true });
      await kube.patch({ ...configMap('a'), data: { k: 'dry' } }, 'merge', { dryRun: true });
      await kube.delete(CONFIG_MAPS.ref(ns, 'a'), { dryRun: true });
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))).toMatchObject({ data: { k: 'v' } });
      expect(kube.cluster.revision).toBe(before + 1);
      expect(kube.writes()).toEqual([
        `dry-run create ConfigMap ${ns}/a`,
        `create ConfigMap ${ns}/a`,
        `dry-run create ConfigMap ${ns}/a`,
        `dry-run update ConfigMap ${ns}/a`,
        `dry-run patch ConfigMap ${ns}/a`,
        `dry-run delete ConfigMap ${ns}/a`,
      ]);
    });
  });

  describe('patch and delete', () => {
    it('merges a merge patch (null removes) and a strategic one (containers by name)', async () => {
      await kube.create(configMap('a', {}, { k: 'v', gone: 'x' }));
      const patched = await kube.patch(
        { ...configMap('a'), data: { gone: null, added: 'y' } } as KubeObject,
        'merge',
      );
      expect((patched as V1ConfigMap).data).toEqual({ k: 'v', added: 'y' });
      await kube.create(statefulSet('web'));
      const strategic = await kube.patch(
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: 'web', namespace: ns },
          spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
        } as KubeObject,
        'strategic',
      );
      expect((strategic as V1StatefulSet).spec?.template.spec?.containers.map((c) => c.name)).toEqual([
        'web',
        'sidecar',
      ]);
    });

    it('a resourceVersion in a patch and delete preconditions are checked', async () => {
      const created = await kube.create(configMap('a'));
      await kube.replace({ ...created, data: { k: 'newer' } });
      const stale = {
        ...configMap('a'),
        metadata: { ...configMap('a').metadata, resourceVersion: created.metadata?.resourceVersion },
      };
      await expect(kube.patch(stale, 'merge')).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(
        kube.delete(CONFIG_MAPS.ref(ns, 'a'), { preconditions: { uid: 'another' } }),
      ).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
      await kube.delete(CONFIG_MAPS.ref(ns, 'a'), {
        propagationPolicy: 'Background',
        preconditions: { uid: created.metadata?.uid },
      });
      expect(kube.stored(CONFIG_MAPS.ref(ns, 'a'))).toBeUndefined();
    });

    it('finalizers keep a deleted object Terminating until an update removes them', async () => {
      await kube.create({
        ...configMap('a'),
        metadata: { ...configMap('a').metadata, finalizers: ['example.com/hold'] },
      });
      await kube.delete(CONFIG_MAPS.ref(ns, 'a'));
      const held = await kube.get(CONFIG_MAPS.ref(ns, 'a'));
      expect(held.metadata?.deletionTimestamp).toBeInstanceOf(Date);
      await kube.replace({ ...held, metadata: { ...held.metadata, finalizers: [] } });
      expect(await kube.find(CONFIG_MAPS.ref(ns, 'a'))).toBeNull();
    });
  });

  describe('for the test', () => {
    it('injects a failure into the nth matching call, and records who called', async () => {
      kube.failOn({ verb: 'create', kind: 'ConfigMap', nth: 2 }, 422);
      const client = kube.as({ user: 'berth:alice' });
      await client.create(configMap('a'));
      await expect(client.create(configMap('b'))).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
      await client.create(configMap('c'));
      expect(kube.objects(CONFIG_MAPS, ns).map((m) => m.metadata?.name)).toEqual(['a', 'c']);
      expect(kube.calls.map((c) => c.user)).toEqual(['berth:alice', 'berth:alice', 'berth:alice']);
    });

    it('watches: the current objects, then changes; one leaving the selector is DELETED', async () => {
      kube.seed(configMap('a', { app: 'web' }));
      const events: string[] = [];
      const watch = await kube.watch(
        CONFIG_MAPS,
        { namespace: ns, labelSelector: 'app=web' },
        (e: WatchEvent<V1ConfigMap>) => events.push(`${e.type} ${e.object.metadata?.name}`),
      );
      const b = await kube.create(configMap('b', { app: 'web' }));
      await kube.replace({ ...b, metadata: { ...b.metadata, labels: { app: 'db' } } });
      await new Promise((resolve) => setImmediate(resolve));
      watch.stop();
      expect(events).toEqual(['ADDED a', 'ADDED b', 'DELETED b']);
    });

    it('seeds objects as a controller left them (pods with a status)', async () => {
      kube.seed({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-0', namespace: ns },
        status: { phase: 'Running' },
      } as KubeObject);
      expect((await kube.get(PODS.ref(ns, 'web-0'))).status?.phase).toBe('Running');
    });
  });
});
