import fc from 'fast-check';
import type { ContainerForm } from './statefulset-form-containers.model';
import type { StatefulSetForm } from './statefulset-form.model';
import type { VolumeForm } from './statefulset-form-volumes.model';

/**
 * fast-check generator of valid StatefulSet forms (test support: the unit round-trip property and the
 * e2e property against the API server share it). Names are unique where Kubernetes needs them to be,
 * mounts refer to volumes that exist, requests never exceed limits.
 */

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const uniqueLabels = (min: number, max: number) => fc.uniqueArray(label, { minLength: min, maxLength: max });
const text = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,12}$/);

const CPU = ['100m', '250m', '500m', '1', '2'];
const MEMORY = ['64Mi', '128Mi', '256Mi', '1Gi'];
const IMAGES = ['nginx', 'nginx:1.27', 'redis:7.2', 'registry.local:5000/team/app:v1'];

const amounts = fc.record({
  cpu: fc.integer({ min: 0, max: CPU.length - 1 }),
  memory: fc.integer({ min: 0, max: MEMORY.length - 1 }),
});

const resources = fc.option(
  fc.tuple(amounts, fc.nat(2), fc.nat(2)).map(([r, dc, dm]) => ({
    requests: { cpu: CPU[r.cpu], memory: MEMORY[r.memory] },
    limits: {
      cpu: CPU[Math.min(CPU.length - 1, r.cpu + dc)],
      memory: MEMORY[Math.min(MEMORY.length - 1, r.memory + dm)],
    },
  })),
  { nil: undefined },
);

const probe = fc.option(
  fc
    .oneof(
      fc.record({
        type: fc.constant('httpGet'),
        path: fc.constantFrom('/', '/healthz', '/ready'),
        port: fc.integer({ min: 1, max: 65535 }),
        scheme: fc.constantFrom('HTTP', 'HTTPS'),
      }),
      fc.record({ type: fc.constant('tcpSocket'), port: fc.integer({ min: 1, max: 65535 }) }),
      fc.record({ type: fc.constant('exec'), command: fc.array(text, { minLength: 1, maxLength: 3 }) }),
    )
    .chain((p) =>
      fc
        .record(
          {
            initialDelaySeconds: fc.integer({ min: 1, max: 60 }),
            periodSeconds: fc.integer({ min: 1, max: 60 }),
            timeoutSeconds: fc.integer({ min: 1, max: 10 }),
            failureThreshold: fc.integer({ min: 1, max: 10 }),
          },
          { requiredKeys: [] },
        )
        .map((timing) => ({ ...p, ...timing })),
    ),
  { nil: undefined },
);

const securityContext = fc.option(
  fc
    .record(
      {
        runAsUser: fc.integer({ min: 0, max: 65535 }),
        runAsGroup: fc.integer({ min: 0, max: 65535 }),
        runAsNonRoot: fc.boolean(),
        allowPrivilegeEscalation: fc.boolean(),
        readOnlyRootFilesystem: fc.boolean(),
        capabilitiesAdd: fc.uniqueArray(fc.constantFrom('NET_ADMIN', 'SYS_TIME', 'CHOWN'), {
          minLength: 1,
          maxLength: 2,
        }),
        capabilitiesDrop: fc.constant(['ALL']),
        privileged: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    // Kubernetes refuses a privileged container that may not escalate.
    .map((s) =>
      s.privileged && s.allowPrivilegeEscalation === false ? { ...s, allowPrivilegeEscalation: true } : s,
    ),
  { nil: undefined },
);

/** `main`: regular containers (ports, probes); init containers run to completion and have neither. */
function containers(
  count: number,
  volumeNames: string[],
  prefix: string,
  main: boolean,
): fc.Arbitrary<ContainerForm[]> {
  const portBase = 1000;
  return fc
    .tuple(
      uniqueLabels(count, count).map((names) => names.map((n) => `${prefix}${n}`)),
      fc.array(fc.nat(1000), { minLength: count, maxLength: count }),
    )
    .chain(([names, seeds]) =>
      fc.tuple(
        ...names.map((name, i) =>
          fc.record(
            {
              name: fc.constant(name),
              image: fc.constantFrom(...IMAGES),
              imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
              command: fc.array(text, { minLength: 1, maxLength: 2 }),
              args: fc.array(text, { minLength: 1, maxLength: 2 }),
              env: fc
                .uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), { minLength: 1, maxLength: 3 })
                .chain((envNames) =>
                  fc.tuple(
                    ...envNames.map((envName) =>
                      fc.oneof(
                        fc.record({ name: fc.constant(envName), value: text }),
                        fc.record({
                          name: fc.constant(envName),
                          configMapKeyRef: fc.record({ name: label, key: label }),
                        }),
                        fc.record({
                          name: fc.constant(envName),
                          secretKeyRef: fc.record({ name: label, key: label }),
                        }),
                      ),
                    ),
                  ),
                ),
              // Ports are unique across the pod: the headless Service lists them all.
              ports: main
                ? fc.integer({ min: 1, max: 2 }).map((n) =>
                    Array.from({ length: n }, (_, j) => {
                      const port = portBase + i * 10 + j + (seeds[i] % 5) * 100;
                      return {
                        name: `p-${port}`,
                        protocol: 'TCP',
                        containerPort: port,
                        servicePort: j === 0 ? port : port + 10_000,
                      };
                    }),
                  )
                : fc.constant(undefined),
              resources: resources.filter((r) => r !== undefined),
              livenessProbe: main ? probe.filter((p) => p !== undefined) : fc.constant(undefined),
              readinessProbe: main ? probe.filter((p) => p !== undefined) : fc.constant(undefined),
              startupProbe: main ? probe.filter((p) => p !== undefined) : fc.constant(undefined),
              securityContext: securityContext.filter((s) => s !== undefined),
              volumeMounts: volumeNames.length
                ? fc.subarray(volumeNames, { minLength: 1 }).map((vs) =>
                    vs.map((v, k) => ({
                      name: v,
                      mountPath: `/mnt/${v}-${k}`,
                      ...(k % 2 ? { readOnly: true } : {}),
                    })),
                  )
                : fc.constant(undefined),
            },
            { requiredKeys: ['name', 'image'] },
          ),
        ),
      ),
    ) as fc.Arbitrary<ContainerForm[]>;
}

