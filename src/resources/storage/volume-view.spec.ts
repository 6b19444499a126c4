import type { CoreV1Event, V1PersistentVolumeClaim, V1Pod, V1StatefulSet } from '../../kube';
import {
  activePods,
  claimStatus,
  mountingPods,
  sizeInBytes,
  templateOrigin,
  toClaim,
  toVolumeView,
} from './volume-view';

const claim = (overrides: {
  name?: string;
  phase?: string;
  request?: string;
  capacity?: string;
  volumeName?: string;
  deleting?: boolean;
  conditions?: { type: string; status: string; message?: string }[];
}): V1PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: overrides.name ?? 'data',
    namespace: 'p1',
    creationTimestamp: new Date('2026-01-02T03:04:05Z'),
    resourceVersion: '42',
    labels: { tier: 'db', app: 'x' },
    annotations: { 'berth.io/creator': 'alice' },
    ...(overrides.deleting ? { deletionTimestamp: new Date('2026-01-03T00:00:00Z') } : {}),
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: overrides.request ?? '1Gi' } },
    storageClassName: 'fast',
    volumeMode: 'Filesystem',
    volumeName: overrides.volumeName,
  },
  status: {
    phase: overrides.phase ?? 'Bound',
    ...(overrides.capacity ? { capacity: { storage: overrides.capacity } } : {}),
    conditions: overrides.conditions as never,
  },
});

const event = (reason: string, message: string, at: string, type = 'Normal', name = 'data'): CoreV1Event => ({
  metadata: {},
  involvedObject: { kind: 'PersistentVolumeClaim', name },
  reason,
  message,
  type,
  lastTimestamp: new Date(at),
});

const pod = (name: string, claims: string[], phase = 'Running', deleting = false): V1Pod => ({
  metadata: { name, ...(deleting ? { deletionTimestamp: new Date() } : {}) },
  spec: {
    containers: [{ name: 'c' }],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      ...claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })),
    ],
  },
  status: { phase },
});

const statefulSet = (name: string, templates: string[]): V1StatefulSet => ({
  metadata: { name },
  spec: {
    serviceName: name,
    selector: {},
    template: {},
    volumeClaimTemplates: templates.map((t) => ({ metadata: { name: t } })),
  },
});

describe('volume status', () => {
  it('Bound with nothing in progress has no reason', () => {
    expect(claimStatus(claim({ capacity: '1Gi' }), [])).toEqual({
      phase: 'Bound',
      reason: null,
      terminating: false,
    });
  });

  it('Pending gives the latest event, a Warning first at the same time', () => {
    const events = [
      event('ExternalProvisioning', 'waiting for the provisioner', '2026-01-01T00:00:00Z'),
      event(
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
        '2026-01-01T00:01:00Z',
      ),
      event('ProvisioningFailed', 'no space left', '2026-01-01T00:01:00Z', 'Warning'),
    ];
    expect(claimStatus(claim({ phase: 'Pending' }), events).reason).toBe('ProvisioningFailed: no space left');
    expect(claimStatus(claim({ phase: 'Pending' }), events.slice(0, 2)).reason).toBe(
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
    );
  });

  it('Pending without events says it waits; no phase at all counts as Pending', () => {
    const status = claimStatus({ ...claim({}), status: {} }, []);
    expect(status.phase).toBe('Pending');
    expect(status.reason).toMatch(/waiting/i);
  });

  it('Lost says that the volume is gone, naming it', () => {
    const status = claimStatus(claim({ phase: 'Lost', volumeName: 'pv-1' }), []);
    expect(status).toMatchObject({ phase: 'Lost' });
    expect(status.reason).toContain('"pv-1" is gone');
  });

  it('a requested size above the capacity is an expansion in progress, with the resizer condition', () => {
    expect(claimStatus(claim({ request: '2Gi', capacity: '1Gi' }), []).reason).toBe(
      'Expanding from 1Gi to 2Gi',
    );
    const resizing = claim({
      request: '2Gi',
      capacity: '1Gi',
      conditions: [{ type: 'FileSystemResizePending', status: 'True', message: 'waiting for a pod' }],
    });
    expect(claimStatus(resizing, []).reason).toBe(
      'Expanding from 1Gi to 2Gi (FileSystemResizePending: waiting for a pod)',
    );
  });

  it('a deleted claim kept for its pods is terminating', () => {
    expect(claimStatus(claim({ capacity: '1Gi', deleting: true }), []).terminating).toBe(true);
  });
});

