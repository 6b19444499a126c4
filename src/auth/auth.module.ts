import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiTokenService } from './api-token.service';
import { Authenticator } from './authenticator.service';
import { BearerStrategy } from './bearer.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginService } from './login.service';
import { OAuthController } from './oauth.controller';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { SigningKeyStore } from './signing-key.store';
import { TokenService } from './token.service';

/** Sign-in (OAuth password and refresh grants), access tokens, API tokens, bearer authentication. */
@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [OAuthController],
  providers: [
    PasswordHasher,
    SigningKeyStore,
    TokenService,
    SessionService,
    LoginService,
    ApiTokenService,
    Authenticator,
    BearerStrategy,
    LocalStrategy,
  ],
  exports: [PasswordHasher, SigningKeyStore, ApiTokenService],
})
export class AuthModule {}
