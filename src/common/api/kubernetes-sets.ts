import { closedSet } from './closed-set';

/** Kubernetes' closed sets that Berth's forms and views carry, in Kubernetes' own spelling. */
export const ACCESS_MODE = closedSet(
  'AccessMode',
  ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  "A volume's access mode",
);
export const PROTOCOL = closedSet('Protocol', ['TCP', 'UDP', 'SCTP'], 'A port protocol');
export const PULL_POLICY = closedSet(
  'PullPolicy',
  ['Always', 'IfNotPresent', 'Never'],
  "A container image's pull policy",
);
export const UPDATE_STRATEGY = closedSet(
  'UpdateStrategyType',
  ['RollingUpdate', 'OnDelete'],
  'How a StatefulSet replaces its pods when its template changes',
);
export const VOLUME_MODE = closedSet('VolumeMode', ['Filesystem', 'Block'], 'Filesystem or Block');
