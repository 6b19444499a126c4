import {
  Body,
  CanActivate,
  Header,
  Controller,
  ExecutionContext,
  HttpCode,
  Inject,
  Injectable,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PassportService } from './passport.service';
import type { AccountResource } from '../iam/account.resource';
import { Public } from '../iam/access-rules';
import { LoginService } from './login.service';
import { OAuthError } from './oauth-error';
import { OAuthExceptionFilter } from './oauth-exception.filter';
import { SessionService, TokenResponse } from './session.service';

interface TokenRequest {
  grant_type?: unknown;
  username?: unknown;
  password?: unknown;
  refresh_token?: unknown;
  token?: unknown;
}

/** Runs Passport's local strategy for the password grant only. */
@Injectable()
class PasswordGrantGuard implements CanActivate {
  constructor(@Inject(PassportService) private readonly passport: PassportService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: AccountResource }>();
    const body = req.body as TokenRequest | undefined;
    if (body?.grant_type !== 'password') return true;
    if (
      typeof body.username !== 'string' ||
      typeof body.password !== 'string' ||
      !body.username ||
      !body.password
    ) {
      throw new OAuthError('invalid_request', 'username and password are required');
    }
    const account = await this.passport.authenticate<AccountResource>(
      'local',
      req,
      context.switchToHttp().getResponse<Response>(),
    );
    if (!account) throw new OAuthError('invalid_grant', 'Invalid username or password');
    req.user = account;
    return true;
  }
}

/** OAuth 2.0 token endpoint (RFC 6749): password and refresh_token grants; revocation (RFC 7009). */
@ApiTags('auth')
@Controller('oauth')
@UseFilters(OAuthExceptionFilter)
export class OAuthController {
  constructor(
    @Inject(LoginService) private readonly logins: LoginService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(PasswordGrantGuard)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', enum: ['password', 'refresh_token'] },
        username: { type: 'string' },
        password: { type: 'string', format: 'password' },
        refresh_token: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ description: '{access_token, token_type: "Bearer", expires_in, refresh_token}' })
  async token(
    @Body() body: TokenRequest,
    @Req() req: Request & { user?: AccountResource },
  ): Promise<TokenResponse> {
    switch (body?.grant_type) {
      case 'password':
        if (!req.user) throw new OAuthError('invalid_grant', 'Invalid username or password');
        return this.logins.signIn(req.user);
      case 'refresh_token':
        if (typeof body.refresh_token !== 'string' || !body.refresh_token)
          throw new OAuthError('invalid_request', 'refresh_token is required');
        return this.sessions.refresh(body.refresh_token);
      case undefined:
      case null:
      case '':
        throw new OAuthError('invalid_request', 'grant_type is required');
      default:
        throw new OAuthError('unsupported_grant_type', 'grant_type must be "password" or "refresh_token"');
    }
  }

  @Post('revoke')
  @Public()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } } })
  async revoke(@Body() body: TokenRequest): Promise<Record<string, never>> {
    if (typeof body?.token !== 'string' || !body.token)
      throw new OAuthError('invalid_request', 'token is required');
    await this.sessions.revoke(body.token);
    return {};
  }
}
