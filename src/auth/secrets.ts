import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../iam/hashing';

/**
 * Opaque credentials (refresh and API tokens): `<kind>.<id>.<secret>.<mac>`. The id names the object
 * that holds the secret's hash; the MAC (HMAC-SHA256 under the token signing key) lets a made-up or
 * altered token be refused before anything is looked up.
 */
export interface OpaqueToken {
  kind: string;
  id: string;
  secret: string;
}

const ID = /^[0-9a-f]{16,40}$/;
const SECRET = /^[0-9a-f]{64}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

/** A password for a person to type once and change: base64url of 18 random bytes, plus the classes the policy asks for. */
export function generatedPassword(): string {
  return `${randomBytes(18).toString('base64url')}Aa1`;
}

export function newId(): string {
  return randomBytes(8).toString('hex');
}

export function newSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('hex');
  return { secret, secretHash: sha256(secret) };
}

export function formatOpaqueToken(key: Uint8Array, token: OpaqueToken): string {
  const body = `${token.kind}.${token.id}.${token.secret}`;
  return `${body}.${mac(key, body)}`;
}

/** The token's parts if it is well formed and its MAC is ours; null otherwise. */
export function parseOpaqueToken(key: Uint8Array, token: string, kind: string): OpaqueToken | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== kind) return null;
  const [, id, secret, given] = parts;
  if (!ID.test(id) || !SECRET.test(secret) || !MAC.test(given)) return null;
  const expected = Buffer.from(mac(key, `${kind}.${id}.${secret}`));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  return { kind, id, secret };
}

function mac(key: Uint8Array, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** 256-bit random secrets need no slow hash; SHA-256 keeps them unrecoverable from the cluster. */
export const sha256 = sha256Hex;

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
