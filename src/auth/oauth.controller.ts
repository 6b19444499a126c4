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
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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

/** The token endpoint's answer (RFC 6749 section 5.1). */
class TokenAnswer implements TokenResponse {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expires_in!: number;
  @ApiProperty() refresh_token!: string;
}

/** The token endpoint's errors (RFC 6749 section 5.2), not Berth's own error body: OAuth clients read these. */
class OAuthErrorBody {
  @ApiProperty({ example: 'invalid_grant' }) error!: string;
  @ApiProperty() error_description!: string;
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
  @ApiOperation({ summary: 'Sign in (password grant) or refresh a session (refresh_token grant)' })
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
  @ApiOkResponse({ type: TokenAnswer })
  @ApiResponse({ status: 400, type: OAuthErrorBody, description: 'RFC 6749 error (e.g. invalid_grant)' })
  @ApiResponse({ status: 429, type: OAuthErrorBody, description: 'Too many failed sign-ins; retry later' })
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
  @ApiOperation({ summary: 'Sign out: revoke a refresh token (RFC 7009)' })
  @ApiOkResponse({ description: 'Revoked (also when it was not valid)' })
  @ApiResponse({ status: 400, type: OAuthErrorBody, description: 'RFC 7009 error (invalid_request)' })
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
