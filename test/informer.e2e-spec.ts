import { CONFIG_MAPS, Informer, listWatch, NAMESPACES } from '../src/kube';
import type { KubeClient, StoreChange, V1ConfigMap } from '../src/kube';
import { eventually, TestApp, uniqueName } from './support/test-app';

/**
 * The informer (groundwork of the watch-fed cache) on the real API server: it lists and watches
 * through the adapter, holds objects as the adapter reads them, and a read after a write can wait
 * for the write's version.
 */
describe('an informer on the real API server', () => {
  let t: TestApp;
  let kube: KubeClient;
  let informer: Informer<V1ConfigMap>;
  const namespace = uniqueName('e2e-inf');
  const changes: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    kube = t.kube;
    await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    await kube.create<V1ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'before', namespace, labels: { tier: 'a' } },
      data: { k: 'v' },
    });
    informer = new Informer(listWatch(kube, CONFIG_MAPS, { namespace }), {
      indexes: { tier: (m) => [m.metadata?.labels?.tier ?? ''] },
    });
    informer.onChange((c: StoreChange<V1ConfigMap>) => changes.push(`${c.type} ${c.object.metadata?.name}`));
    informer.start();
    await eventually(() =>
      Promise.resolve(informer.synced && informer.unwatchedForMs() === 0 ? true : undefined),
    );
  });

  afterAll(async () => {
    informer.stop();
    await kube.delete(NAMESPACES.ref(namespace));
    await t.close();
  });

  it('holds what was there before it started, trimmed, with its dates as Dates', () => {
    const before = informer.get(namespace, 'before');
    expect(before?.data).toEqual({ k: 'v' });
    expect(before?.metadata?.managedFields).toBeUndefined();
    expect(before?.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(informer.byIndex('tier', 'a').map((m) => m.metadata?.name)).toEqual(['before']);
  });

  it('a read after a write sees it once the informer reached the write’s version', async () => {
    const written = await kube.create<V1ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'after', namespace, labels: { tier: 'b' } },
      data: { k: '1' },
    });
    await expect(informer.waitFor(written.metadata?.resourceVersion ?? '', 10_000)).resolves.toBe(true);
    const cached = informer.get(namespace, 'after');
    expect(cached?.data).toEqual({ k: '1' });
    // Watched objects read as listed ones do.
    expect(cached?.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(informer.byIndex('tier', 'b')).toHaveLength(1);
  });

  it('follows changes and deletions, and tells its listeners', async () => {
    const changed = await kube.modify(CONFIG_MAPS.ref(namespace, 'after'), (m) => ({
      ...m,
      data: { k: '2' },
    }));
    await expect(informer.waitFor(changed.metadata?.resourceVersion ?? '', 10_000)).resolves.toBe(true);
    expect(informer.get(namespace, 'after')?.data).toEqual({ k: '2' });
    await kube.delete(CONFIG_MAPS.ref(namespace, 'after'));
    await eventually(() =>
      Promise.resolve(informer.get(namespace, 'after') === undefined ? true : undefined),
    );
    expect(informer.byIndex('tier', 'b')).toEqual([]);
    expect(changes).toEqual(
      expect.arrayContaining(['ADDED before', 'ADDED after', 'MODIFIED after', 'DELETED after']),
    );
  });
});
