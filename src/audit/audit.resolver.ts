import { Query, Resolver } from '@nestjs/graphql';
import { ProjectScope } from '../access/request-context.decorators';
import type { ProjectAccess } from '../access/scope-access';
import { AfterArg, FirstArg } from '../common/graphql/arguments';
import { Access } from '../iam/access-rules';
import { Permission } from '../iam/roles';
import { AuditRecordConnection, AuditRecordView } from './audit.model';
import { AuditTrail } from './audit-trail.service';

@Resolver(() => AuditRecordView)
export class AuditResolver {
  constructor(private readonly trail: AuditTrail) {}

  @Query(() => AuditRecordConnection, {
    description: 'The project’s audit records on the replica that answers, newest first (project admins)',
  })
  @Access.project(Permission.AUDIT_VIEW)
  auditRecords(
    @ProjectScope() access: ProjectAccess,
    @FirstArg() first?: number,
    @AfterArg() after?: string,
  ): AuditRecordConnection {
    return this.trail.list(access.project, first, after);
  }
}
