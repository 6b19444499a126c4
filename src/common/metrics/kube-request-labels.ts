/**
 * The verb and resource of a call to the API server, as the API server's own metrics name them
 * (`list`, `watch`, `get`, `create`, `update`, `patch`, `delete`, `deletecollection`; `pods/log`).
 */
export function kubeRequestLabels(method: string, pathAndQuery: string): { verb: string; resource: string } {
  const [path, query = ''] = pathAndQuery.split('?');
  const parts = path.split('/').filter(Boolean);
  // /api/v1/... or /apis/<group>/<version>/...
  let rest = parts[0] === 'api' ? parts.slice(2) : parts[0] === 'apis' ? parts.slice(3) : [];
  const legacyWatch = rest[0] === 'watch';
  if (legacyWatch) rest = rest.slice(1);
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource = 'unknown', name, subresource] = rest;
  const watch = legacyWatch || /(^|&)watch=(true|1)(&|$)/.test(query);
  const verb = verbOf(method.toUpperCase(), name !== undefined, watch);
  return { verb, resource: subresource ? `${resource}/${subresource}` : resource };
}

function verbOf(method: string, named: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
      return watch ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
