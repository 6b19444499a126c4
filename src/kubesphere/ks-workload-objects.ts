import type { ImageInfo } from '../images/image-info.model';
import type { KubeObject } from '../kube';
import { parseQuantity } from '../kube/quantity';

/** KubeSphere's quota answer: the project's ResourceQuotas folded into one `hard` and `used`. */
export interface KsQuotaObject {
  namespace: string;
  data: { hard: Record<string, string>; used: Record<string, string> };
}

interface QuotaStatus extends KubeObject {
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** Where several quotas limit the same resource, the smallest limit is the one that binds. */
export function ksQuota(namespace: string, quotas: readonly QuotaStatus[]): KsQuotaObject {
  const hard: Record<string, string> = {};
  const used: Record<string, string> = {};
  for (const quota of quotas) {
    for (const [resource, limit] of Object.entries(quota.status?.hard ?? {})) {
      const current = hard[resource];
      if (
        current === undefined ||
        (parseQuantity(limit) ?? Infinity) < (parseQuantity(current) ?? Infinity)
      ) {
        hard[resource] = limit;
        used[resource] = quota.status?.used?.[resource] ?? '0';
      }
    }
  }
  return { namespace, data: { hard, used } };
}

/**
 * An inspected image as KubeSphere's `imageconfig` (ks-apiserver's `ConfigFile`, and the fields its
 * console reads: `status`, `registry`, `imageTag`, `config.ExposedPorts`, `imageManifest.layers`).
 * Berth reads the config blob, not the layers, so the console shows no layer count or size.
 */
export function ksImageConfig(image: ImageInfo) {
  const config = {
    ExposedPorts: Object.fromEntries(
      image.ports.map((p) => [`${p.containerPort}/${p.protocol.toLowerCase()}`, {}]),
    ),
    Entrypoint: image.entrypoint,
    Cmd: image.cmd,
    Env: image.env.map((e) => `${e.name}=${e.value}`),
    ...(image.user ? { User: image.user } : {}),
    ...(image.workingDir ? { WorkingDir: image.workingDir } : {}),
  };
  const [os, architecture] = image.platform.split('/');
  const created = image.createdAt?.toISOString();
  return {
    status: 'succeeded',
    registry: image.registry,
    imageTag: image.tag ?? image.digest,
    ...(created ? { created } : {}),
    config,
    imageManifest: { layers: [] as never[] },
    ConfigFile: {
      architecture,
      os,
      ...(created ? { created } : {}),
      rootfs: { type: 'layers', diff_ids: [] as never[] },
      config,
    },
  };
}
