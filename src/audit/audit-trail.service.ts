import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { ChangeNote } from '../common/audit/changes';
import { redacted } from '../common/audit/changes';
import {
  type Cursors,
  decodeCursor,
  encodeCursor,
  mapPage,
  type Page,
  type PageRequest,
  paginate,
} from '../common/paging';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AuditRecordView } from './audit.model';

/** One change, as written to the sink and kept for the project's admins. */
export interface AuditRecord {
  /** Increasing on this replica: the order of the records, and the list's cursor. */
  seq: number;
  time: string;
  requestId: string;
  user: string | null;
  sourceAddress: string | null;
  transport: string;
  operation: string;
  project: string | null;
  kind: string | null;
  name: string | null;
  dryRun: boolean;
  outcome: 'DONE' | 'REFUSED' | 'FAILED';
  code: string | null;
  request?: unknown;
}

/** What the edge knows of the request a change belongs to. */
export interface RequestFacts {
  requestId: string;
  user?: string;
  sourceAddress?: string;
  transport: string;
}

/** Every project's records together stay under this many, the oldest going first. */
const MAX_RECORDS = 50_000;
const FAILED = new Set(['INTERNAL', 'UNAVAILABLE', 'CLIENT_CLOSED']);

/**
 * The audit trail: each change goes to the configured sink as one JSON line, and the newest records
 * of each project stay in memory for its admins to read through the APIs. The sink is the trail of
 * record (kept as long as its owner keeps it, from every replica); the store is a bounded window of
 * this replica's (ADR 11).
 */
@Injectable()
export class AuditTrail implements OnApplicationShutdown {
  private readonly byProject = new Map<string, AuditRecord[]>();
  /** Each record kept, oldest first, to evict across projects (some already dropped by their project). */
  private order: { project: string; seq: number }[] = [];
  private head = 0;
  private held = 0;
  private seq = 0;
  private readonly file: WriteStream | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { sink, level } = config.audit;
    this.file =
      level !== 'none' && sink !== null && sink !== 'stdout'
        ? createWriteStream(sink.file, { flags: 'a', mode: 0o600 })
        : null;
    // A sink that cannot be written is reported once, not thrown at a request.
    this.file?.on('error', (error) => process.stderr.write(`audit sink: ${error.message}\n`));
  }

  get enabled(): boolean {
    return this.config.audit.level !== 'none';
  }

  record(facts: RequestFacts, change: ChangeNote): AuditRecord | undefined {
    if (!this.enabled) return undefined;
    const outcome = change.code === undefined ? 'DONE' : FAILED.has(change.code) ? 'FAILED' : 'REFUSED';
    const record: AuditRecord = {
      seq: ++this.seq,
      time: new Date().toISOString(),
      requestId: facts.requestId,
      user: facts.user ?? null,
      sourceAddress: facts.sourceAddress ?? null,
      transport: facts.transport,
      operation: change.operation,
      project: change.project ?? null,
      kind: change.kind ?? null,
      name: change.name ?? null,
      dryRun: change.dryRun,
      outcome,
      code: change.code ?? null,
      ...(this.config.audit.level === 'request' && change.request !== undefined
        ? { request: redacted(change.request) }
        : {}),
    };
    this.write(record);
    if (record.project) this.keep(record.project, record);
    return record;
  }

  /** The project's records on this replica, newest first; cursors name a record, not a place. */
  list(project: string, request: PageRequest): Page<AuditRecordView> {
    const newestFirst = [...(this.byProject.get(project) ?? [])].reverse();
    return mapPage(paginate(newestFirst, request, BY_SEQUENCE), (records) => records.map(viewOf));
  }

  onApplicationShutdown(): void {
    this.file?.end();
  }

  private write(record: AuditRecord): void {
    const { sink } = this.config.audit;
    if (sink === null) return;
    const line = `${JSON.stringify({ audit: 'berth.io/v1', ...record })}\n`;
    if (this.file) this.file.write(line);
    else process.stdout.write(line);
  }

  private keep(project: string, record: AuditRecord): void {
    const limit = this.config.audit.perProject;
    if (limit === 0) return;
    const records = this.byProject.get(project) ?? [];
    records.push(record);
    this.byProject.set(project, records);
    this.held++;
    this.order.push({ project, seq: record.seq });
    if (records.length > limit) {
      records.shift();
      this.held--;
    }
    while (this.held > MAX_RECORDS) this.dropOldest();
    // Entries of records already dropped pile up behind busy projects: compacted once they are many.
    if (this.order.length - this.head > 2 * MAX_RECORDS) this.compact();
  }

  private dropOldest(): void {
    const { project, seq } = this.order[this.head++];
    const records = this.byProject.get(project);
    if (records?.[0]?.seq !== seq) return;
    records.shift();
    this.held--;
    if (records.length === 0) this.byProject.delete(project);
  }

  private compact(): void {
    const live = this.order
      .slice(this.head)
      .filter(({ project, seq }) => (this.byProject.get(project)?.[0]?.seq ?? Infinity) <= seq);
    this.order = live;
    this.head = 0;
  }
}

function viewOf(record: AuditRecord): AuditRecordView {
  const { request, time, outcome, ...rest } = record;
  return {
    ...rest,
    time: new Date(time),
    outcome,
    request: request === undefined ? null : JSON.stringify(request),
  };
}

/**
 * Cursors by record sequence: a page stays put while newer records arrive (an offset would shift),
 * and a cursor of a record dropped since still finds its place.
 */
const BY_SEQUENCE: Cursors<AuditRecord> = {
  of: (record) => encodeCursor({ s: record.seq }),
  through: (cursor, records, argument) => countWhile(records, (r) => r.seq >= seqOf(cursor, argument)),
  before: (cursor, records, argument) => countWhile(records, (r) => r.seq > seqOf(cursor, argument)),
};

const seqOf = (cursor: string, argument: string) => decodeCursor(cursor, 's', 1, argument);

/** Leading items that pass (records are newest first: sequences fall). */
function countWhile<T>(items: readonly T[], keep: (item: T) => boolean): number {
  const index = items.findIndex((item) => !keep(item));
  return index === -1 ? items.length : index;
}
