import { validateInput } from '../../common/validation/input-validation.pipe';
import { CreateVolumeInput, labelProblems, sizeProblem } from './volume-inputs';

describe('volume inputs', () => {
  it.each(['1Gi', '500Mi', '10G', '1', '1.5Gi', '1e9'])('%s is a size', (size) => {
    expect(sizeProblem(size)).toBeNull();
  });

  it.each(['', 'ten', '1 Gi', '1GB', '-1Gi', '0', '0Gi', '500m'])('%p is not a size', (size) => {
    expect(sizeProblem(size)).not.toBeNull();
  });

  it('reports every bad field of the create input at once, by path', async () => {
    const error = await validateInput(CreateVolumeInput, {
      name: 'Bad_Name',
      accessModes: [],
      size: 'lots',
      volumeMode: 'Raw',
    }).catch((e: unknown) => e);
    const fields = (error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(new Set(fields)).toEqual(new Set(['name', 'accessModes', 'size', 'volumeMode']));
  });

  it('refuses unknown and repeated access modes', async () => {
    for (const accessModes of [['ReadWriteSometimes'], ['ReadWriteOnce', 'ReadWriteOnce']]) {
      const error = await validateInput(CreateVolumeInput, { name: 'ok', accessModes, size: '1Gi' }).catch(
        (e: unknown) => e,
      );
      expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['accessModes']);
    }
  });

  it('accepts a minimal input', async () => {
    await expect(
      validateInput(CreateVolumeInput, { name: 'data', accessModes: ['ReadWriteOnce'], size: '1Gi' }),
    ).resolves.toBeInstanceOf(CreateVolumeInput);
  });

  it('checks label keys and values as Kubernetes does', () => {
    expect(
      labelProblems(
        [
          { key: 'tier', value: 'db' },
          { key: 'example.com/tier', value: '' },
          { key: 'bad key', value: 'ok' },
          { key: 'ok', value: '-starts-with-dash' },
          { key: 'tier', value: 'again' },
          { key: 'a/b/c', value: 'x' },
        ],
        'labels',
      ).map((p) => p.path),
    ).toEqual(['labels[2].key', 'labels[3].value', 'labels[4].key', 'labels[5].key']);
  });
});
