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
}

/** Short-lived access tokens: HS256 JWTs (RFC 9068 `at+jwt`), verified without a round trip. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(SigningKeyStore) private readonly keys: SigningKeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  async issue(claims: AccessClaims): Promise<string> {
    return new SignJWT({ gen: claims.generation, uid: claims.uid })
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
      return { username: payload.sub, uid: payload.uid, generation: payload.gen };
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        expired ? 'The access token has expired' : 'Invalid access token',
      );
    }
  }
}
