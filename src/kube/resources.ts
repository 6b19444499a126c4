import type {
  CoreV1Event,
  KubeObject,
  V1ClusterRole,
  V1ConfigMap,
  V1ControllerRevision,
  V1Namespace,
  V1Node,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1RoleBinding,
  V1Secret,
  V1Service,
  V1StatefulSet,
  V1StorageClass,
} from './kube-types';
import { resource } from './resource';

/** The Kubernetes kinds Berth reads and writes (its own custom resources are described in iam). */
export const NAMESPACES = resource<V1Namespace>('v1', 'Namespace', { namespaced: false });
export const NODES = resource<V1Node>('v1', 'Node', { namespaced: false });
export const PERSISTENT_VOLUMES = resource<V1PersistentVolume>('v1', 'PersistentVolume', {
  namespaced: false,
});
export const STORAGE_CLASSES = resource<V1StorageClass>('storage.k8s.io/v1', 'StorageClass', {
  namespaced: false,
});
export const CLUSTER_ROLES = resource<V1ClusterRole>('rbac.authorization.k8s.io/v1', 'ClusterRole', {
  namespaced: false,
});
export const CLUSTER_ROLE_BINDINGS = resource<KubeObject>(
  'rbac.authorization.k8s.io/v1',
  'ClusterRoleBinding',
  {
    namespaced: false,
  },
);
export const CUSTOM_RESOURCE_DEFINITIONS = resource<CustomResourceDefinition>(
  'apiextensions.k8s.io/v1',
  'CustomResourceDefinition',
  { namespaced: false },
);

export const PODS = resource<V1Pod>('v1', 'Pod', { namespaced: true });
export const SERVICES = resource<V1Service>('v1', 'Service', { namespaced: true });
export const CONFIG_MAPS = resource<V1ConfigMap>('v1', 'ConfigMap', { namespaced: true });
export const SECRETS = resource<V1Secret>('v1', 'Secret', { namespaced: true });
export const EVENTS = resource<CoreV1Event>('v1', 'Event', { namespaced: true });
export const PERSISTENT_VOLUME_CLAIMS = resource<V1PersistentVolumeClaim>('v1', 'PersistentVolumeClaim', {
  namespaced: true,
});
export const RESOURCE_QUOTAS = resource<KubeObject>('v1', 'ResourceQuota', { namespaced: true });
export const STATEFUL_SETS = resource<V1StatefulSet>('apps/v1', 'StatefulSet', { namespaced: true });
export const CONTROLLER_REVISIONS = resource<V1ControllerRevision>('apps/v1', 'ControllerRevision', {
  namespaced: true,
});
export const ROLES = resource<KubeObject>('rbac.authorization.k8s.io/v1', 'Role', { namespaced: true });
export const ROLE_BINDINGS = resource<V1RoleBinding>('rbac.authorization.k8s.io/v1', 'RoleBinding', {
  namespaced: true,
});
export const POD_METRICS = resource<PodMetrics>('metrics.k8s.io/v1beta1', 'PodMetrics', { namespaced: true });

/** metrics.k8s.io's view of a pod's containers (what metrics-server reports). */
export interface PodMetrics extends KubeObject {
  containers?: { name: string; usage: { cpu?: string; memory?: string } }[];
}

export interface CustomResourceDefinition extends KubeObject {
  status?: { conditions?: { type: string; status: string }[] };
}
