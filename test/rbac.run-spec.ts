import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { builtBinary } from './support/built-binaries';
import { allows, key, NEEDS_FILE, type Need, type PolicyRule } from './support/rbac-coverage';

interface RbacObject {
  kind: string;
  rules: PolicyRule[];
}

const RELEASE_NAMESPACE = 'berth';

/**
 * Run after the e2e suite (`npm run test:e2e`): what Berth asked of RBAC over the whole run, every
 * test app's calls for requests and on users' behalf, and the least-privilege run's start-up and
 * cache as the chart's ServiceAccount, checked against the chart: every permission needed is one
 * the chart grants, and every verb of every rule in the chart was needed by some call.
 */
describe("the chart's RBAC, against what the whole e2e run asked", () => {
  const needs = new Map<string, Need>();
  let clusterRole: RbacObject;
  let role: RbacObject;

  beforeAll(() => {
    if (!existsSync(NEEDS_FILE)) throw new Error(`${NEEDS_FILE} is missing: run the e2e suite first`);
    for (const line of readFileSync(NEEDS_FILE, 'utf8').split('\n').filter(Boolean)) {
      const need = JSON.parse(line) as Need;
      needs.set(key(need), need);
    }
    const rendered = execFileSync(
      builtBinary('helm'),
      [
        'template',
        'berth',
        join(__dirname, '..', 'deploy', 'helm', 'berth'),
        '--namespace',
        RELEASE_NAMESPACE,
      ],
      { encoding: 'utf8' },
    );
    const objects = parseAllDocuments(rendered).map((d) => d.toJS() as RbacObject);
    clusterRole = objects.find((o) => o.kind === 'ClusterRole')!;
    role = objects.find((o) => o.kind === 'Role')!;
  });

  const ownNamespace = (need: Need) => need.own === true;

  it('grants everything Berth asked for', () => {
    expect(needs.size).toBeGreaterThan(50);
    const denied = [...needs.values()].filter(
      (need) =>
        !clusterRole.rules.some((r) => allows(r, need)) &&
        !(ownNamespace(need) && role.rules.some((r) => allows(r, need))),
    );
    expect(denied.map(key)).toEqual([]);
  });

  it('grants nothing Berth did not ask for (each verb of each rule was needed)', () => {
    // A kind Berth watches is read from the API server (get) while its watch is down (ADR 9): the
    // fallback every cached kind has, whether or not this run saw a watch fail.
    const fallback = [...needs.values()]
      .filter((n) => n.verb === 'watch')
      .map((n): Need => ({ verb: 'get', group: n.group, resource: n.resource, name: 'any' }));
    const needed = [...needs.values(), ...fallback];
    const unused: string[] = [];
    for (const [kind, rules, scoped] of [
      ['ClusterRole', clusterRole.rules, false],
      ['Role', role.rules, true],
    ] as const)
      for (const rule of rules)
        for (const resource of rule.resources)
          for (const verb of rule.verbs) {
            const narrow = { ...rule, resources: [resource], verbs: [verb] };
            if (!needed.some((n) => (!scoped || ownNamespace(n)) && allows(narrow, n)))
              unused.push(`${kind}: ${verb} ${rule.apiGroups.join(',') || 'core'}/${resource}`);
          }
    expect(unused).toEqual([]);
  });
});
