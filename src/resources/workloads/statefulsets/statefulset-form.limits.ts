/**
 * What one StatefulSet form may carry, so a request's cost stays bounded whatever a tenant sends
 * (ADR 7): generous next to what a real StatefulSet needs, far below what would hurt the API server.
 */
export const FORM_LIMITS = {
  /** An argument, a command word, an environment value: a whole `sh -c` script fits. */
  text: 32_768,
  /** A path in a container or on a node (PATH_MAX). */
  path: 4_096,
  /** A quantity: `500m`, `10Gi`. */
  quantity: 64,
  /** A Linux capability name. */
  capability: 64,
  /** Command words, arguments, environment variables, key/value pairs. */
  items: 256,
  /** Ports, mounts, volumes, claim templates, capabilities, pull secrets, init containers. */
  few: 64,
} as const;
