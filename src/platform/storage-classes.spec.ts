import type { V1StorageClass } from '../kube';
import { toStorageClass } from './storage-classes.service';
import { defaultClass } from '../kube/storage-classes';

const sc = (
  name: string,
  annotations: Record<string, string> = {},
  created = '2026-01-01T00:00:00Z',
): V1StorageClass => ({
  metadata: { name, annotations, creationTimestamp: new Date(created) },
  provisioner: 'example.com/disk',
});

describe('storage classes', () => {
  it('reads the default annotation (GA or beta), expansion, reclaim policy and binding mode', () => {
    expect(
      toStorageClass({
        ...sc('fast', { 'storageclass.kubernetes.io/is-default-class': 'true' }),
        allowVolumeExpansion: true,
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    ).toEqual({
      name: 'fast',
      provisioner: 'example.com/disk',
      default: true,
      allowsExpansion: true,
      reclaimPolicy: 'Retain',
      bindingMode: 'WaitForFirstConsumer',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(
      toStorageClass(sc('old', { 'storageclass.beta.kubernetes.io/is-default-class': 'true' })).default,
    ).toBe(true);
    expect(
      toStorageClass(sc('plain', { 'storageclass.kubernetes.io/is-default-class': 'false' })),
    ).toMatchObject({
      default: false,
      allowsExpansion: false,
      reclaimPolicy: null,
      bindingMode: null,
    });
  });

  it('the default for claims without a class is the newest default one, as admission picks it', () => {
    const yes = { 'storageclass.kubernetes.io/is-default-class': 'true' };
    expect(defaultClass([sc('a'), sc('b')])).toBeNull();
    expect(
      defaultClass([sc('a', yes, '2026-01-01T00:00:00Z'), sc('b', yes, '2026-02-01T00:00:00Z'), sc('c')])
        ?.metadata?.name,
    ).toBe('b');
  });
});
