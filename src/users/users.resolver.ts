import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../common/graphql/arguments';
import { type Page, paginate } from '../common/paging';
import {} from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '../iam/principal';
import { Access } from '../iam/access-rules';
import { API_TOKEN_PAGES, ApiToken, CreateApiTokenInput, CreatedApiToken } from './api-token.models';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import { ChangePasswordInput, CreateUserInput, UpdateUserInput } from './user.inputs';
import { User, USER_PAGES } from './user.model';
import { UsersService } from './users.service';
import { NameArg } from '../common/validation/names';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => User, { description: 'The signed-in user' })
  @Access.authenticated()
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.service.get(principal.username);
  }

  @Query(() => USER_PAGES.connection)
  @Access.platform(Permission.USERS_VIEW)
  async users(
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<User>> {
    return paginate(await this.service.list(), pageRequest(first, after, last, before));
  }

  @Query(() => User)
  @Access.user(Permission.USERS_VIEW)
  user(@NameArg('username', 'user') username: string): Promise<User> {
    return this.service.get(username);
  }

  @Mutation(() => User)
  @Access.platform(Permission.USERS_MANAGE)
  createUser(@Args('input') input: CreateUserInput, @CurrentPrincipal() principal: Principal): Promise<User> {
    return this.service.create(input, principal);
  }

  @Mutation(() => User, {
    description:
      'Users change their own email and display name; platform roles and states need a platform admin',
  })
  @Access.user(Permission.USERS_MANAGE)
  updateUser(
    @NameArg('username', 'user') username: string,
    @Args('input') input: UpdateUserInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.service.update(principal, username, input);
  }

  @Mutation(() => User, { description: 'Ends every session and API token of the user' })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  changePassword(
    @NameArg('username', 'user') username: string,
    @Args('input') input: ChangePasswordInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User> {
    return this.service.changePassword(principal, username, input);
  }

  @Mutation(() => User)
  @Access.user(Permission.USERS_MANAGE, { self: false })
  deleteUser(@NameArg('username', 'user') username: string): Promise<User> {
    return this.service.delete(username);
  }

  @Query(() => API_TOKEN_PAGES.connection)
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  async apiTokens(
    @NameArg('username', 'user') username: string,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Promise<Page<ApiToken>> {
    return paginate(await this.service.listTokens(username), pageRequest(first, after, last, before));
  }

  @Mutation(() => CreatedApiToken, {
    description: 'For yourself only. The token is in the answer and nowhere else.',
  })
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  createApiToken(
    @NameArg('username', 'user') username: string,
    @Args('input') input: CreateApiTokenInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiToken> {
    return this.service.createToken(principal, username, input);
  }

  @Mutation(() => ApiToken)
  @Access.user(Permission.USERS_MANAGE, { sessionOnly: true })
  revokeApiToken(
    @NameArg('username', 'user') username: string,
    @NameArg('name', 'apiToken') name: string,
  ): Promise<ApiToken> {
    return this.service.revokeToken(username, name);
  }
}
