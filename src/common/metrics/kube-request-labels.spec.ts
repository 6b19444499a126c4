import { kubeRequestLabels } from './kube-request-labels';

describe('kubeRequestLabels', () => {
  it.each([
    ['GET', '/api/v1/namespaces/p/pods', { verb: 'list', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/p/pods?watch=true&resourceVersion=1', { verb: 'watch', resource: 'pods' }],
    ['GET', '/api/v1/watch/namespaces/p/pods', { verb: 'watch', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/p/pods/web-0/log?follow=true', { verb: 'get', resource: 'pods/log' }],
    ['GET', '/api/v1/namespaces', { verb: 'list', resource: 'namespaces' }],
    ['GET', '/api/v1/namespaces/p', { verb: 'get', resource: 'namespaces' }],
    [
      'POST',
      '/apis/apps/v1/namespaces/p/statefulsets?dryRun=All',
      { verb: 'create', resource: 'statefulsets' },
    ],
    [
      'PATCH',
      '/apis/apps/v1/namespaces/p/statefulsets/web/scale',
      { verb: 'patch', resource: 'statefulsets/scale' },
    ],
    ['DELETE', '/api/v1/namespaces/p/configmaps', { verb: 'deletecollection', resource: 'configmaps' }],
    [
      'PUT',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/x',
      { verb: 'update', resource: 'clusterroles' },
    ],
    ['GET', '/version', { verb: 'list', resource: 'unknown' }],
  ])('%s %s', (method, path, labels) => {
    expect(kubeRequestLabels(method, path)).toEqual(labels);
  });
});
