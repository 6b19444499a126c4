export { KubeClient, type PodLogOptions, type WatchEvent } from './kube-client';
export { KubeModule } from './kube.module';
export type { KubeReader } from './kube-reader';
export type { Identity } from './identity';
export * from './kube-types';
export type { KubeRequestListener, KubeRequestRecord } from './kube-connection';
export * from './resource';
export * from './resources';
