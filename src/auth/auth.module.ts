import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../iam/access.guard';
import { ApiTokenService } from './api-token.service';
import { Authenticator } from './authenticator.service';
import { CredentialSweeper } from './credential-sweeper';
import { LoginService } from './login.service';
import { OAuthController } from './oauth.controller';
import { PassportService } from './passport.service';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { SigningKeyStore } from './signing-key.store';
import { TokenService } from './token.service';

/** Sign-in (OAuth password and refresh grants), access tokens, API tokens, bearer authentication. */
@Module({
  controllers: [OAuthController],
  providers: [
    PasswordHasher,
    SigningKeyStore,
    TokenService,
    SessionService,
    LoginService,
    ApiTokenService,
    Authenticator,
    PassportService,
    CredentialSweeper,
    // The one global guard: authentication here, authorisation by the declared access rules.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, SigningKeyStore, ApiTokenService, PassportService],
})
export class AuthModule {}
