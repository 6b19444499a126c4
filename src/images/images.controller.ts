import { Operation } from '../common/http/api-operation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsObjectName } from '../common/validation/names';
import { Access } from '../iam/access-rules';
import { CurrentProject } from '../access/request-context.decorators';
import { Permission } from '../iam/roles';
import type { ProjectAccess } from '../access/scope-access';
import { ImageInfo } from './image-info.model';
import { ImagesService } from './images.service';

/** REST query of an inspection; the reference, secret name and platform are checked by the service. */
export class InspectImageQuery {
  @ApiProperty({ example: 'nginx:1.27' }) @IsString() @MaxLength(1024) image!: string;
  @ApiPropertyOptional({ description: 'An image-registry Secret of the project' })
  @IsOptional()
  @IsObjectName('secret')
  secret?: string;
  @ApiPropertyOptional({ example: 'linux/arm64', description: 'Default linux/amd64' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  platform?: string;
}

@ApiTags('images')
@Controller('projects/:project/images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  // WORKLOADS_VIEW: see ImagesResolver.imageInfo.
  @Get('inspect')
  @Operation('Inspect an image in a registry: ports, environment, volumes', { type: ImageInfo })
  @Access.project(Permission.WORKLOADS_VIEW)
  inspect(@Query() query: InspectImageQuery, @CurrentProject() access: ProjectAccess): Promise<ImageInfo> {
    return this.images.inspect(access, query);
  }
}
