import type { FieldError } from '../common/errors/domain-error';
import type { V1Container, V1PodTemplateSpec } from './kube-types';

/** The Pod Security Standards levels a project enforces (Kubernetes Pod Security Admission). */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export const isPodSecurityLevel = (value: unknown): value is PodSecurityLevel =>
  (POD_SECURITY_LEVELS as readonly unknown[]).includes(value);

/** Capabilities baseline allows a container to add (beyond the runtime's defaults, it adds none). */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
const SELINUX_TYPES = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);
const RESTRICTED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const PROFILE_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * Where a pod template breaks its project's pod security level, field by field, as the Pod Security
 * Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/) define the
 * baseline and restricted levels, plus one rule of Berth's: a template may not pin its pods to a
 * node. The API server enforces the same levels on the pods themselves (the namespace's labels); this
 * says it before anything is written, naming each field. `at` is the path of the template.
 */
export function podSecurityProblems(
  template: V1PodTemplateSpec,
  level: PodSecurityLevel,
  at = 'spec.template',
): FieldError[] {
  if (level === 'privileged') return [];
  const problems: FieldError[] = [];
  const say = (path: string, message: string) =>
    problems.push({ path: `${at}.${path}`, message: `${message} (${level} pod security)` });
  const pod = template.spec ?? { containers: [] };
  const psc = pod.securityContext ?? {};

  // Baseline.
  for (const flag of ['hostNetwork', 'hostPID', 'hostIPC'] as const)
    if (pod[flag]) say(`spec.${flag}`, 'must not share the node’s namespaces');
  if (pod.nodeName) say('spec.nodeName', 'must not pin pods to a node; the scheduler places them');
  if (psc.windowsOptions?.hostProcess)
    say('spec.securityContext.windowsOptions.hostProcess', 'must not be true');
  (pod.volumes ?? []).forEach((v, i) => {
    if (v.hostPath) say(`spec.volumes[${i}].hostPath`, 'must not mount a path of the node');
  });
  profileProblems(psc, 'spec.securityContext', say);
  seLinuxProblems(psc.seLinuxOptions, 'spec.securityContext.seLinuxOptions', say);
  (psc.sysctls ?? []).forEach((s, i) => {
    if (!SAFE_SYSCTLS.has(s.name))
      say(`spec.securityContext.sysctls[${i}].name`, `"${s.name}" is not a safe sysctl`);
  });
  for (const [key, value] of Object.entries(template.metadata?.annotations ?? {}))
    if (key.startsWith(APPARMOR_ANNOTATION) && value !== 'runtime/default' && !value.startsWith('localhost/'))
      say(`metadata.annotations["${key}"]`, 'must be runtime/default or localhost/<profile>');
  // In a user namespace (hostUsers: false), root and an unmasked /proc are the pod's own, not the node's.
  const userNamespace = pod.hostUsers === false;
  for (const [list, containers] of containersOf(pod)) {
    containers.forEach((c, i) => containerBaseline(c, `spec.${list}[${i}]`, say, userNamespace));
  }
  if (level === 'baseline') return problems;

  // Restricted.
  (pod.volumes ?? []).forEach((v, i) => {
    const kind = Object.keys(v).find((k) => k !== 'name');
    if (kind && !RESTRICTED_VOLUMES.has(kind))
      say(`spec.volumes[${i}].${kind}`, `a ${kind} volume is not allowed`);
  });
  if (psc.runAsUser === 0 && !userNamespace) say('spec.securityContext.runAsUser', 'must not be 0 (root)');
  for (const [list, containers] of containersOf(pod)) {
    containers.forEach((c, i) => {
      const path = `spec.${list}[${i}].securityContext`;
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) say(`${path}.allowPrivilegeEscalation`, 'must be false');
      const nonRoot =
        sc.runAsNonRoot === true || (psc.runAsNonRoot === true && sc.runAsNonRoot === undefined);
      if (!nonRoot && !userNamespace) say(`${path}.runAsNonRoot`, 'must be true (here or for the whole pod)');
      if (sc.runAsUser === 0 && !userNamespace) say(`${path}.runAsUser`, 'must not be 0 (root)');
      const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
      if (!seccomp || !PROFILE_TYPES.has(seccomp))
        say(`${path}.seccompProfile.type`, 'must be RuntimeDefault or Localhost (here or for the whole pod)');
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) say(`${path}.capabilities.drop`, 'must drop ALL');
      (sc.capabilities?.add ?? []).forEach((cap, j) => {
        if (cap !== 'NET_BIND_SERVICE')
          say(`${path}.capabilities.add[${j}]`, `must not add ${cap} (only NET_BIND_SERVICE)`);
      });
    });
  }
  // A field refused by both levels is named once.
  return problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i);
}

