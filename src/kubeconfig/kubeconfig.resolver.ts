import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Access } from '../iam/access-rules';
import type { Principal } from '../iam/principal';
import { CreatedKubeconfig, CreateKubeconfigInput } from './kubeconfig.models';
import { KubeconfigService, RequestOrigin, type Origin } from './kubeconfig.service';

@Resolver()
export class KubeconfigResolver {
  constructor(private readonly kubeconfigs: KubeconfigService) {}

  @Mutation(() => CreatedKubeconfig, {
    description: 'Your kubeconfig for your projects. Its token is in the answer and nowhere else.',
  })
  @Access.authenticated({ sessionOnly: true })
  createKubeconfig(
    @Args('input') input: CreateKubeconfigInput,
    @CurrentPrincipal() principal: Principal,
    @RequestOrigin() origin: Origin,
  ): Promise<CreatedKubeconfig> {
    return this.kubeconfigs.create(principal, input, origin);
  }
}
