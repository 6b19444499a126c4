import { memberResource } from '../../src/tenancy/workspaces.service';
import { memberBinding } from '../../src/tenancy/projects.service';
import 'reflect-metadata';
import type { InjectionToken, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import type { ProjectAccess, WorkspaceAccess } from '../../src/access/scope-access';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { IAM_API_VERSION, TENANCY_API_VERSION } from '../../src/iam/api-groups';
import type { AccountResource } from '../../src/iam/account.resource';
import { IdentityService } from '../../src/iam/identity.service';
import { LABELS, MANAGED_BY } from '../../src/iam/labels';
import type { Principal } from '../../src/iam/principal';
import {
  Permission,
  PLATFORM_ROLE_PERMISSIONS,
  PlatformRole,
  PROJECT_ROLE_PERMISSIONS,
  ProjectRole,
  READ_PERMISSIONS,
  WORKSPACE_ROLE_IN_PROJECTS,
  WORKSPACE_ROLE_PERMISSIONS,
  WorkspaceRole,
} from '../../src/iam/roles';
import { type WorkspaceMemberResource, type WorkspaceResource } from '../../src/iam/workspace.resource';
import {
  KubeClient,
  type V1ConfigMap,
  type V1Namespace,
  type V1PodSpec,
  type V1RoleBinding,
  type V1Secret,
  type V1StatefulSet,
} from '../../src/kube';
import { asKubeClient, fakeKube, type FakeKube } from './fake-kube';

/** Builders for unit tests: who calls, in which scope, and the service under test over a FakeKube. */

/** The configuration of a default deployment (no environment), with `overrides`. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), ...overrides };
}

/** A signed-in platform-regular user, `alice`, with a read-write session. */
export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    username: 'alice',
    platformRole: PlatformRole.REGULAR,
    via: 'session',
    scope: 'read-write',
    ...overrides,
  };
}

/** As AccessService limits them: a read-only API token keeps only the read permissions. */
function scoped(who: Principal, permissions: Iterable<Permission>): ReadonlySet<Permission> {
  const all = new Set([...PLATFORM_ROLE_PERMISSIONS[who.platformRole], ...permissions]);
  return who.scope === 'read-write' ? all : new Set([...all].filter((p) => READ_PERMISSIONS.has(p)));
}

/** What AccessService.workspace establishes; by default alice as workspace-admin of `w`. */
export function workspaceAccess(overrides: Partial<WorkspaceAccess> = {}): WorkspaceAccess {
  const who = overrides.principal ?? principal();
  const role = overrides.role === undefined ? WorkspaceRole.ADMIN : overrides.role;
  return {
    principal: who,
    workspace: 'w',
    role,
    permissions: scoped(who, role ? WORKSPACE_ROLE_PERMISSIONS[role] : []),
    ...overrides,
  };
}

/**
 * What AccessService.project establishes; by default alice as project-regular of `demo` (workspace
 * `w`), impersonated as `berth:alice`, baseline pod security. Permissions and identity follow the
 * roles given unless given themselves.
 */
export function projectAccess(overrides: Partial<ProjectAccess> = {}): ProjectAccess {
  const who = overrides.principal ?? principal();
  const role = overrides.role === undefined ? ProjectRole.REGULAR : overrides.role;
  const workspaceRole = overrides.workspaceRole ?? null;
  const workspace = overrides.workspace ?? 'w';
  const inherited = workspaceRole ? WORKSPACE_ROLE_IN_PROJECTS[workspaceRole] : null;
  const roles = [role, inherited].filter((r): r is ProjectRole => r !== null);
  const identities = new IdentityService(testConfig());
  return {
    principal: who,
    project: 'demo',
    workspace,
    role,
    workspaceRole,
    permissions: scoped(
      who,
      roles.flatMap((r) => PROJECT_ROLE_PERMISSIONS[r]),
    ),
    identity: identities.forProject(who.username, who.platformRole, workspace, workspaceRole),
    security: { podSecurity: 'baseline', allowedServiceTypes: [] },
    ...overrides,
  };
}

// --- the tenancy model as the cluster stores it (what TenancyStore and AccountStore read) ---------

export function account(username: string, overrides: Partial<AccountResource['spec']> = {}): AccountResource {
  return {
    apiVersion: IAM_API_VERSION,
    kind: 'Account',
    metadata: { name: username, labels: { [LABELS.managedBy]: MANAGED_BY } },
    spec: {
      email: `${username}@example.com`,
      platformRole: PlatformRole.REGULAR,
      state: 'Active',
      passwordHash: 'not-a-hash',
      tokenGeneration: 0,
      ...overrides,
    },
  };
}

