import { PODS, STATEFUL_SETS } from '../../src/kube';
import type { KubeClient, V1Pod, V1StatefulSet } from '../../src/kube';
import { FIXTURE_PASSWORD, TenancyFixture } from './tenancy-fixture';
import { eventually, TestApp } from './test-app';

/** A project with a project-regular member (the seed's `project-regular`), for workload tests. */
export interface WorkloadProject {
  f: TenancyFixture;
  workspace: string;
  project: string;
  regular: { username: string; token: string };
}

/**
 * `podSecurity`: the level a platform admin set for the project (new projects enforce baseline); the
 * seed's full form (the host's timezone, hostPath volumes, privileged containers) needs privileged.
 */
export async function workloadProject(
  t: TestApp,
  adminToken: string,
  options: { podSecurity?: 'privileged' | 'baseline' | 'restricted' } = {},
): Promise<WorkloadProject> {
  const f = new TenancyFixture(t, adminToken);
  const workspace = await f.workspace();
  const project = await f.project(workspace);
  if (options.podSecurity) await f.projectSecurity(project, { podSecurity: options.podSecurity });
  return { f, workspace, project, regular: await newMember(t, f, workspace, project, 'project-regular') };
}

/** Another member of the project (a workspace-regular there) with `role`, signed in. */
export function projectMember(
  t: TestApp,
  w: WorkloadProject,
  role: 'project-admin' | 'project-regular' | 'project-viewer',
): Promise<{ username: string; token: string }> {
  return newMember(t, w.f, w.workspace, w.project, role);
}

async function newMember(
  t: TestApp,
  f: TenancyFixture,
  workspace: string,
  project: string,
  role: 'project-admin' | 'project-regular' | 'project-viewer',
): Promise<{ username: string; token: string }> {
  const { username } = await f.user();
  await f.workspaceMember(workspace, username, 'workspace-regular');
  await f.projectMember(project, username, role);
  return { username, token: await t.token(username, FIXTURE_PASSWORD) };
}

/** Waits until the StatefulSet's controller has caught up and `ready` pods are Running and Ready. */
export async function waitForReady(
  kube: KubeClient,
  namespace: string,
  name: string,
  ready: number,
  timeoutMs = 60_000,
): Promise<V1StatefulSet> {
  return eventually(
    async () => {
      const sts = await statefulSetIn(kube, namespace, name);
      const s = sts.status;
      const settled =
        (s?.observedGeneration ?? 0) >= (sts.metadata?.generation ?? 1) &&
        (s?.readyReplicas ?? 0) === ready &&
        (s?.replicas ?? 0) === ready &&
        s?.currentRevision === s?.updateRevision;
      if (settled) return sts;
      // Said when the wait runs out: where the controller and the pods got stuck.
      const pods = (await podsOf(kube, namespace, name)).map(
        (p) => `${p.metadata?.name}=${p.status?.phase}@${p.spec?.nodeName ?? 'unscheduled'}`,
      );
      throw new Error(
        `generation ${sts.metadata?.generation}, status ${JSON.stringify(s ?? {})}, pods [${pods.join(' ')}]`,
      );
    },
    timeoutMs,
    `${name} to have ${ready} ready pods`,
  );
}

/** The StatefulSet as the cluster holds it. */
export function statefulSetIn(kube: KubeClient, namespace: string, name: string): Promise<V1StatefulSet> {
  return kube.get(STATEFUL_SETS.ref(namespace, name));
}

export async function podsOf(kube: KubeClient, namespace: string, name: string): Promise<V1Pod[]> {
  return (await kube.list(PODS, { namespace, labelSelector: `app=${name}` })).items.sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
}

/** A StatefulSet manifest as the console (or kubectl) sends it: one nginx container, labelled `app: <name>`. */
export function nginxStatefulSet(name: string, replicas: number, namespace?: string): V1StatefulSet {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, labels, ...(namespace ? { namespace } : {}) },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}
