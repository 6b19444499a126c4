import { parseKubeApiPath } from './kube-api-path';
import { patchContentType } from './patch-directives';

const patch = (path: string) => parseKubeApiPath('PATCH', path, false);
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const STATEFUL_SET = '/apis/apps/v1/namespaces/p/statefulsets/web';
const MERGE = 'application/merge-patch+json';

describe('a merge patch carrying a strategic-merge directive', () => {
  it('goes as a strategic merge patch: the console’s rollback replaces the template', () => {
    const rollback = bytes({
      spec: { template: { $patch: 'replace', metadata: { labels: { app: 'web' } } } },
    });
    expect(patchContentType(patch(STATEFUL_SET), MERGE, rollback)).toBe(
      'application/strategic-merge-patch+json',
    );
  });

  it('leaves every other patch as it came', () => {
    const scale = bytes({ spec: { replicas: 2 } });
    expect(patchContentType(patch(STATEFUL_SET), MERGE, scale)).toBe(MERGE);
    // "$patch" only inside a value is no directive.
    expect(
      patchContentType(patch(STATEFUL_SET), MERGE, bytes({ metadata: { annotations: { a: '"$patch"' } } })),
    ).toBe(MERGE);
    const directive = bytes({ spec: { $patch: 'replace' } });
    expect(patchContentType(patch(STATEFUL_SET), 'application/json-patch+json', directive)).toBe(
      'application/json-patch+json',
    );
    // Custom resources take no strategic merge patch.
    expect(patchContentType(patch('/apis/example.com/v1/namespaces/p/things/t'), MERGE, directive)).toBe(
      MERGE,
    );
    expect(patchContentType(patch(STATEFUL_SET), MERGE, Buffer.from('{not json "$patch"'))).toBe(MERGE);
  });
});
