import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentProject } from '../access/request-context.decorators';
import type { ProjectAccess } from '../access/scope-access';
import { Operation } from '../common/http/api-operation';
import { Access } from '../iam/access-rules';
import { Permission } from '../iam/roles';
import { AUDIT_RECORD_PAGES, AuditRecordView, ListAuditRecordsQuery } from './audit.model';
import { type ListPage, listPage, restPage } from '../common/paging';
import { AuditTrail } from './audit-trail.service';

@ApiTags('audit')
@Controller('projects/:project/audit-records')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Operation('The project’s audit records on the replica that answers, newest first (project admins)', {
    type: AUDIT_RECORD_PAGES.list,
  })
  @Access.project(Permission.AUDIT_VIEW)
  list(
    @Query() query: ListAuditRecordsQuery,
    @CurrentProject() access: ProjectAccess,
  ): ListPage<AuditRecordView> {
    return listPage(this.trail.list(access.project, restPage(query)));
  }
}
