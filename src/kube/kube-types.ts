/**
 * The Kubernetes object types the rest of Berth may name. Services import them from here, never from
 * the client library, so the library stays an implementation detail of this adapter.
 */
export type {
  KubernetesListObject as KubeList,
  KubernetesObject as KubeObject,
  V1Namespace,
  V1Node,
  V1StorageClass,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1Service,
  V1StatefulSet,
  V1Container,
  V1EnvVar,
  V1Probe,
  V1Volume,
  V1VolumeMount,
  V1Scale,
  V1ContainerStatus,
  V1LabelSelector,
  V1PodTemplateSpec,
  V1PodSpec,
  V1ControllerRevision,
  V1ConfigMap,
  V1Secret,
  V1Status,
  V1ObjectMeta,
  V1OwnerReference,
  V1RoleBinding,
  V1ClusterRole,
  CoreV1Event,
  VersionInfo,
} from '@kubernetes/client-node';

/** Names one object. `namespace` is omitted for cluster-scoped kinds. */
export interface KubeRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** Delete only if the object still has this UID / resourceVersion (no deleting a newer object). */
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'merge' | 'strategic';
