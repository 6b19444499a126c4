import { Query, Resolver } from '@nestjs/graphql';
import { ProjectScope } from '../access/request-context.decorators';
import type { ProjectAccess } from '../access/scope-access';
import { AfterArg, BeforeArg, FirstArg, LastArg, pageRequest } from '../common/graphql/arguments';
import type { Page } from '../common/paging';
import { Access } from '../iam/access-rules';
import { Permission } from '../iam/roles';
import { AUDIT_RECORD_PAGES, AuditRecordView } from './audit.model';
import { AuditTrail } from './audit-trail.service';

@Resolver(() => AuditRecordView)
export class AuditResolver {
  constructor(private readonly trail: AuditTrail) {}

  @Query(() => AUDIT_RECORD_PAGES.connection, {
    description: 'The project’s audit records on the replica that answers, newest first (project admins)',
  })
  @Access.project(Permission.AUDIT_VIEW)
  auditRecords(
    @ProjectScope() access: ProjectAccess,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
    @LastArg() last?: number,
    @BeforeArg() before?: string,
  ): Page<AuditRecordView> {
    return this.trail.list(access.project, pageRequest(first, after, last, before));
  }
}