const volume = (name: string): fc.Arbitrary<VolumeForm> =>
  fc.oneof(
    fc.record({ name: fc.constant(name), type: fc.constant('persistentVolumeClaim'), claimName: label }),
    fc.record(
      {
        name: fc.constant(name),
        type: fc.constant('emptyDir'),
        medium: fc.constantFrom('', 'Memory'),
        sizeLimit: fc.constantFrom('64Mi', '1Gi'),
      },
      { requiredKeys: ['name', 'type'] },
    ),
    fc.record({
      name: fc.constant(name),
      type: fc.constant('hostPath'),
      path: fc.constantFrom('/var/log', '/opt/data'),
    }),
    fc.record(
      {
        name: fc.constant(name),
        type: fc.constantFrom('configMap', 'secret'),
        sourceName: label,
        items: fc.array(fc.record({ key: label, path: label }), { minLength: 1, maxLength: 2 }),
      },
      {
        requiredKeys: ['name', 'type', 'sourceName'],
      },
    ),
  );

export const statefulSetForm: fc.Arbitrary<StatefulSetForm> = fc
  .record({ templates: uniqueLabels(0, 2), volumes: uniqueLabels(0, 3) })
  .filter(({ templates, volumes }) => !templates.some((t) => volumes.includes(t)))
  .chain(({ templates, volumes }) =>
    fc.record(
      {
        name: fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/).map((n) => `sts-${n}`),
        alias: text,
        description: text,
        replicas: fc.integer({ min: 0, max: 3 }),
        containers: fc
          .integer({ min: 1, max: 2 })
          .chain((n) => containers(n, [...templates, ...volumes], 'c', true)),
        initContainers: containers(1, volumes, 'init', false),
        imagePullSecrets: uniqueLabels(1, 2),
        syncHostTimezone: fc.boolean(),
        updateStrategy: fc.oneof(
          fc.record({ type: fc.constant('OnDelete') }),
          fc.record(
            {
              type: fc.constant('RollingUpdate'),
              partition: fc.integer({ min: 0, max: 3 }),
              maxUnavailable: fc.constantFrom('1', '2', '50%'),
            },
            { requiredKeys: ['type'] },
          ),
        ),
        podManagementPolicy: fc.constantFrom('OrderedReady', 'Parallel'),
        deploymentMode: fc.constantFrom('default', 'spread', 'aggregate'),
        volumeClaimTemplates: fc.tuple(
          ...templates.map((t) =>
            fc.record(
              {
                name: fc.constant(t),
                storageClassName: fc.constant('kwok-volume'),
                accessModes: fc.constant(['ReadWriteOnce']),
                size: fc.constantFrom('1Gi', '500Mi'),
              },
              { requiredKeys: ['name', 'size'] },
            ),
          ),
        ),
        volumes: fc.tuple(...volumes.map(volume)),
        pvcRetentionPolicy: fc.record({
          whenDeleted: fc.constantFrom('Retain', 'Delete'),
          whenScaled: fc.constantFrom('Retain', 'Delete'),
        }),
        nodeSelector: fc.uniqueArray(fc.record({ key: label.map((k) => `example.com/${k}`), value: label }), {
          selector: (kv) => kv.key,
          minLength: 1,
          maxLength: 2,
        }),
        labels: fc.uniqueArray(fc.record({ key: label.map((k) => `tier-${k}`), value: label }), {
          selector: (kv) => kv.key,
          minLength: 1,
          maxLength: 2,
        }),
        annotations: fc.uniqueArray(fc.record({ key: label.map((k) => `example.com/${k}`), value: text }), {
          selector: (kv) => kv.key,
          minLength: 1,
          maxLength: 2,
        }),
        minReadySeconds: fc.integer({ min: 1, max: 30 }),
        revisionHistoryLimit: fc.integer({ min: 1, max: 20 }),
      },
      // Volumes are always present (possibly empty) because the containers may mount them.
      { requiredKeys: ['name', 'containers', 'volumeClaimTemplates', 'volumes'] },
    ),
  ) as fc.Arbitrary<StatefulSetForm>;
