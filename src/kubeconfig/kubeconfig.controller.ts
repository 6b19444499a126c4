import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../access/request-context.decorators';
import { Operation } from '../common/http/api-operation';
import { Access } from '../iam/access-rules';
import type { Principal } from '../iam/principal';
import { CreatedKubeconfig, CreateKubeconfigInput } from './kubeconfig.models';
import { KubeconfigService, RequestOrigin, type Origin } from './kubeconfig.service';

@ApiTags('users')
@Controller('kubeconfig')
export class KubeconfigController {
  constructor(private readonly kubeconfigs: KubeconfigService) {}

  @Post()
  @Operation(
    {
      summary:
        'Create a kubeconfig for your projects, with a new API token in it (shown only in this answer)',
      description: 'For kubectl and client libraries, through Berth’s Kubernetes API path (`/kube`).',
    },
    { type: CreatedKubeconfig, status: 201 },
  )
  @Access.authenticated({ sessionOnly: true })
  create(
    @Body() input: CreateKubeconfigInput,
    @CurrentPrincipal() principal: Principal,
    @RequestOrigin() origin: Origin,
  ): Promise<CreatedKubeconfig> {
    return this.kubeconfigs.create(principal, input, origin);
  }
}
