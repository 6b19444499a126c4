import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { projectAccess } from '../../../../test/support/factories';
import type { KubeClient, KubeObject, KubeRef, WriteOptions } from '../../../kube';
import type { RevisionsService } from './revisions.service';
import type { StatefulSetQueries } from './statefulset-queries.service';
import { StatefulSetsService } from './statefulsets.service';

/**
 * The all-or-nothing create when the API server accepts the StatefulSet's dry run but then refuses
 * the StatefulSet (a race the e2e tests cannot provoke on demand): the Service it made goes again.
 */
describe('StatefulSetsService.create: all or nothing', () => {
  const access = projectAccess({ role: null });
  const form = {
    name: 'web',
    replicas: 1,
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
  };

  /** A client that records every write and refuses what `refuse` says, after the dry runs. */
  function fakeClient(refuse: (object: KubeObject) => DomainError | null) {
    const writes: string[] = [];
    const client = {
      create: (object: KubeObject, options: WriteOptions = {}) => {
        const what = `${options.dryRun ? 'dry-run ' : ''}create ${object.kind}/${object.metadata?.name}`;
        writes.push(what);
        const error = options.dryRun ? null : refuse(object);
        return error ? Promise.reject(error) : Promise.resolve(object);
      },
      delete: (ref: KubeRef) => {
        writes.push(`delete ${ref.kind}/${ref.name}`);
        return Promise.resolve({});
      },
    };
    const kube = { as: () => client } as unknown as KubeClient;
    const service = new StatefulSetsService(
      kube,
      {} as StatefulSetQueries,
      { list: () => Promise.resolve([]) } as unknown as RevisionsService,
    );
    return { service, writes };
  }

  it('removes the Service it created when the StatefulSet is refused after its dry run, and says why', async () => {
    const refused = new DomainError(ErrorCode.CONFLICT, 'statefulsets.apps "web" already exists');
    const { service, writes } = fakeClient((o) => (o.kind === 'StatefulSet' ? refused : null));
    await expect(service.create(access, form, false)).rejects.toBe(refused);
    expect(writes.filter((w) => !w.startsWith('dry-run'))).toEqual([
      'create Service/web',
      'create StatefulSet/web',
      'delete Service/web',
    ]);
  });

  it('writes nothing but the dry runs when asked for a dry run', async () => {
    const { service, writes } = fakeClient(() => null);
    const change = await service.create(access, form, true);
    expect(change.dryRun).toBe(true);
    expect(writes.sort()).toEqual(['dry-run create Service/web', 'dry-run create StatefulSet/web']);
  });
});
