import type { StatefulSetForm } from './statefulset-form.model';
import { toManifests } from './statefulset-to-manifests';

const minimal: StatefulSetForm = {
  name: 'demo-stateful',
  containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'tcp-80', containerPort: 80 }] }],
};

describe('StatefulSet form <-> manifests', () => {
  it('labels app: <name> on the StatefulSet, its selector and its pod template, and names the creator', () => {
    const { statefulSet } = toManifests(
      { ...minimal, labels: [{ key: 'tier', value: 'db' }] },
      'ns',
      'alice',
    );
    expect(statefulSet.metadata?.labels).toEqual({ tier: 'db', app: 'demo-stateful' });
    expect(statefulSet.spec?.selector.matchLabels).toEqual({ app: 'demo-stateful' });
    expect(statefulSet.spec?.template.metadata?.labels).toEqual({ tier: 'db', app: 'demo-stateful' });
    expect(statefulSet.metadata?.annotations).toEqual({ 'berth.io/creator': 'alice' });
    expect(statefulSet.spec?.revisionHistoryLimit).toBe(10);
  });

  it('makes a headless Service from the container ports', () => {
    const form: StatefulSetForm = {
      ...minimal,
      serviceName: 'db',
      containers: [
        {
          name: 'pg',
          image: 'postgres:16',
          ports: [{ name: 'pg', containerPort: 5432, servicePort: 15432 }],
        },
      ],
    };
    const { statefulSet, service } = toManifests(form, 'ns');
    expect(statefulSet.spec?.serviceName).toBe('db');
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db', namespace: 'ns', labels: { app: 'demo-stateful' } },
      spec: {
        clusterIP: 'None',
        selector: { app: 'demo-stateful' },
        ports: [{ name: 'pg', protocol: 'TCP', port: 15432, targetPort: 5432 }],
      },
    });
  });

  it('sync host timezone mounts /etc/localtime read-only in every container', () => {
    const { statefulSet } = toManifests({ ...minimal, syncHostTimezone: true }, 'ns');
    const pod = statefulSet.spec!.template.spec!;
    expect(pod.volumes).toEqual([{ name: 'host-time', hostPath: { path: '/etc/localtime', type: '' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'host-time', mountPath: '/etc/localtime', readOnly: true },
    ]);
  });

  it('spread prefers other nodes, aggregate the same node', () => {
    const spread = toManifests({ ...minimal, deploymentMode: 'spread' }, 'ns').statefulSet.spec!.template
      .spec!.affinity;
    expect(spread?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]).toEqual({
      weight: 100,
      podAffinityTerm: {
        labelSelector: { matchLabels: { app: 'demo-stateful' } },
        topologyKey: 'kubernetes.io/hostname',
      },
    });
    const aggregate = toManifests({ ...minimal, deploymentMode: 'aggregate' }, 'ns').statefulSet.spec!
      .template.spec!.affinity;
    expect(aggregate?.podAffinity).toBeDefined();
  });
});
