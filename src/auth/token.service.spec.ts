import type { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import type { SigningKeyStore } from './signing-key.store';
import { TokenService } from './token.service';

const KEY = new Uint8Array(32).fill(7);
const service = (ttlSeconds = 60) =>
  new TokenService(
    { key: () => Promise.resolve(KEY) } as unknown as SigningKeyStore,
    {
      accessTokenTtlSeconds: ttlSeconds,
    } as AppConfig,
  );
const claims = { username: 'alice', uid: 'uid-1', generation: 3 };

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies its own tokens and refuses tampered ones, remembered or not', async () => {
    const tokens = service();
    const token = await tokens.issue(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin', uid: 'uid-1', gen: 3 })).toString(
      'base64url',
    );
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toBeInstanceOf(DomainError);
    await expect(tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}AA`)).rejects.toThrow(
      'Invalid access token',
    );
  });

  it('names the user as `username` too, which KubeSphere’s console reads without verifying', async () => {
    const token = await service().issue(claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ sub: 'alice', username: 'alice' });
  });

  it('stops accepting a remembered token the moment it expires', async () => {
    jest.useFakeTimers({
      now: Date.UTC(2026, 0, 1),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    const tokens = service(60);
    const token = await tokens.issue(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(Date.UTC(2026, 0, 1) + 59_999);
    expect(await tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(Date.UTC(2026, 0, 1) + 60_000);
    await expect(tokens.verify(token)).rejects.toThrow('The access token has expired');
  });
});