type Say = (path: string, message: string) => void;

function containersOf(pod: NonNullable<V1PodTemplateSpec['spec']>): [string, V1Container[]][] {
  return [
    ['containers', pod.containers ?? []],
    ['initContainers', pod.initContainers ?? []],
    ['ephemeralContainers', pod.ephemeralContainers ?? []],
  ];
}

function containerBaseline(c: V1Container, at: string, say: Say, userNamespace: boolean): void {
  const sc = c.securityContext ?? {};
  if (sc.privileged) say(`${at}.securityContext.privileged`, 'must not be true');
  if (sc.windowsOptions?.hostProcess)
    say(`${at}.securityContext.windowsOptions.hostProcess`, 'must not be true');
  (sc.capabilities?.add ?? []).forEach((cap, j) => {
    if (!BASELINE_CAPABILITIES.has(cap))
      say(`${at}.securityContext.capabilities.add[${j}]`, `must not add ${cap}`);
  });
  if (sc.procMount !== undefined && sc.procMount !== 'Default' && !userNamespace)
    say(`${at}.securityContext.procMount`, 'must be Default');
  profileProblems(sc, `${at}.securityContext`, say);
  seLinuxProblems(sc.seLinuxOptions, `${at}.securityContext.seLinuxOptions`, say);
  (c.ports ?? []).forEach((p, j) => {
    if (p.hostPort) say(`${at}.ports[${j}].hostPort`, 'must not take a port of the node');
  });
  // Probes and hooks that the node would send to another host.
  const handlers = {
    livenessProbe: c.livenessProbe,
    readinessProbe: c.readinessProbe,
    startupProbe: c.startupProbe,
    'lifecycle.postStart': c.lifecycle?.postStart,
    'lifecycle.preStop': c.lifecycle?.preStop,
  };
  for (const [name, handler] of Object.entries(handlers)) {
    if (handler?.httpGet?.host) say(`${at}.${name}.httpGet.host`, 'must not name another host');
    if (handler?.tcpSocket?.host) say(`${at}.${name}.tcpSocket.host`, 'must not name another host');
  }
}

function profileProblems(
  sc: { seccompProfile?: { type?: string }; appArmorProfile?: { type?: string } },
  at: string,
  say: Say,
): void {
  const seccomp = sc.seccompProfile?.type;
  if (seccomp !== undefined && !PROFILE_TYPES.has(seccomp))
    say(`${at}.seccompProfile.type`, 'must not be Unconfined');
  const apparmor = sc.appArmorProfile?.type;
  if (apparmor !== undefined && !PROFILE_TYPES.has(apparmor))
    say(`${at}.appArmorProfile.type`, 'must not be Unconfined');
}

function seLinuxProblems(
  options: { type?: string; user?: string; role?: string } | undefined,
  at: string,
  say: Say,
): void {
  if (!options) return;
  if (options.type !== undefined && !SELINUX_TYPES.has(options.type))
    say(`${at}.type`, `must not be ${options.type}`);
  if (options.user) say(`${at}.user`, 'must not be set');
  if (options.role) say(`${at}.role`, 'must not be set');
}
