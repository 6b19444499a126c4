import fc from 'fast-check';
import { KubeApiPathError, parseKubeApiPath, queryFlag, type ResourceRequest } from './kube-api-path';

const resource = (method: string, path: string, watch = false) =>
  parseKubeApiPath(method, path, watch) as ResourceRequest;
const refusal = (method: string, path: string): number | undefined => {
  try {
    parseKubeApiPath(method, path, false);
    return undefined;
  } catch (error) {
    return (error as KubeApiPathError).code;
  }
};

describe('parseKubeApiPath', () => {
  // The request ("?watch" sets the watch flag), and what the API server's RequestInfo would say.
  const scale = '/apis/apps/v1/namespaces/p1/statefulsets/web/scale';
  it.each<[string, Partial<ResourceRequest>]>([
    ['GET /api/v1/namespaces/p1/pods', { verb: 'list', group: '', namespace: 'p1', resource: 'pods' }],
    ['GET /apis/apps/v1/watch/namespaces/p1/statefulsets/web', { verb: 'watch', group: 'apps', name: 'web' }],
    [`PATCH ${scale}`, { verb: 'patch', resource: 'statefulsets/scale', path: scale }],
    ['DELETE /api/v1/namespaces/p1/configmaps', { verb: 'deletecollection' }],
    ['GET /api/v1/namespaces/p1/pods/x/log', { resource: 'pods/log', verb: 'get' }],
    // A Namespace is authorized in itself; the old /watch/ paths are watches.
    ['GET /api/v1/namespaces/p1', { namespace: 'p1', resource: 'namespaces', name: 'p1' }],
    ['GET /api/v1/watch/namespaces/p1/pods', { verb: 'watch', path: '/api/v1/watch/namespaces/p1/pods' }],
    ['GET /api/v1/namespaces', { verb: 'list', namespace: undefined }],
    // A Namespace's own subresources; a named GET with ?watch is a get.
    ['PUT /api/v1/namespaces/p1/finalize', { namespace: 'p1', resource: 'namespaces/finalize', name: 'p1' }],
    ['GET /api/v1/namespaces/p1/pods/web-0?watch', { verb: 'get' }],
    ['GET /api/v1/namespaces/p1/pods?watch', { verb: 'watch', namespace: 'p1' }],
  ])('reads %s as the API server does', (request, expected) => {
    const [method, target] = request.split(' ');
    const [path, watch] = target.split('?');
    expect(resource(method, path, watch === 'watch')).toMatchObject(expected);
  });

  it('finds no Namespace in a namespace', () => {
    expect(refusal('GET', '/api/v1/namespaces/p1/namespaces')).toBe(404);
    expect(refusal('GET', '/api/v1/watch/namespaces/p1/namespaces')).toBe(404);
  });

  it('reads boolean query parameters as the API server does', () => {
    const flag = (value: string) => queryFlag(new URLSearchParams(value), 'watch');
    expect(['watch=true', 'watch=1', 'watch=TRUE', 'watch=yes'].map(flag)).toEqual([true, true, true, true]);
    expect(['watch=false', 'watch=0', 'watch=', 'other=1', 'watch=False'].map(flag)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('serves discovery to GET only', () => {
    for (const path of ['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version', '/openapi/v3'])
      expect(parseKubeApiPath('GET', path, false)).toEqual({ kind: 'discovery', method: 'GET', path });
    expect(refusal('POST', '/apis')).toBe(405);
  });

  it('refuses what the API server would not serve, or a segment that breaks its rule', () => {
    expect(refusal('GET', '/api/v2/pods')).toBe(404);
    expect(refusal('GET', '/apis/apps')).toBeUndefined();
    expect(refusal('GET', '/api/v1/namespaces/Bad_Name/pods')).toBe(400);
    expect(refusal('GET', '/api/v1/namespaces/p1/pods%2F..')).toBe(400);
    expect(refusal('GET', '/api/v1/namespaces/p1//pods')).toBe(404);
    expect(refusal('GET', '/api/v1/namespaces/p1/pods/a/log/extra')).toBe(404);
    expect(refusal('PUT', '/api/v1/namespaces/p1/pods')).toBe(405);
    expect(refusal('POST', '/api/v1/watch/namespaces/p1/pods')).toBe(405);
    expect(refusal('OPTIONS', '/api/v1/namespaces/p1/pods/a')).toBe(405);
  });

  it('rebuilds every path it accepts to one that parses to the same request (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.constantFrom('', 'apps', 'metrics.k8s.io'),
        fc.option(label, { nil: undefined }),
        fc.constantFrom('pods', 'configmaps', 'statefulsets'),
        fc.option(label, { nil: undefined }),
        fc.constantFrom('GET', 'DELETE', 'POST'),
        fc.boolean(),
        (group, namespace, plural, name, method, watch) => {
          const base = group ? `/apis/${group}/v1` : '/api/v1';
          const path = `${base}${namespace ? `/namespaces/${namespace}` : ''}/${plural}${name ? `/${name}` : ''}`;
          const once = resource(method, path, watch && method === 'GET');
          expect(resource(method, once.path, watch && method === 'GET')).toEqual(once);
          expect(once.namespace).toBe(namespace);
        },
      ),
    );
  });
});
