import { Module } from '@nestjs/common';
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
  ],
  exports: [
    PasswordHasher,
    SigningKeyStore,
    ApiTokenService,
    PassportService,
    Authenticator,
    LoginService,
    SessionService,
    TokenService,
  ],
})
export class AuthModule {}
