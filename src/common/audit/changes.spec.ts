import { graphqlChange, kubeChange, redacted, routeChange } from './changes';

describe('audit changes', () => {
  it('takes Secret data, passwords, tokens and kubectl’s copy of the object out of a request', () => {
    const input = {
      metadata: {
        name: 's',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"k":"c2VjcmV0"}}',
          team: 'a',
        },
      },
      data: { k: 'c2VjcmV0' },
      stringData: { k: 'secret' },
      spec: { containers: [{ name: 'c', env: [{ name: 'MODE', value: 'on' }] }] },
      password: 'p',
      newPassword: 'p',
      refresh_token: 't',
      registry: { server: 'r', username: 'u', password: 'p' },
    };
    expect(redacted(input)).toEqual({
      metadata: {
        name: 's',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '[redacted]', team: 'a' },
      },
      data: '[redacted]',
      stringData: '[redacted]',
      spec: { containers: [{ name: 'c', env: [{ name: 'MODE', value: 'on' }] }] },
      password: '[redacted]',
      newPassword: '[redacted]',
      refresh_token: '[redacted]',
      registry: { server: 'r', username: 'u', password: '[redacted]' },
    });
  });

  it('bounds a request in depth and in size', () => {
    let deep: object = { end: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(redacted(deep))).toContain('[redacted]');
    expect(redacted({ big: 'x'.repeat(20_000) })).toEqual({ truncated: true, bytes: 20_010 });
  });

  it('reads a route’s object from its pattern, or a create’s from its body', () => {
    const scale = routeChange(
      'POST',
      '/api/v1/projects/:project/statefulsets/:name/scale',
      { project: 'p', name: 'web' },
      {},
      { replicas: 2 },
    );
    expect(scale).toEqual({
      operation: 'POST /api/v1/projects/:project/statefulsets/:name/scale',
      kind: 'statefulsets',
      name: 'web',
      project: 'p',
      dryRun: false,
    });
    expect(
      routeChange(
        'POST',
        '/api/v1/projects/:project/statefulsets',
        { project: 'p' },
        { dryRun: 'true' },
        { name: 'db' },
      ),
    ).toMatchObject({ kind: 'statefulsets', name: 'db', project: 'p', dryRun: true });
    expect(
      routeChange('POST', '/api/v1/workspaces/:workspace/projects', { workspace: 'w' }, {}, { name: 'p2' }),
    ).toMatchObject({ kind: 'projects', name: 'p2', project: 'p2' });
    expect(routeChange('DELETE', '/api/v1/projects/:project', { project: 'p' }, {}, undefined)).toMatchObject(
      {
        kind: 'projects',
        name: 'p',
        project: 'p',
      },
    );
    expect(
      routeChange(
        'PUT',
        '/kube/kapis/iam.kubesphere.io/v1alpha2/namespaces/:namespace/members/:member',
        { namespace: 'p', member: 'u' },
        {},
        {},
      ),
    ).toMatchObject({ kind: 'members', name: 'u', project: 'p' });
    expect(routeChange('POST', '/api/v1/kubeconfig', {}, {}, {})).toMatchObject({ kind: 'kubeconfig' });
  });

  it('reads a Kubernetes write’s object, and a dry run however it is asked', () => {
    const create = { verb: 'create', resource: 'configmaps', namespace: 'p' };
    expect(kubeChange(create, new URLSearchParams('dryRun=All'), { metadata: { name: 'c' } })).toEqual({
      operation: 'create configmaps',
      kind: 'configmaps',
      name: 'c',
      project: 'p',
      dryRun: true,
    });
    const remove = { verb: 'delete', resource: 'pods', name: 'web-0', namespace: 'p' };
    expect(kubeChange(remove, new URLSearchParams(), { kind: 'DeleteOptions', dryRun: ['All'] }).dryRun).toBe(
      true,
    );
    expect(kubeChange(remove, new URLSearchParams(), undefined)).toMatchObject({
      name: 'web-0',
      dryRun: false,
    });
  });

  it('reads a GraphQL mutation’s object and project from its arguments', () => {
    expect(
      graphqlChange('scaleStatefulSet', { project: 'p', name: 'web', replicas: 2, dryRun: true }),
    ).toEqual({
      operation: 'mutation scaleStatefulSet',
      kind: 'StatefulSet',
      name: 'web',
      project: 'p',
      dryRun: true,
    });
    expect(graphqlChange('createProject', { workspace: 'w', input: { name: 'p2' } })).toMatchObject({
      kind: 'Project',
      name: 'p2',
      project: 'p2',
    });
    expect(graphqlChange('addProjectMember', { project: 'p', input: { username: 'u' } })).toMatchObject({
      kind: 'ProjectMember',
      name: 'u',
      project: 'p',
    });
  });
});
