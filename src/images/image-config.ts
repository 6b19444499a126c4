import type { ImageEnvVar, ImagePort } from './image-info.model';

/** The parts of an image config blob (OCI image config / Docker container image v1) Berth reads. */
export interface ImageConfigBlob {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    ExposedPorts?: Record<string, unknown> | null;
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    Env?: string[] | null;
    WorkingDir?: string | null;
    User?: string | null;
  } | null;
}

const PROTOCOLS: Record<string, string> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

/**
 * `ExposedPorts` keys (`80/tcp`, `53/udp`, `8080`) as container ports named `<protocol>-<port>`,
 * sorted by port then protocol. Ranges and unknown protocols are skipped: Kubernetes cannot take them.
 */
export function exposedPorts(exposed: Record<string, unknown> | null | undefined): ImagePort[] {
  const ports = new Map<string, ImagePort>();
  for (const key of Object.keys(exposed ?? {})) {
    const match = /^(\d{1,5})(?:\/([a-z]+))?$/i.exec(key.trim());
    if (!match) continue;
    const containerPort = Number(match[1]);
    const protocol = PROTOCOLS[(match[2] ?? 'tcp').toLowerCase()];
    if (!protocol || containerPort < 1 || containerPort > 65535) continue;
    const name = `${protocol.toLowerCase()}-${containerPort}`;
    ports.set(name, { name, protocol, containerPort });
  }
  return [...ports.values()].sort(
    (a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol),
  );
}

/** `KEY=VALUE` entries; the value is everything after the first `=` (and empty without one). */
export function envVars(env: string[] | null | undefined): ImageEnvVar[] {
  return (env ?? [])
    .filter((entry) => typeof entry === 'string' && entry.length > 0)
    .map((entry) => {
      const eq = entry.indexOf('=');
      return eq === -1
        ? { name: entry, value: '' }
        : { name: entry.slice(0, eq), value: entry.slice(eq + 1) };
    })
    .filter((v) => v.name.length > 0);
}

/** An RFC 3339 time, or null when absent or unreadable. */
export function createdAt(created: string | undefined): Date | null {
  if (!created) return null;
  const date = new Date(created);
  // Go's zero time (year 1) means "not set".
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() <= 1 ? null : date;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
