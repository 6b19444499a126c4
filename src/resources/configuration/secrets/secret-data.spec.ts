import fc from 'fast-check';
import { DomainError } from '../../../common/errors/domain-error';
import { compareKeys } from '../../../common/key-value-data';
import { SecretKind } from './secret.model';
import { DOCKER_CONFIG_KEY, kindOf, secretData, toSecretValues, toSecretView } from './secret-data';

const key = fc.stringMatching(/^[-._a-zA-Z0-9]{1,20}$/).filter((k) => k !== '.' && k !== '..');

describe('secret data', () => {
  it('round-trips any Opaque data through the Kubernetes encoding', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key, value: fc.string() }), { selector: (e) => e.key }),
        (data) => {
          const secret = { metadata: { name: 's' }, data: secretData(SecretKind.OPAQUE, { data }) };
          const sorted = [...data].sort((a, b) => compareKeys(a.key, b.key));
          expect(toSecretValues(secret).data).toEqual(sorted);
          expect(toSecretView(secret, []).keys).toEqual(sorted.map((e) => e.key));
        },
      ),
    );
  });

  it('keeps values that are not UTF-8 as base64', () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00]).toString('base64');
    expect(toSecretValues({ data: { bin: binary } }).data).toEqual([{ key: 'bin', value: binary }]);
  });

  it('writes image-registry credentials as a docker config', () => {
    const data = secretData(SecretKind.IMAGE_REGISTRY, {
      registry: { server: 'r.example.com', username: 'u', password: 'p' },
    });
    expect(JSON.parse(Buffer.from(data[DOCKER_CONFIG_KEY], 'base64').toString())).toEqual({
      auths: {
        'r.example.com': { username: 'u', password: 'p', auth: Buffer.from('u:p').toString('base64') },
      },
    });
  });

  it('names the field that does not fit the kind', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as DomainError).fields?.map((f) => f.path);
      }
      return undefined;
    };
    expect(fieldOf(() => secretData(SecretKind.IMAGE_REGISTRY, {}))).toEqual(['registry']);
    expect(fieldOf(() => secretData(SecretKind.IMAGE_REGISTRY, { data: [] }))).toEqual(['data']);
    expect(
      fieldOf(() =>
        secretData(SecretKind.OPAQUE, { registry: { server: 's', username: 'u', password: 'p' } }),
      ),
    ).toEqual(['registry']);
    expect(fieldOf(() => secretData(SecretKind.OPAQUE, { data: [{ key: 'a/b', value: '' }] }))).toEqual([
      'data[0].key',
    ]);
  });

  it('tells the kinds apart', () => {
    expect(kindOf(undefined)).toBe(SecretKind.OPAQUE);
    expect(kindOf('kubernetes.io/dockerconfigjson')).toBe(SecretKind.IMAGE_REGISTRY);
    expect(kindOf('kubernetes.io/tls')).toBe(SecretKind.OTHER);
  });
});
