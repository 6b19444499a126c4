import { type ListPage, restList } from '../common/paging';
import { PageQuery } from '../common/validation/list-params';
import { Operation } from '../common/http/api-operation';
import { Body, Controller, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../iam/principal';
import { Access } from '../iam/access-rules';
import { API_TOKEN_PAGES, ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.models';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import { ChangePasswordInput, CreateUserInput, UpdateUserInput } from './user.inputs';
import { User, USER_PAGES } from './user.model';
import { UsersService } from './users.service';
import { NameParam } from '../common/validation/names';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Operation('The signed-in user', { type: User })
  @Access.authenticated()
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.users.get(principal.username);
  }

  @Get('users')
  @Operation('List users', { type: USER_PAGES.list })
  @Access.platform(Permission.USERS_VIEW)
  async list(@Query() query: PageQuery): Promise<ListPage<User>> {
    return restList(await this.users.list(), query);
  }

  @Post('users')
  @Operation('Create a user', { type: User, status: 201 })
  @Access.platform(Permission.USERS_MANAGE)
  create(@Body() input: CreateUserInput, @CurrentPrincipal() principal: Principal): Promise<User> {
    return this.users.create(input, principal);
  }

  @Get('users/:username')
  @Operation('Read a user', { type: User })
  @Access.user(Permission.USERS_VIEW)
  get(@NameParam('username', 'user') username: string): Promise<User> {
    return this.users.get(username);
  }

  @Patch('users/:username')
  @Operation('Change a user (display name, e-mail, platform role, disabled)', { type: User })
  @Access.user(Permission.USERS_MANAGE)
  update(
    @NameParam('username', 'user') username: string,
    @Body() input: UpdateUserInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.users.update(principal, username, input);
  }

  @Delete('users/:username')
  @Operation('Delete a user and their memberships', { type: User, description: 'What was deleted' })
  @Access.user(Permission.USERS_MANAGE, { self: false })
  delete(@NameParam('username', 'user') username: string): Promise<User> {
    return this.users.delete(username);
  }

  @Put('users/:username/password')
  @Operation("Change a user's password (ends their other sessions)", { type: User })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  changePassword(
    @NameParam('username', 'user') username: string,
    @Body() input: ChangePasswordInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.users.changePassword(principal, username, input);
  }

  @Get('users/:username/tokens')
  @Operation("List a user's API tokens (never their secrets)", { type: API_TOKEN_PAGES.list })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  async tokens(
    @NameParam('username', 'user') username: string,
    @Query() query: PageQuery,
  ): Promise<ListPage<ApiToken>> {
    return restList(await this.users.listTokens(username), query);
  }

  @Post('users/:username/tokens')
  @Operation('Create an API token (its secret is shown only in this answer)', {
    type: CreatedApiToken,
    status: 201,
  })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  createToken(
    @NameParam('username', 'user') username: string,
    @Body() input: CreateApiTokenInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiToken> {
    return this.users.createToken(principal, username, input);
  }

  @Delete('users/:username/tokens/:name')
  @Operation('Revoke an API token', { type: ApiToken, description: 'What was revoked' })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  revokeToken(
    @NameParam('username', 'user') username: string,
    @NameParam('name', 'apiToken') name: string,
  ): Promise<ApiToken> {
    return this.users.revokeToken(username, name);
  }
}
