import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { principal, testConfig } from '../../test/support/factories';
import { RequestRates } from './request-rate.service';

const rates = (perUser: number, perToken: number) =>
  new RequestRates(testConfig({ requestRate: { perUser, perToken } }));

async function refusal(promise: Promise<void>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('RequestRates', () => {
  it('allows each user their budget per minute, then refuses with the seconds to wait', async () => {
    const limits = rates(2, 10);
    const alice = principal();
    await limits.take(alice);
    await limits.take(alice);
    const error = await refusal(limits.take(alice));
    expect(error.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.message).toContain('this user');
    await limits.take(principal({ username: 'bob' }));
  });

  it('gives each API token its own, smaller budget within its owner’s', async () => {
    const limits = rates(10, 1);
    const viaToken = principal({ via: 'api-token', tokenId: 'one' });
    await limits.take(viaToken);
    expect((await refusal(limits.take(viaToken))).message).toContain('this API token');
    await limits.take(principal({ via: 'api-token', tokenId: 'two' }));
    await limits.take(principal());
  });

  it('is off at 0', async () => {
    const limits = rates(0, 0);
    expect(limits.enabled).toBe(false);
    for (let i = 0; i < 100; i++) await limits.take(principal({ tokenId: 'x' }));
  });
});
