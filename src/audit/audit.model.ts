import { PageQuery } from '../common/validation/list-params';
import { ObjectType } from '@nestjs/graphql';
import { closedSet } from '../common/api/closed-set';
import {
  BooleanField,
  DateField,
  EnumField,
  IntField,
  NullableStringField,
  StringField,
} from '../common/api/output-field.decorators';
import { pagesOf } from '../common/api/paginated';

export const AUDIT_OUTCOMES = closedSet(
  'AuditOutcome',
  ['DONE', 'REFUSED', 'FAILED'],
  'DONE; REFUSED (by Berth or Kubernetes: see code); FAILED (by the server or a dependency)',
);
export type AuditOutcome = (typeof AUDIT_OUTCOMES.values)[number];

@ObjectType('AuditRecord', {
  description: 'One change asked of Berth, done or not, as the audit trail holds it',
})
export class AuditRecordView {
  @IntField({ description: 'Increasing on the replica that served the change' }) seq!: number;
  @DateField() time!: Date;
  @StringField({
    description: 'The X-Request-Id of the request (also in the access log and the API server audit)',
  })
  requestId!: string;
  @NullableStringField({ description: 'Null when the caller was not signed in' }) user!: string | null;
  @NullableStringField() sourceAddress!: string | null;
  @StringField({ enum: ['rest', 'graphql', 'kube', 'kubesphere'] }) transport!: string;
  @StringField({ description: 'The route, GraphQL field or Kubernetes verb and resource' })
  operation!: string;
  @NullableStringField() project!: string | null;
  @NullableStringField({
    description: 'The kind of object changed (a route collection, GraphQL type or resource)',
  })
  kind!: string | null;
  @NullableStringField() name!: string | null;
  @BooleanField() dryRun!: boolean;
  @EnumField(AUDIT_OUTCOMES) outcome!: AuditOutcome;
  @NullableStringField({ description: 'The error code of a change not done' }) code!: string | null;
  @NullableStringField({
    description: 'At the request level: the input as JSON, with Secret data, passwords and tokens taken out',
  })
  request!: string | null;
}

/** Of the records this replica holds for the project (the newest, up to BERTH_AUDIT_RECORDS_PER_PROJECT). */
export const AUDIT_RECORD_PAGES = pagesOf(AuditRecordView, 'AuditRecord', 'records');

/** REST list parameters. */
export class ListAuditRecordsQuery extends PageQuery {}
