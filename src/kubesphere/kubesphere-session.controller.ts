import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticator } from '../auth/authenticator.service';
import { bearerToken } from '../auth/bearer';
import { LoginService } from '../auth/login.service';
import { PasswordGrantGuard, tokenGrant, type TokenRequest } from '../auth/oauth-grants';
import { OAuthExceptionFilter } from '../auth/oauth-exception.filter';
import { SessionService, type TokenResponse } from '../auth/session.service';
import { TokenService } from '../auth/token.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { Access, Public } from '../iam/access-rules';
import type { AccountResource } from '../iam/account.resource';
import { KubeClient } from '../kube';

/** The KubeSphere release whose console Berth serves (the console picks its API paths by it). */
export const KUBESPHERE_VERSION = { gitVersion: 'v3.4.1', gitMajor: '3', gitMinor: '4' } as const;

/**
 * What KubeSphere's console asks before and while signing in, at the address its `apiServer.url`
 * names (`<Berth>/kube`): the token endpoint in its form (the same grants and services as Berth's own
 * `/oauth/token`; `client_id`, `client_secret` and `encrypt` are ignored), and the anonymous
 * configuration and version, which say nothing about the cluster to a caller without a token.
 */
@ApiExcludeController()
@Controller('kube')
export class KubeSphereSessionController {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
    private readonly authenticator: Authenticator,
    private readonly kube: KubeClient,
    private readonly tokens: TokenService,
  ) {}

  @Post('oauth/token')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(PasswordGrantGuard)
  @UseFilters(OAuthExceptionFilter)
  token(
    @Body() body: TokenRequest,
    @Req() req: Request & { user?: AccountResource },
  ): Promise<TokenResponse> {
    return tokenGrant(body, req.user, this.logins, this.sessions);
  }

  /**
   * The console's sign-out sends only the access token: the session it was issued for ends (its
   * refresh token stops working); an API token is not ended here (it is revoked by name).
   */
  @Get('oauth/logout')
  @Access.authenticated()
  async logout(@Headers('authorization') authorization?: string): Promise<{ message: string }> {
    const claims = await this.tokens.verify(bearerToken(authorization) ?? '').catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) return null;
      throw error;
    });
    if (claims) await this.sessions.end(claims);
    return { message: 'success' };
  }

  /** No GPU kinds: the wizard offers none. */
  @Get('kapis/config.kubesphere.io/v1alpha2/configs/gpu/kinds')
  @Access.authenticated()
  gpuKinds(): never[] {
    return [];
  }

  /** No feature of the console beyond its core (multicluster, DevOps, ...) is switched on. */
  @Get('kapis/config.kubesphere.io/v1alpha2/configs/configz')
  @Public()
  configz(): Record<string, never> {
    return {};
  }

  /** No external identity providers: the console shows its own sign-in form only. */
  @Get('kapis/config.kubesphere.io/v1alpha2/configs/oauth')
  @Public()
  oauth(): { identityProviders: never[] } {
    return { identityProviders: [] };
  }

  /** KubeSphere's version for anyone; Kubernetes' only for a caller with a valid token. */
  @Get('kapis/version')
  @Public()
  async version(
    @Headers('authorization') authorization?: string,
  ): Promise<typeof KUBESPHERE_VERSION & { kubernetes?: { gitVersion: string } }> {
    const token = bearerToken(authorization);
    const signedIn =
      token !== null &&
      (await this.authenticator.authenticate(token).then(
        () => true,
        () => false,
      ));
    if (!signedIn) return { ...KUBESPHERE_VERSION };
    return { ...KUBESPHERE_VERSION, kubernetes: { gitVersion: (await this.kube.version()).gitVersion } };
  }
}
