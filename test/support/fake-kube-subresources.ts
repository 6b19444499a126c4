import type { V1Scale, VersionInfo } from '../../src/kube';
import { normalize, type Coordinates, type FakeCluster } from './fake-cluster';

/** The subresources FakeKube serves besides the objects themselves: scale, log, version. */

/** A StatefulSet's scale: spec.replicas changes through the usual update (generation and all). */
export function scale(cluster: FakeCluster, c: Coordinates, replicas: number, dryRun: boolean): V1Scale {
  const next = normalize(cluster.read(c));
  if (!Number.isInteger(replicas) || replicas < 0)
    throw cluster.error(422, 'Invalid', `Scale.autoscaling "${c.name}" is invalid`, {
      name: c.name,
      kind: 'Scale',
      causes: [{ field: 'spec.replicas', message: 'must be greater than or equal to 0' }],
    });
  next.spec = { ...(next.spec as object), replicas };
  const written = cluster.update(next, dryRun);
  const spec = written.spec as { selector?: { matchLabels?: Record<string, string> } };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = written.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas },
    status: {
      replicas: (written.status as { replicas?: number } | undefined)?.replicas ?? 0,
      selector: Object.entries(spec.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

/** What FakeKube.setPodLog gave the pod (which must exist), its last `tailLines` lines if asked. */
export function logText(cluster: FakeCluster, pod: Coordinates, tailLines?: number): string {
  cluster.read(pod);
  const lines = (cluster.podLogs.get(`${pod.namespace}/${pod.name}`) ?? '').split('\n').filter(Boolean);
  const kept = tailLines === undefined ? lines : tailLines === 0 ? [] : lines.slice(-tailLines);
  return kept.map((line) => `${line}\n`).join('');
}

export const FAKE_VERSION: VersionInfo = {
  major: '1',
  minor: '36',
  gitVersion: 'v1.36.0-fake',
  gitCommit: 'fake',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.25',
  compiler: 'gc',
  platform: 'linux/amd64',
};
