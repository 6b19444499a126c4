import {} from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { NameArg } from '../common/validation/names';
import { Access } from '../iam/access-rules';
import { ProjectScope } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import type { ProjectAccess } from '../access/scope-access';
import { ImageInfo } from './image-info.model';
import { ImagesService } from './images.service';

@Resolver(() => ImageInfo)
export class ImagesResolver {
  constructor(private readonly images: ImagesService) {}

  // WORKLOADS_VIEW, not WORKLOADS_MANAGE: reading what a public image exposes is harmless, so viewers
  // may too. A secret is read as the caller, so Kubernetes RBAC still keeps viewers from using one.
  @Query(() => ImageInfo, {
    description: "What an image exposes (ports, entrypoint, cmd, env) and its repository's tags",
  })
  @Access.project(Permission.WORKLOADS_VIEW)
  imageInfo(
    @ProjectScope() access: ProjectAccess,
    @Args('image', { description: 'e.g. nginx, nginx:1.27, registry.example.com:5000/team/app@sha256:…' })
    image: string,
    @NameArg('secret', 'secret', {
      nullable: true,
      description: 'An image-registry Secret of the project with credentials for the registry',
    })
    secret?: string,
    @Args('platform', {
      type: () => String,
      nullable: true,
      description: 'os/architecture[/variant] of a multi-platform image; linux/amd64 by default',
    })
    platform?: string,
  ): Promise<ImageInfo> {
    return this.images.inspect(access, { image, secret, platform });
  }
}
