import type { V1PodSpec, V1StatefulSet } from '../../kube';

/** What a pod template names besides itself: the ConfigMaps, Secrets and claims it needs to run. */
export interface PodReferences {
  configMaps: Set<string>;
  secrets: Set<string>;
  claims: Set<string>;
}

export function podReferences(spec: V1PodSpec | undefined): PodReferences {
  const refs: PodReferences = { configMaps: new Set(), secrets: new Set(), claims: new Set() };
  if (!spec) return refs;
  const add = (set: Set<string>, name: string | undefined) => {
    if (name) set.add(name);
  };
  for (const volume of spec.volumes ?? []) {
    add(refs.configMaps, volume.configMap?.name);
    add(refs.secrets, volume.secret?.secretName);
    add(refs.claims, volume.persistentVolumeClaim?.claimName);
    for (const source of volume.projected?.sources ?? []) {
      add(refs.configMaps, source.configMap?.name);
      add(refs.secrets, source.secret?.name);
    }
  }
  for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
    for (const env of container.env ?? []) {
      add(refs.configMaps, env.valueFrom?.configMapKeyRef?.name);
      add(refs.secrets, env.valueFrom?.secretKeyRef?.name);
    }
    for (const from of container.envFrom ?? []) {
      add(refs.configMaps, from.configMapRef?.name);
      add(refs.secrets, from.secretRef?.name);
    }
  }
  for (const pull of spec.imagePullSecrets ?? []) add(refs.secrets, pull.name);
  return refs;
}

export interface WorkloadUse {
  kind: 'StatefulSet';
  name: string;
}

/** The StatefulSets whose pod template names `name` as a ConfigMap or a Secret. */
export function workloadsUsing(
  statefulSets: V1StatefulSet[],
  what: 'configMaps' | 'secrets',
  name: string,
): WorkloadUse[] {
  return statefulSets
    .filter((s) => podReferences(s.spec?.template.spec)[what].has(name))
    .map((s) => ({ kind: 'StatefulSet' as const, name: s.metadata?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
