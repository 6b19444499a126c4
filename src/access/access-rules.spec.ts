import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildAppWithoutCluster } from '../artifacts/artifacts';
import { API_PREFIX, UNPREFIXED } from '../http-app';
import { ACCESS_RULE, AccessRule } from '../iam/access-rules';
import {
  CLUSTER_READABLE,
  KUBE_RESOURCE_PERMISSIONS,
  READ_VERBS,
  WRITE_VERBS,
} from '../iam/kube-permissions';

// @nestjs/graphql's metadata keys for resolver methods (from its graphql.constants).
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** Excluded from the global prefix: exactly, or below a `{*path}` wildcard. */
function unprefixed(route: string): boolean {
  return UNPREFIXED.some((u) =>
    u.path.endsWith('/{*path}') ? route.startsWith(u.path.slice(0, -'{*path}'.length)) : u.path === route,
  );
}

function describeRule(rule: AccessRule | undefined): string {
  if (!rule) return 'NO RULE';
  switch (rule.kind) {
    case 'public':
      return 'public';
    case 'authenticated':
      return `signed-in${rule.sessionOnly ? ', password session only' : ''}`;
    case 'platform':
      return `platform ${rule.permission}`;
    case 'workspace':
    case 'project':
      return `${rule.kind}(${rule.param}) ${rule.permission}`;
    case 'user':
      return `user(${rule.param}) ${rule.self ? 'self or ' : ''}${rule.permission}${rule.sessionOnly ? ', password session only' : ''}`;
  }
}

/**
 * Every GraphQL operation and REST route with the access rule it declares. A change of who may call
 * what changes this snapshot, so it shows in review; an endpoint without a rule fails the test.
 */
describe('declared access of every endpoint', () => {
  let app: INestApplication;
  let lines: string[];

  beforeAll(async () => {
    app = await buildAppWithoutCluster([DiscoveryModule]);
    const discovery = app.get(DiscoveryService);
    const scanner = app.get(MetadataScanner);
    const reflector = app.get(Reflector);
    lines = [];
    const ruleOf = (handler: object, cls: object) =>
      reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler as never, cls as never]);

    for (const wrapper of discovery.getControllers()) {
      const cls = wrapper.metatype as object;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, object>;
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const declared = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (declared === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const path of Array.isArray(declared) ? declared : [declared]) {
          const route = [base, path]
            .join('/')
            .replace(/\/+/g, '/')
            .replace(/^\/|\/$/g, '');
          const url = unprefixed(route) ? `/${route}` : `/${API_PREFIX}/${route}`;
          lines.push(`REST ${method} ${url} -> ${describeRule(ruleOf(handler, cls))}`);
        }
      }
    }
    for (const wrapper of discovery.getProviders()) {
      if (!wrapper.instance || !wrapper.metatype) continue;
      const cls = wrapper.metatype as object;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, object>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const field = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? name;
        lines.push(`GraphQL ${type} ${field} -> ${describeRule(ruleOf(handler, cls))}`);
      }
    }
    // Behind the Kubernetes API path's `signed-in`: what each verb needs in a project.
    for (const entry of KUBE_RESOURCE_PERMISSIONS) {
      const what = entry.group ? `${entry.resource}.${entry.group}` : entry.resource;
      const reads = (entry.readVerbs ?? READ_VERBS).join(',');
      lines.push(`Kubernetes ${what} ${reads} -> project ${entry.view}`);
      if (entry.manage) lines.push(`Kubernetes ${what} ${WRITE_VERBS.join(',')} -> project ${entry.manage}`);
    }
    for (const entry of CLUSTER_READABLE) {
      const what = entry.group ? `${entry.resource}.${entry.group}` : entry.resource;
      lines.push(`Kubernetes ${what} ${READ_VERBS.join(',')} -> signed-in (cluster-scoped)`);
    }
    lines.sort();
  });

  afterAll(() => app.close());

  it('every operation declares a rule', () => {
    expect(lines.filter((l) => l.endsWith('NO RULE'))).toEqual([]);
  });

  it('covers every Query, Mutation and Subscription of the schema', () => {
    const schema = app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query ${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation ${f}`),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((f) => `Subscription ${f}`),
    ];
    const covered = new Set(
      lines.filter((l) => l.startsWith('GraphQL ')).map((l) => l.split(' -> ')[0].replace('GraphQL ', '')),
    );
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('matches the reviewed snapshot', () => {
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
