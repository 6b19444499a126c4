import { loadConfig, type AuditConfig } from '../config/app-config';
import { AuditTrail } from './audit-trail.service';

const facts = { requestId: 'r', user: 'u', sourceAddress: '127.0.0.1', transport: 'rest' };
const change = (project: string, name = 'x', code?: string) => ({
  operation: 'POST /x',
  kind: 'things',
  name,
  project,
  dryRun: false,
  code,
  request: { name, password: 'p' },
});

describe('the audit trail', () => {
  const trail = (audit: Partial<AuditConfig>) =>
    new AuditTrail({ ...loadConfig({}), audit: { level: 'metadata', sink: null, perProject: 3, ...audit } });

  it('records the outcome from the code, and the request only at the request level', () => {
    const metadata = trail({});
    expect(metadata.record(facts, change('p'))).toMatchObject({ outcome: 'DONE', code: null });
    expect(metadata.record(facts, change('p', 'y', 'FORBIDDEN'))).toMatchObject({ outcome: 'REFUSED' });
    expect(metadata.record(facts, change('p', 'z', 'UNAVAILABLE'))).toMatchObject({ outcome: 'FAILED' });
    expect(metadata.record(facts, change('p'))).not.toHaveProperty('request');
    expect(trail({ level: 'request' }).record(facts, change('p'))?.request).toEqual({
      name: 'x',
      password: '[redacted]',
    });
    const none = trail({ level: 'none' });
    expect(none.record(facts, change('p'))).toBeUndefined();
    expect(none.list('p', {}).totalCount).toBe(0);
  });

  it('keeps the newest records of each project, newest first', () => {
    const t = trail({ perProject: 3 });
    for (const name of ['a', 'b', 'c', 'd']) t.record(facts, change('p', name));
    t.record(facts, change('q', 'other'));
    expect(t.list('p', {}).totalCount).toBe(3);
    expect(t.list('p', {}).edges.map((e) => e.node.name)).toEqual(['d', 'c', 'b']);
    expect(t.list('q', {}).edges.map((e) => e.node.name)).toEqual(['other']);
  });

  it('pages by a cursor that newer records do not shift', () => {
    const t = trail({ perProject: 10 });
    for (const name of ['a', 'b', 'c']) t.record(facts, change('p', name));
    const first = t.list('p', { first: 2 });
    expect(first.edges.map((e) => e.node.name)).toEqual(['c', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    t.record(facts, change('p', 'd'));
    const next = t.list('p', { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.name)).toEqual(['a']);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // Backwards from the first page's start: the record written since, and nothing before it.
    const newer = t.list('p', { last: 5, before: first.pageInfo.startCursor });
    expect(newer.nodes.map((r) => r.name)).toEqual(['d']);
    expect(newer.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(() => t.list('p', { first: 2, after: 'not-a-cursor' })).toThrow('cursor');
  });
});
