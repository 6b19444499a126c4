import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Opaque credentials (refresh and API tokens): `<kind>.<username>.<id>.<secret>`, all parts URL-safe. */
export interface OpaqueToken {
  kind: string;
  username: string;
  id: string;
  secret: string;
}

export function newOpaqueToken(
  kind: string,
  username: string,
): { token: string; id: string; secretHash: string } {
  const id = randomBytes(8).toString('hex');
  const { secret, secretHash } = newSecret();
  return { token: formatOpaqueToken({ kind, username, id, secret }), id, secretHash };
}

export function newSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('hex');
  return { secret, secretHash: sha256(secret) };
}

export function formatOpaqueToken(token: OpaqueToken): string {
  return `${token.kind}.${token.username}.${token.id}.${token.secret}`;
}

export function parseOpaqueToken(token: string, kind: string): OpaqueToken | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== kind) return null;
  const [, username, id, secret] = parts;
  if (!/^[a-z0-9-]{1,63}$/.test(username) || !/^[0-9a-f]{16}$/.test(id) || !/^[0-9a-f]{64}$/.test(secret))
    return null;
  return { kind, username, id, secret };
}

/** 256-bit random secrets need no slow hash; SHA-256 keeps them unrecoverable from the cluster. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
