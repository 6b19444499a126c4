import type { Shape } from '../../../common/validation/shape';

/**
 * What Berth reads of a StatefulSet or Service from YAML before the API server sees it (the Service
 * it makes, the changes it refuses, the pod security check): each of these parts must have the
 * shape Kubernetes gives it. Everything else is the API server's to validate.
 */
const str: Shape = { type: 'string' };
const int: Shape = { type: 'integer' };
const bool: Shape = { type: 'boolean' };
const map: Shape = { type: 'map' };
const obj = (fields?: Record<string, Shape>, required = false): Shape => ({
  type: 'object',
  fields,
  required,
});
const list = (items?: Shape, required = false): Shape => ({ type: 'list', items, required });

const SE_LINUX = obj({ type: str, user: str, role: str, level: str });
const SECCOMP = obj({ type: str, localhostProfile: str });
const APP_ARMOR = obj({ type: str, localhostProfile: str });
const WINDOWS = obj({ hostProcess: bool });

const CONTAINER_SECURITY = obj({
  privileged: bool,
  allowPrivilegeEscalation: bool,
  runAsNonRoot: bool,
  runAsUser: int,
  runAsGroup: int,
  readOnlyRootFilesystem: bool,
  procMount: str,
  capabilities: obj({ add: list(str), drop: list(str) }),
  seccompProfile: SECCOMP,
  appArmorProfile: APP_ARMOR,
  seLinuxOptions: SE_LINUX,
  windowsOptions: WINDOWS,
});

const CONTAINER = obj({
  name: str,
  image: str,
  imagePullPolicy: str,
  command: list(str),
  args: list(str),
  workingDir: str,
  ports: list(obj({ name: str, containerPort: int, protocol: str, hostPort: int, hostIP: str })),
  env: list(obj({ name: str, value: str, valueFrom: obj() })),
  envFrom: list(obj()),
  volumeMounts: list(obj({ name: str, mountPath: str, readOnly: bool, subPath: str })),
  resources: obj({ limits: obj(), requests: obj() }),
  livenessProbe: obj(),
  readinessProbe: obj(),
  startupProbe: obj(),
  lifecycle: obj(),
  securityContext: CONTAINER_SECURITY,
});

const POD_SPEC = obj(
  {
    containers: list(CONTAINER, true),
    initContainers: list(CONTAINER),
    ephemeralContainers: list(CONTAINER),
    volumes: list(obj({ name: str, hostPath: obj({ path: str, type: str }) })),
    hostNetwork: bool,
    hostPID: bool,
    hostIPC: bool,
    hostUsers: bool,
    nodeName: str,
    nodeSelector: map,
    serviceAccountName: str,
    imagePullSecrets: list(obj({ name: str })),
    tolerations: list(obj()),
    affinity: obj(),
    securityContext: obj({
      runAsNonRoot: bool,
      runAsUser: int,
      runAsGroup: int,
      fsGroup: int,
      seccompProfile: SECCOMP,
      appArmorProfile: APP_ARMOR,
      seLinuxOptions: SE_LINUX,
      sysctls: list(obj({ name: str, value: str })),
      windowsOptions: WINDOWS,
    }),
  },
  true,
);

const METADATA = obj({ name: str, namespace: str, labels: map, annotations: map });

export const STATEFUL_SET_SHAPE: Shape = obj({
  metadata: METADATA,
  spec: obj(
    {
      replicas: int,
      serviceName: str,
      podManagementPolicy: str,
      selector: obj({ matchLabels: map, matchExpressions: list(obj()) }, true),
      template: obj({ metadata: obj({ labels: map, annotations: map }), spec: POD_SPEC }, true),
      volumeClaimTemplates: list(
        obj({
          metadata: obj({ name: str, labels: map, annotations: map }),
          spec: obj({ accessModes: list(str), storageClassName: str, resources: obj({ requests: obj() }) }),
        }),
      ),
      updateStrategy: obj({ type: str, rollingUpdate: obj() }),
    },
    true,
  ),
});

export const SERVICE_SHAPE: Shape = obj({
  metadata: METADATA,
  spec: obj(
    {
      type: str,
      clusterIP: str,
      selector: map,
      ports: list(obj({ name: str, port: int, protocol: str, nodePort: int })),
      externalIPs: list(str),
      externalName: str,
      loadBalancerIP: str,
    },
    true,
  ),
});
