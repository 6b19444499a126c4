import { Body, Header, Controller, HttpCode, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AccountResource } from '../iam/account.resource';
import { Public } from '../iam/access-rules';
import { LoginService } from './login.service';
import { OAuthError } from './oauth-error';
import { PasswordGrantGuard, tokenGrant, type TokenRequest } from './oauth-grants';
import { OAuthExceptionFilter } from './oauth-exception.filter';
import { SessionService, TokenResponse } from './session.service';

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

/** OAuth 2.0 token endpoint (RFC 6749): password and refresh_token grants; revocation (RFC 7009). */
@ApiTags('auth')
@Controller('oauth')
@UseFilters(OAuthExceptionFilter)
export class OAuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
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
    return tokenGrant(body, req.user, this.logins, this.sessions);
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
