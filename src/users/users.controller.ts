import { Body, Controller, Delete, Get, Inject, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../iam/principal';
import { Access } from '../iam/access-rules';
import { ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.models';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import { ChangePasswordInput, CreateUserInput, UpdateUserInput } from './user.inputs';
import { User } from './user.model';
import { UsersService } from './users.service';
import { NameParam } from '../common/validation/names';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get('me')
  @Access.authenticated()
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.users.get(principal.username);
  }

  @Get('users')
  @Access.platform(Permission.USERS_VIEW)
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post('users')
  @Access.platform(Permission.USERS_MANAGE)
  create(@Body() input: CreateUserInput, @CurrentPrincipal() principal: Principal): Promise<User> {
    return this.users.create(input, principal);
  }

  @Get('users/:username')
  @Access.user(Permission.USERS_VIEW)
  get(@NameParam('username', 'user') username: string): Promise<User> {
    return this.users.get(username);
  }

  @Patch('users/:username')
  @Access.user(Permission.USERS_MANAGE)
  update(
    @NameParam('username', 'user') username: string,
    @Body() input: UpdateUserInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.users.update(principal, username, input);
  }

  @Delete('users/:username')
  @Access.user(Permission.USERS_MANAGE, { self: false })
  delete(@NameParam('username', 'user') username: string): Promise<User> {
    return this.users.delete(username);
  }

  @Put('users/:username/password')
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  changePassword(
    @NameParam('username', 'user') username: string,
    @Body() input: ChangePasswordInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.users.changePassword(principal, username, input);
  }

  @Get('users/:username/tokens')
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  tokens(@NameParam('username', 'user') username: string): Promise<ApiToken[]> {
    return this.users.listTokens(username);
  }

  @Post('users/:username/tokens')
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  createToken(
    @NameParam('username', 'user') username: string,
    @Body() input: CreateApiTokenInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiToken> {
    return this.users.createToken(principal, username, input);
  }

  @Delete('users/:username/tokens/:name')
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  revokeToken(
    @NameParam('username', 'user') username: string,
    @NameParam('name', 'apiToken') name: string,
  ): Promise<ApiToken> {
    return this.users.revokeToken(username, name);
  }
}
