import type { V1PodTemplateSpec } from './kube-types';
import { podSecurityProblems } from './pod-security';

const pod = (spec: Record<string, unknown>, annotations?: Record<string, string>): V1PodTemplateSpec => ({
  metadata: { annotations },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
});
const container = (extra: Record<string, unknown>) =>
  pod({ containers: [{ name: 'web', image: 'nginx', ...extra }] });
const paths = (template: V1PodTemplateSpec, level: 'baseline' | 'restricted') =>
  podSecurityProblems(template, level).map((p) => p.path);

/** A pod that meets restricted: what the API server's own examples show. */
const RESTRICTED_OK = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'web',
      image: 'nginx',
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      },
    },
  ],
};

describe('podSecurityProblems', () => {
  it('privileged allows anything; a plain pod meets baseline', () => {
    expect(podSecurityProblems(pod({ hostNetwork: true }), 'privileged')).toEqual([]);
    expect(paths(pod({}), 'baseline')).toEqual([]);
  });

  it.each([
    ['hostNetwork', pod({ hostNetwork: true }), 'spec.template.spec.hostNetwork'],
    ['hostPID', pod({ hostPID: true }), 'spec.template.spec.hostPID'],
    ['hostIPC', pod({ hostIPC: true }), 'spec.template.spec.hostIPC'],
    ['a pinned node', pod({ nodeName: 'node-1' }), 'spec.template.spec.nodeName'],
    [
      'a hostPath volume',
      pod({ volumes: [{ name: 'root', hostPath: { path: '/' } }] }),
      'spec.template.spec.volumes[0].hostPath',
    ],
    [
      'a privileged container',
      container({ securityContext: { privileged: true } }),
      'spec.template.spec.containers[0].securityContext.privileged',
    ],
    [
      'SYS_ADMIN',
      container({ securityContext: { capabilities: { add: ['CHOWN', 'SYS_ADMIN'] } } }),
      'spec.template.spec.containers[0].securityContext.capabilities.add[1]',
    ],
    [
      'a host port',
      container({ ports: [{ containerPort: 80, hostPort: 80 }] }),
      'spec.template.spec.containers[0].ports[0].hostPort',
    ],
    [
      'an unmasked /proc',
      container({ securityContext: { procMount: 'Unmasked' } }),
      'spec.template.spec.containers[0].securityContext.procMount',
    ],
    [
      'no seccomp',
      pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }),
      'spec.template.spec.securityContext.seccompProfile.type',
    ],
    [
      'no AppArmor',
      container({ securityContext: { appArmorProfile: { type: 'Unconfined' } } }),
      'spec.template.spec.containers[0].securityContext.appArmorProfile.type',
    ],
    [
      'an AppArmor annotation',
      pod({}, { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' }),
      'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"]',
    ],
    [
      'an SELinux type',
      pod({ securityContext: { seLinuxOptions: { type: 'spc_t' } } }),
      'spec.template.spec.securityContext.seLinuxOptions.type',
    ],
    [
      'an unsafe sysctl',
      pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }),
      'spec.template.spec.securityContext.sysctls[0].name',
    ],
    [
      'a Windows host process',
      pod({ securityContext: { windowsOptions: { hostProcess: true } } }),
      'spec.template.spec.securityContext.windowsOptions.hostProcess',
    ],
    [
      'an init container',
      pod({ initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }] }),
      'spec.template.spec.initContainers[0].securityContext.privileged',
    ],
    [
      'a probe sent to another host',
      container({ livenessProbe: { httpGet: { host: '169.254.169.254', port: 80 } } }),
      'spec.template.spec.containers[0].livenessProbe.httpGet.host',
    ],
  ])('baseline refuses %s, naming the field', (_, template, path) => {
    expect(paths(template, 'baseline')).toEqual([path]);
    expect(paths(template, 'restricted')).toContain(path);
  });

  it('baseline allows the capabilities container runtimes grant by default', () => {
    expect(
      paths(
        container({ securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN', 'KILL'] } } }),
        'baseline',
      ),
    ).toEqual([]);
  });

  it('restricted asks for non-root, no escalation, a seccomp profile and all capabilities dropped', () => {
    expect(paths(pod(RESTRICTED_OK), 'restricted')).toEqual([]);
    expect(paths(pod({}), 'restricted')).toEqual([
      'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
      'spec.template.spec.containers[0].securityContext.runAsNonRoot',
      'spec.template.spec.containers[0].securityContext.seccompProfile.type',
      'spec.template.spec.containers[0].securityContext.capabilities.drop',
    ]);
  });

  it('restricted: container settings override the pod’s, and only NET_BIND_SERVICE may be added', () => {
    const override = structuredClone(RESTRICTED_OK) as typeof RESTRICTED_OK & {
      containers: { securityContext: Record<string, unknown> }[];
    };
    Object.assign(override.containers[0].securityContext, { runAsNonRoot: false, runAsUser: 0 });
    override.containers[0].securityContext.capabilities = { drop: ['ALL'], add: ['SYS_TIME'] };
    expect(paths(pod(override), 'restricted')).toEqual([
      'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
      'spec.template.spec.containers[0].securityContext.runAsNonRoot',
      'spec.template.spec.containers[0].securityContext.runAsUser',
    ]);
  });

  it('in a user namespace, root and an unmasked /proc are the pod’s own: allowed', () => {
    expect(
      paths(
        pod({
          hostUsers: false,
          containers: [{ name: 'w', image: 'x', securityContext: { procMount: 'Unmasked' } }],
        }),
        'baseline',
      ),
    ).toEqual([]);
    const root = structuredClone(RESTRICTED_OK) as Record<string, unknown>;
    Object.assign(root, {
      hostUsers: false,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 0 },
    });
    expect(paths(pod(root), 'restricted')).toEqual([]);
    expect(paths(pod({ ...root, hostUsers: true }), 'restricted')).toContain(
      'spec.template.spec.securityContext.runAsUser',
    );
  });

  it('restricted allows only the volume types that carry no node access', () => {
    const volumes = [
      { name: 'a', emptyDir: {} },
      { name: 'b', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'd', nfs: { server: 'x', path: '/' } },
    ];
    expect(paths(pod({ ...RESTRICTED_OK, volumes }), 'restricted')).toEqual([
      'spec.template.spec.volumes[2].nfs',
    ]);
    expect(paths(pod({ volumes }), 'baseline')).toEqual([]);
  });
});
