import { NAMESPACES } from '../../src/kube';
import { Body, Controller, Get, Inject, Module, Param, Post } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../src/iam/access-rules';
import { KubeClient, V1Namespace } from '../../src/kube';

/**
 * Mounted only in the error-mapping e2e test: thin endpoints on both transports that pass a name
 * straight to the API server, so that real 404, 409 and 422 answers flow through the same adapter,
 * filter and GraphQL formatter as every other endpoint.
 */
@ObjectType()
class ProbeNamespace {
  @Field() name!: string;
}

const toProbe = (ns: V1Namespace): ProbeNamespace => ({ name: ns.metadata?.name ?? '' });

@Controller('probe/namespaces')
@Public()
class KubeProbeController {
  constructor(@Inject(KubeClient) private readonly kube: KubeClient) {}

  @Get(':name')
  async get(@Param('name') name: string): Promise<ProbeNamespace> {
    return toProbe(await this.kube.get(NAMESPACES.ref(name)));
  }

  @Post()
  async create(@Body() body: { name: string }): Promise<ProbeNamespace> {
    return toProbe(
      await this.kube.create<V1Namespace>({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: body.name },
      }),
    );
  }
}

@Resolver()
@Public()
class KubeProbeResolver {
  constructor(@Inject(KubeClient) private readonly kube: KubeClient) {}

  @Query(() => ProbeNamespace)
  async probeNamespace(@Args('name') name: string): Promise<ProbeNamespace> {
    return toProbe(await this.kube.get(NAMESPACES.ref(name)));
  }

  @Mutation(() => ProbeNamespace)
  async probeCreateNamespace(@Args('name') name: string): Promise<ProbeNamespace> {
    return toProbe(
      await this.kube.create<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
    );
  }
}

@Module({ controllers: [KubeProbeController], providers: [KubeProbeResolver] })
export class KubeProbeModule {}
