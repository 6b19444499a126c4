import { Module } from '@nestjs/common';
import { MembershipCleanup } from './membership-cleanup.service';
import { ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';
import { ProjectsController, WorkspacesController } from './tenancy.controller';
import { WorkspacesResolver } from './workspaces.resolver';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesController, ProjectsController],
  providers: [WorkspacesService, ProjectsService, MembershipCleanup, WorkspacesResolver, ProjectsResolver],
  exports: [MembershipCleanup, ProjectsService],
})
export class TenancyModule {}
