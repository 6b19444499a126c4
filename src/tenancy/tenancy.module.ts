import { Module } from '@nestjs/common';
import { ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';
import { ProjectsController, WorkspacesController } from './tenancy.controller';
import { WorkspacesResolver } from './workspaces.resolver';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesController, ProjectsController],
  providers: [WorkspacesService, ProjectsService, WorkspacesResolver, ProjectsResolver],
  exports: [ProjectsService, WorkspacesService],
})
export class TenancyModule {}