describe('pods that mount a claim', () => {
  it('are the pods whose volumes name it, by name, Terminating when deleted', () => {
    const pods = [
      pod('web-1', ['data']),
      pod('other', ['logs']),
      pod('web-0', ['logs', 'data'], 'Pending'),
      pod('old', ['data'], 'Running', true),
      pod('job', ['data'], 'Succeeded'),
    ];
    const mounting = mountingPods('data', pods);
    expect(mounting).toEqual([
      { name: 'job', phase: 'Succeeded' },
      { name: 'old', phase: 'Terminating' },
      { name: 'web-0', phase: 'Pending' },
      { name: 'web-1', phase: 'Running' },
    ]);
    // A finished pod no longer holds the claim; one still terminating does.
    expect(activePods(mounting).map((p) => p.name)).toEqual(['old', 'web-0', 'web-1']);
  });
});

describe('template origin', () => {
  const sets = [statefulSet('web', ['data', 'logs']), statefulSet('db-main', ['data'])];

  it.each([
    ['data-web-0', { statefulSet: 'web', template: 'data', ordinal: 0 }],
    ['logs-web-12', { statefulSet: 'web', template: 'logs', ordinal: 12 }],
    ['data-db-main-3', { statefulSet: 'db-main', template: 'data', ordinal: 3 }],
  ])('%s comes from a template', (name, origin) => {
    expect(templateOrigin(name, sets)).toEqual(origin);
  });

  it.each([
    ['data-api-0', 'no such StatefulSet'],
    ['cache-web-0', 'no such template'],
    ['data-web-x', 'not an ordinal'],
    ['data-web-01', 'not an ordinal as the controller writes it'],
    ['data-web-', 'no ordinal'],
    ['data', 'a plain claim'],
  ])('%s does not (%s)', (name) => {
    expect(templateOrigin(name, sets)).toBeNull();
  });
});

describe('the volume view', () => {
  it('carries what the claim says, with pods and origin from the context', () => {
    const view = toVolumeView(claim({ name: 'data-web-0', capacity: '1Gi', volumeName: 'pv-9' }), {
      pods: [pod('web-0', ['data-web-0'])],
      statefulSets: [statefulSet('web', ['data'])],
      events: [event('Other', 'about another claim', '2026-01-01T00:00:00Z', 'Warning', 'elsewhere')],
    });
    expect(view).toEqual({
      name: 'data-web-0',
      project: 'p1',
      status: { phase: 'Bound', reason: null, terminating: false },
      requestedSize: '1Gi',
      capacity: '1Gi',
      storageClass: 'fast',
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
      volumeName: 'pv-9',
      mountedBy: [{ name: 'web-0', phase: 'Running' }],
      origin: { statefulSet: 'web', template: 'data', ordinal: 0 },
      labels: [
        { key: 'app', value: 'x' },
        { key: 'tier', value: 'db' },
      ],
      creator: 'alice',
      createdAt: new Date('2026-01-02T03:04:05Z'),
      resourceVersion: '42',
    });
  });

  it('only events of this claim explain a Pending one', () => {
    const view = toVolumeView(claim({ phase: 'Pending' }), {
      pods: [],
      statefulSets: [],
      events: [event('Other', 'about another claim', '2026-01-01T00:00:00Z', 'Warning', 'elsewhere')],
    });
    expect(view.status.reason).toBe('Waiting for a volume to be provisioned');
  });

  it('sorts by the bound capacity, else the request', () => {
    expect(sizeInBytes({ capacity: '2Gi', requestedSize: '1Gi' })).toBe(2 ** 31);
    expect(sizeInBytes({ capacity: null, requestedSize: '500Mi' })).toBe(500 * 2 ** 20);
    expect(sizeInBytes({ capacity: null, requestedSize: '' })).toBe(0);
  });
});

describe('the claim the create form makes', () => {
  it('names the class, the size, the modes, the labels and the creator', () => {
    expect(
      toClaim(
        {
          name: 'data',
          accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
          size: '5Gi',
          volumeMode: 'Block',
          labels: [{ key: 'tier', value: 'db' }],
        },
        'p1',
        'fast',
        'alice',
      ),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'data',
        namespace: 'p1',
        labels: { tier: 'db' },
        annotations: { 'berth.io/creator': 'alice' },
      },
      spec: {
        accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
        resources: { requests: { storage: '5Gi' } },
        storageClassName: 'fast',
        volumeMode: 'Block',
      },
    });
  });

  it('defaults to a filesystem and leaves out empty labels', () => {
    const made = toClaim(
      { name: 'd', accessModes: ['ReadWriteOnce'], size: '1Gi', labels: [] },
      'p',
      'c',
      'u',
    );
    expect(made.spec?.volumeMode).toBe('Filesystem');
    expect(made.metadata).not.toHaveProperty('labels');
  });
});
