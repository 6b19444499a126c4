import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Raised (as a transport error's code) when an address may not be contacted. */
export const FORBIDDEN_ADDRESS = 'EBERTH_FORBIDDEN_ADDRESS';

/**
 * Whether Berth may connect to an address for a tenant: only public unicast ones. Loopback,
 * link-local (cloud metadata), private, unique-local, carrier-grade NAT, multicast, unspecified and
 * reserved addresses are refused, IPv4 ones also when written as IPv6 (`::ffff:127.0.0.1`).
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.process(bare);
  return parsed.range() === 'unicast';
}

export type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for sockets (net/tls `connect` options): it resolves every address of the name and
 * refuses the connection if any of them is not public, so a name that resolves, or rebinds, to an
 * internal address is never connected to. `resolve` is the system resolver unless a test gives one.
 */
export function publicOnlyLookup(
  resolve: typeof dnsLookup = dnsLookup,
): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const denied: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to an address that may not be contacted`,
        );
        denied.code = FORBIDDEN_ADDRESS;
        return callback(denied, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Checks a host before a request is made: an IP literal directly (sockets skip `lookup` for those),
 * a name by resolving it (the socket's own lookup checks again when it connects).
 */
export async function checkPublicHost(
  hostname: string,
  resolve: typeof dnsLookup = dnsLookup,
): Promise<void> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) {
    if (!isPublicAddress(bare)) throw forbidden(hostname);
    return;
  }
  await new Promise<void>((done, fail) =>
    publicOnlyLookup(resolve)(bare, {}, (error) => (error ? fail(error) : done())),
  );
}

function forbidden(host: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${host} is not an address that may be contacted`);
  error.code = FORBIDDEN_ADDRESS;
  return error;
}