/** A workspace as WorkspacesService writes it (managed by Berth), with no manager named. */
export function workspace(name: string): WorkspaceResource {
  return {
    apiVersion: TENANCY_API_VERSION,
    kind: 'Workspace',
    metadata: { name, labels: { [LABELS.managedBy]: MANAGED_BY } },
    spec: {},
  };
}

export function workspaceMember(
  workspace: string,
  user: string,
  role: WorkspaceRole,
): WorkspaceMemberResource {
  return memberResource(workspace, user, role);
}

/** A project: a Namespace labelled with its workspace. */
export function projectNamespace(project: string, workspace = 'w'): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: project, labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.workspace]: workspace } },
    status: { phase: 'Active' },
  };
}

/** A ConfigMap in `demo` holding `data`. */
export function configMap(name: string, data: Record<string, string> = { k: 'v' }): V1ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'demo' }, data };
}

/** An Opaque Secret in `demo` holding `values` (base64-encoded as the API server stores them). */
export function secret(name: string, values: Record<string, string> = { password: 's3cret' }): V1Secret {
  const data = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  );
  return { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name, namespace: 'demo' }, data };
}

/** A StatefulSet in `demo` whose pods run `pod` (what the in-use checks of ConfigMaps, Secrets, volumes read). */
export function statefulSet(name: string, pod: V1PodSpec, namespace = 'demo'): V1StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace },
    spec: { serviceName: name, selector: { matchLabels: { app: name } }, template: { spec: pod } },
  };
}

/** A project member: one RoleBinding to the role's ClusterRole, as ProjectsService writes it. */
export function projectMemberBinding(project: string, user: string, role: ProjectRole): V1RoleBinding {
  return memberBinding(project, user, role, `berth:${user}`);
}

// --- the service under test --------------------------------------------------------------------

export interface TestServiceOptions {
  /** The cluster every collaborator talks to; a new empty FakeKube by default. */
  kube?: FakeKube;
  config?: Partial<AppConfig>;
  /** Collaborators used as given, by injection token. */
  provide?: readonly (readonly [InjectionToken, unknown])[];
  /** Collaborators replaced by stubs: each of their methods a jest.fn() that returns undefined. */
  stub?: readonly Type[];
}

export interface TestService<T> {
  sut: T;
  kube: FakeKube;
  config: AppConfig;
  /** The collaborator (real, given or stubbed) the service was built with. */
  get<U>(token: Type<U>): U;
}

/**
 * Builds `service` as Nest would, from its constructor's injection tokens, in the spirit of
 * immich's newTestService: KubeClient is the FakeKube, APP_CONFIG the test configuration, and every
 * other collaborator is built the same way, for real, over the same fake cluster (so what a store
 * writes is what the service reads), unless given in `provide` or named in `stub`.
 */
export function newTestService<T>(service: Type<T>, options: TestServiceOptions = {}): TestService<T> {
  const kube = options.kube ?? fakeKube();
  const config = testConfig(options.config);
  const stubs = new Set<InjectionToken>(options.stub ?? []);
  const built = new Map<InjectionToken, unknown>([
    [KubeClient, asKubeClient(kube)],
    [APP_CONFIG, config],
    ...(options.provide ?? []),
  ]);
  const resolve = (token: InjectionToken, path: string[]): unknown => {
    if (built.has(token)) return built.get(token);
    if (typeof token !== 'function')
      throw new Error(
        `newTestService: nothing provides ${String(token)} (${path.join(' <- ')}); pass it in provide`,
      );
    const type = token as Type<unknown>;
    const instance = stubs.has(type)
      ? automock(type)
      : new type(...dependencies(type).map((dep) => resolve(dep, [type.name, ...path])));
    built.set(token, instance);
    return instance;
  };
  const sut = resolve(service, []) as T;
  return { sut, kube, config, get: <U>(token: Type<U>) => resolve(token, []) as U };
}

/** A constructor's injection tokens: its parameter types, overridden by its @Inject() tokens. */
function dependencies(type: Type): InjectionToken[] {
  const designed = (Reflect.getMetadata(PARAMTYPES_METADATA, type) ?? []) as InjectionToken[];
  const declared = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, type) ?? []) as {
    index: number;
    param: InjectionToken;
  }[];
  const tokens = [...designed];
  for (const { index, param } of declared) tokens[index] = param;
  return tokens;
}

function automock<U>(type: Type<U>): U {
  const stub: Record<string, jest.Mock> = {};
  for (let proto = type.prototype as object | null; proto && proto !== Object.prototype;) {
    for (const key of Object.getOwnPropertyNames(proto)) if (key !== 'constructor') stub[key] ??= jest.fn();
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return stub as U;
}
