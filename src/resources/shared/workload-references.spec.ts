import type { V1StatefulSet } from '../../kube';
import { podReferences, workloadsUsing } from './workload-references';

const sts = (name: string, spec: NonNullable<V1StatefulSet['spec']>['template']['spec']): V1StatefulSet => ({
  metadata: { name },
  spec: { selector: {}, serviceName: name, template: { spec } },
});

describe('podReferences', () => {
  it('finds ConfigMaps, Secrets and claims in volumes, projections, env, envFrom and pull secrets', () => {
    const refs = podReferences({
      volumes: [
        { name: 'a', configMap: { name: 'cm-vol' } },
        { name: 'b', secret: { secretName: 'sec-vol' } },
        { name: 'c', persistentVolumeClaim: { claimName: 'claim' } },
        {
          name: 'd',
          projected: { sources: [{ configMap: { name: 'cm-proj' } }, { secret: { name: 'sec-proj' } }] },
        },
        { name: 'e', emptyDir: {} },
      ],
      initContainers: [{ name: 'init', envFrom: [{ configMapRef: { name: 'cm-init' } }] }],
      containers: [
        {
          name: 'web',
          env: [
            { name: 'X', valueFrom: { configMapKeyRef: { name: 'cm-env', key: 'k' } } },
            { name: 'Y', valueFrom: { secretKeyRef: { name: 'sec-env', key: 'k' } } },
            { name: 'Z', value: 'plain' },
          ],
          envFrom: [{ secretRef: { name: 'sec-from' } }],
        },
      ],
      imagePullSecrets: [{ name: 'pull' }],
    });
    expect([...refs.configMaps].sort()).toEqual(['cm-env', 'cm-init', 'cm-proj', 'cm-vol']);
    expect([...refs.secrets].sort()).toEqual(['pull', 'sec-env', 'sec-from', 'sec-proj', 'sec-vol']);
    expect([...refs.claims]).toEqual(['claim']);
  });

  it('is empty without a spec', () => {
    const refs = podReferences(undefined);
    expect(refs.configMaps.size + refs.secrets.size + refs.claims.size).toBe(0);
  });
});

describe('workloadsUsing', () => {
  it('lists the StatefulSets naming the object, by name, and no others', () => {
    const sets = [
      sts('web', { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'shared' } }] }] }),
      sts('db', { containers: [{ name: 'c' }], volumes: [{ name: 'v', configMap: { name: 'shared' } }] }),
      sts('other', {
        containers: [{ name: 'c' }],
        volumes: [{ name: 'v', secret: { secretName: 'shared' } }],
      }),
    ];
    expect(workloadsUsing(sets, 'configMaps', 'shared')).toEqual([
      { kind: 'StatefulSet', name: 'db' },
      { kind: 'StatefulSet', name: 'web' },
    ]);
    expect(workloadsUsing(sets, 'secrets', 'shared')).toEqual([{ kind: 'StatefulSet', name: 'other' }]);
    expect(workloadsUsing(sets, 'configMaps', 'missing')).toEqual([]);
  });
});
