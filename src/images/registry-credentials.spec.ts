import type { V1Secret } from '../kube';
import { CredentialsError, credentialsFromSecret } from './registry-credentials';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const dockerSecret = (auths: Record<string, object>, type = 'kubernetes.io/dockerconfigjson'): V1Secret => ({
  type,
  data: { '.dockerconfigjson': b64(JSON.stringify({ auths })) },
});

describe('credentialsFromSecret', () => {
  it('picks the entry of the registry, by username/password or by auth', () => {
    const secret = dockerSecret({
      'https://index.docker.io/v1/': { auth: b64('hub-user:hub:pass') },
      '127.0.0.1:5443': { username: 'alice', password: 'pw', email: 'a@example.com' },
    });
    expect(credentialsFromSecret(secret, 'docker.io')).toEqual({
      username: 'hub-user',
      password: 'hub:pass',
    });
    expect(credentialsFromSecret(secret, '127.0.0.1:5443')).toEqual({ username: 'alice', password: 'pw' });
  });

  it('accepts the legacy .dockercfg form', () => {
    const secret: V1Secret = {
      type: 'kubernetes.io/dockercfg',
      data: { '.dockercfg': b64(JSON.stringify({ 'quay.io': { username: 'q', password: 'p' } })) },
    };
    expect(credentialsFromSecret(secret, 'quay.io')).toEqual({ username: 'q', password: 'p' });
  });

  const reason = (secret: V1Secret, registry = 'quay.io'): [string, string] => {
    try {
      credentialsFromSecret(secret, registry);
    } catch (error) {
      if (error instanceof CredentialsError) return [error.reason, error.message];
      throw error;
    }
    throw new Error('expected a CredentialsError');
  };

  it('says why a secret gives nothing, never quoting its values', () => {
    expect(reason({ type: 'Opaque', data: { password: b64('pw') } })).toEqual([
      'wrong-type',
      'is not an image-registry secret (its type is Opaque; expected kubernetes.io/dockerconfigjson)',
    ]);
    expect(
      reason({
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': b64('{not json pw') },
      })[0],
    ).toBe('malformed');
    expect(reason(dockerSecret({ 'docker.io': { username: 'u', password: 'pw' } }))).toEqual([
      'no-entry',
      'holds no credentials for the registry quay.io (it has credentials for docker.io)',
    ]);
    const [why, message] = reason(dockerSecret({ 'quay.io': { auth: b64('no-colon-pw') } }));
    expect(why).toBe('malformed');
    expect(message).not.toContain('pw');
  });
});
