import fc from 'fast-check';
import { statefulSetForm } from './statefulset-form.arbitrary';
import type { StatefulSetForm } from './statefulset-form.model';
import { validateForm } from './statefulset-form.validation';

const base = (): StatefulSetForm => ({
  name: 'demo',
  containers: [
    {
      name: 'web',
      image: 'nginx',
      ports: [{ name: 'http', containerPort: 80 }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    },
  ],
  volumeClaimTemplates: [{ name: 'data', size: '1Gi' }],
});

describe('validateForm', () => {
  it('accepts every generated valid form', () => {
    fc.assert(
      fc.property(statefulSetForm, (form) => expect(validateForm(form)).toEqual([])),
      { numRuns: 200 },
    );
  });

  it.each<[string, (f: StatefulSetForm) => void, string, RegExp]>([
    [
      'requests above limits',
      (f) => (f.containers[0].resources = { requests: { cpu: '2' }, limits: { cpu: '500m' } }),
      'containers[0].resources.requests.cpu',
      /must not exceed the limit \(500m\)/,
    ],
    [
      'a malformed quantity',
      (f) => (f.containers[0].resources = { limits: { memory: '1GB' } }),
      'containers[0].resources.limits.memory',
      /Kubernetes quantity/,
    ],
    [
      'a duplicate port',
      (f) => f.containers[0].ports!.push({ name: 'http2', containerPort: 80 }),
      'containers[0].ports[1].containerPort',
      /80\/TCP is already used/,
    ],
    [
      'a duplicate port name',
      (f) => f.containers[0].ports!.push({ name: 'http', containerPort: 81 }),
      'containers[0].ports[1].name',
      /already used/,
    ],
    [
      'a mount of an unknown volume',
      (f) => f.containers[0].volumeMounts!.push({ name: 'logs', mountPath: '/logs' }),
      'containers[0].volumeMounts[1].name',
      /no volume or volume claim template is named "logs"/,
    ],
    [
      'a path mounted twice',
      (f) => f.containers[0].volumeMounts!.push({ name: 'data', mountPath: '/data' }),
      'containers[0].volumeMounts[1].mountPath',
      /mounted twice/,
    ],
    [
      'a malformed template size',
      (f) => (f.volumeClaimTemplates![0].size = 'big'),
      'volumeClaimTemplates[0].size',
      /positive quantity/,
    ],
    [
      'a volume without its source',
      (f) => (f.volumes = [{ name: 'cfg', type: 'configMap' }]),
      'volumes[0].sourceName',
      /required/,
    ],
    [
      'two containers with one name',
      (f) => f.containers.push({ name: 'web', image: 'redis' }),
      'containers[1].name',
      /used by another container/,
    ],
    [
      'an env var with two sources',
      (f) => (f.containers[0].env = [{ name: 'A', value: 'x', secretKeyRef: { name: 's', key: 'k' } }]),
      'containers[0].env[0]',
      /one of/,
    ],
    [
      'the reserved app label',
      (f) => (f.labels = [{ key: 'app', value: 'other' }]),
      'labels[0].key',
      /set by Berth/,
    ],
    [
      'an invalid label value',
      (f) => (f.labels = [{ key: 'tier', value: 'has space' }]),
      'labels[0].value',
      /at most 63/,
    ],
    [
      'a probe on an init container',
      (f) =>
        (f.initContainers = [
          { name: 'init', image: 'busybox', readinessProbe: { type: 'exec', command: ['true'] } },
        ]),
      'initContainers[0].readinessProbe',
      /no probes/,
    ],
    [
      'a startup probe that must succeed twice',
      (f) => (f.containers[0].startupProbe = { type: 'tcpSocket', port: 80, successThreshold: 2 }),
      'containers[0].startupProbe.successThreshold',
      /must be 1/,
    ],
    [
      'a privileged container that may not escalate',
      (f) => (f.containers[0].securityContext = { privileged: true, allowPrivilegeEscalation: false }),
      'containers[0].securityContext.allowPrivilegeEscalation',
      /privileged/,
    ],
    [
      'an httpGet probe without a port',
      (f) => (f.containers[0].livenessProbe = { type: 'httpGet', path: '/' }),
      'containers[0].livenessProbe.port',
      /required/,
    ],
  ])('refuses %s, naming the field', (_, change, path, message) => {
    const form = base();
    change(form);
    const errors = validateForm(form);
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
  });
});
