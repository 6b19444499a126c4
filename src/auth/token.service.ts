import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { SigningKeyStore } from './signing-key.store';

const ISSUER = 'berth';
const TYPE = 'at+jwt';

export interface AccessClaims {
  username: string;
  /** The account's UID: a token never works for a later account of the same name. */
  uid: string;
  /** The account's token generation when the token was issued; a newer generation revokes it. */
  generation: number;
  /** The session the token was issued for (none for tokens made otherwise): what a sign-out ends. */
  session?: string;
}

/**
 * Tokens whose signature and claims were verified, until they expire: a console sends the same token
 * with every request, and checking an HMAC through WebCrypto was a tenth of a cached page's CPU.
 * Only valid tokens enter (made-up ones cannot fill it); bounded, oldest out first. What a token
 * may still do (account, generation) is checked on every request by the Authenticator, not here.
 */
const MAX_VERIFIED = 10_000;

interface Verified {
  key: Uint8Array;
  claims: AccessClaims;
  expiresAt: number;
}

/** Short-lived access tokens: HS256 JWTs (RFC 9068 `at+jwt`), verified without a round trip. */
@Injectable()
export class TokenService {
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly keys: SigningKeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  async issue(claims: AccessClaims): Promise<string> {
    // `username` beside `sub`: KubeSphere's console reads the signed-in user from it (unverified).
    return new SignJWT({
      gen: claims.generation,
      uid: claims.uid,
      username: claims.username,
      ...(claims.session ? { sid: claims.session } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: TYPE })
      .setIssuer(ISSUER)
      .setSubject(claims.username)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenTtlSeconds}s`)
      .sign(await this.keys.key());
  }

  /** The claims of a valid token; UNAUTHENTICATED for anything forged, tampered, expired or unsigned. */
  async verify(token: string): Promise<AccessClaims> {
    const key = await this.keys.key();
    const known = this.verified.get(token);
    if (known && known.key === key && known.expiresAt > Date.now()) return known.claims;
    if (known) this.verified.delete(token);
    return this.check(token, key);
  }

  private async check(token: string, key: Uint8Array): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        typ: TYPE,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.gen !== 'number' ||
        typeof payload.uid !== 'string'
      )
        throw new Error('missing claims');
      const session = typeof payload.sid === 'string' ? { session: payload.sid } : {};
      const claims: AccessClaims = Object.freeze({
        username: payload.sub,
        uid: payload.uid,
        generation: payload.gen,
        ...session,
      });
      if (typeof payload.exp === 'number') {
        this.verified.set(token, { key, claims, expiresAt: payload.exp * 1000 });
        if (this.verified.size > MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      }
      return claims;
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        expired ? 'The access token has expired' : 'Invalid access token',
      );
    }
  }
}
