import { parseKubeApiPath, type ResourceRequest } from './kube-api-path';
import { upstreamQuery, visibleEvents, visibleList, workspaceSelected } from './workspace-namespaces';

const request = (path: string, watch = false) => parseKubeApiPath('GET', path, watch) as ResourceRequest;
const selecting = (selector: string) => new URLSearchParams({ labelSelector: selector });

describe('a workspace’s Namespaces', () => {
  it('is a cluster-wide Namespace list or watch selecting exactly one workspace label', () => {
    const ws = selecting('kubesphere.io/workspace=demo-ws');
    expect(workspaceSelected(request('/api/v1/namespaces'), ws)).toBe('demo-ws');
    expect(workspaceSelected(request('/api/v1/watch/namespaces'), ws)).toBe('demo-ws');
    expect(
      workspaceSelected(request('/api/v1/namespaces', true), selecting('tenancy.berth.io/workspace == a')),
    ).toBe('a');
    for (const selector of [
      'kubesphere.io/workspace=demo-ws,team=a',
      'kubesphere.io/workspace!=demo-ws',
      'kubesphere.io/workspace in (a,b)',
      'kubesphere.io/workspace=Not_A_Name',
      'kubesphere.io/workspace=',
      'team=a',
    ])
      expect(workspaceSelected(request('/api/v1/namespaces'), selecting(selector))).toBeUndefined();
    const twice = new URLSearchParams(
      'labelSelector=kubesphere.io/workspace=a&labelSelector=kubesphere.io/workspace=b',
    );
    expect(workspaceSelected(request('/api/v1/namespaces'), twice)).toBeUndefined();
    // One Namespace, or anything in a namespace, is authorized as usual.
    expect(workspaceSelected(request('/api/v1/namespaces/demo'), ws)).toBeUndefined();
    expect(workspaceSelected(request('/api/v1/namespaces/demo/pods'), ws)).toBeUndefined();
    expect(workspaceSelected(request('/apis/apps/v1/statefulsets'), ws)).toBeUndefined();
  });

  it('asks the API server by Berth’s own label, passing on only paging and watch options', () => {
    const query = new URLSearchParams(
      'labelSelector=kubesphere.io/workspace=w&fieldSelector=metadata.name=x&watch=1&resourceVersion=7&timeoutSeconds=5&pretty=1',
    );
    expect(Object.fromEntries(new URLSearchParams(upstreamQuery(query, 'w')))).toEqual({
      watch: '1',
      resourceVersion: '7',
      timeoutSeconds: '5',
      labelSelector: 'tenancy.berth.io/workspace=w',
    });
  });

  const visible =
    (...names: string[]) =>
    (name: string) =>
      Promise.resolve(names.includes(name));
  const ns = (name: string) => ({ metadata: { name } });

  it('takes the projects the caller may not see out of a list, keeping its metadata', async () => {
    const list = {
      kind: 'NamespaceList',
      metadata: { resourceVersion: '9' },
      items: [ns('a'), ns('b'), ns('c')],
    };
    expect(JSON.parse(await visibleList(JSON.stringify(list), visible('b')))).toEqual({
      ...list,
      items: [ns('b')],
    });
  });

  const streamOf = (lines: string[]) => new Blob([lines.join('\n')]).stream();
  const events = async (lines: object[], isVisible: (n: string) => Promise<boolean>, seen: string[] = []) => {
    const out = await new Response(
      visibleEvents(streamOf(lines.map((l) => JSON.stringify(l))) as never, isVisible, seen),
    ).text();
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; object: { metadata?: { name?: string } } })
      .map((e) => `${e.type} ${e.object.metadata?.name ?? '-'}`);
  };

  it('passes on the events of visible projects, and their deletion only when it was sent', async () => {
    expect(
      await events(
        [
          { type: 'ADDED', object: ns('mine') },
          { type: 'ADDED', object: ns('theirs') },
          { type: 'BOOKMARK', object: { metadata: { resourceVersion: '3' } } },
          { type: 'MODIFIED', object: ns('theirs') },
          { type: 'DELETED', object: ns('theirs') },
          { type: 'DELETED', object: ns('mine') },
        ],
        visible('mine'),
      ),
    ).toEqual(['ADDED mine', 'BOOKMARK -', 'DELETED mine']);
  });

  it('sends DELETED when the caller stops seeing a project, and for what it saw when the watch began', async () => {
    let member = true;
    const now = (name: string) => Promise.resolve(name === 'mine' && member);
    const stream = [
      { type: 'MODIFIED', object: ns('mine') },
      { type: 'MODIFIED', object: ns('mine') },
    ];
    const out: string[] = [];
    const lines = stream.map((l) => JSON.stringify(l));
    const body = visibleEvents(streamOf(lines) as never, (name) => {
      const answer = now(name);
      member = false; // taken out of the project after the first event
      return answer;
    });
    for (const line of (await new Response(body).text()).split('\n').filter(Boolean))
      out.push((JSON.parse(line) as { type: string }).type);
    expect(out).toEqual(['MODIFIED', 'DELETED']);
    // Begun from a resourceVersion: the deletion of a project seen then goes on though no ADDED went.
    expect(await events([{ type: 'DELETED', object: ns('old') }], visible(), ['old'])).toEqual([
      'DELETED old',
    ]);
  });
});
