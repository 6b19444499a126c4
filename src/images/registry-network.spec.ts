import type { LookupAddress, lookup } from 'node:dns';
import { checkPublicHost, FORBIDDEN_ADDRESS, isPublicAddress, publicOnlyLookup } from './registry-network';

describe('registry address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '::1',
    '[::1]',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    '255.255.255.255',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    'not-an-address',
  ])('%s may not be contacted', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '151.101.0.223', '2001:4860:4860::8888', '2a00:1450:4001::200e'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  const resolver = (addresses: string[]) =>
    ((_host: string, _options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      )) as unknown as typeof lookup;

  it('a name is refused if any of its addresses is not public (round robin or rebinding)', async () => {
    await expect(checkPublicHost('registry.example', resolver(['8.8.8.8']))).resolves.toBeUndefined();
    await expect(
      checkPublicHost('registry.example', resolver(['8.8.8.8', '10.0.0.1'])),
    ).rejects.toMatchObject({
      code: FORBIDDEN_ADDRESS,
    });
    await expect(checkPublicHost('registry.example', resolver([]))).rejects.toMatchObject({
      code: FORBIDDEN_ADDRESS,
    });
  });

  it('IP literals are checked without resolving', async () => {
    const never = (() => {
      throw new Error('resolved');
    }) as unknown as typeof lookup;
    await expect(checkPublicHost('[::1]', never)).rejects.toMatchObject({ code: FORBIDDEN_ADDRESS });
    await expect(checkPublicHost('8.8.8.8', never)).resolves.toBeUndefined();
  });

  it('the socket lookup answers like dns.lookup, for one address or all', (done) => {
    const look = publicOnlyLookup(resolver(['8.8.4.4', '2001:4860:4860::8844']));
    look('dns.example', {}, (error, address, family) => {
      expect([error, address, family]).toEqual([null, '8.8.4.4', 4]);
      look('dns.example', { all: true }, (e, all) => {
        expect(e).toBeNull();
        expect((all as LookupAddress[]).map((a) => a.address)).toEqual(['8.8.4.4', '2001:4860:4860::8844']);
        done();
      });
    });
  });
});
