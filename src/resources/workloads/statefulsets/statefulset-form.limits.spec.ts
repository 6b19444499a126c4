import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { validateInput } from '../../../common/validation/input-validation.pipe';
import { FORM_LIMITS } from './statefulset-form.limits';
import { StatefulSetForm } from './statefulset-form.model';

const form = (container: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
  name: 'demo',
  containers: [{ name: 'web', image: 'nginx', ...container }],
  ...rest,
});

async function refusal(body: unknown): Promise<{ path: string; message: string }[]> {
  try {
    await validateInput(StatefulSetForm, body);
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) return error.fields ?? [];
    throw error;
  }
  return [];
}

const many = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

// A tenant cannot make one form cost what it likes: every list and string of it is bounded.
describe('the bounds of a StatefulSet form', () => {
  it.each<[string, unknown, string]>([
    [
      'environment variables',
      form({ env: many(FORM_LIMITS.items + 1, (i) => ({ name: `V${i}`, value: 'x' })) }),
      'containers[0].env',
    ],
    ['command words', form({ command: many(FORM_LIMITS.items + 1, () => 'x') }), 'containers[0].command'],
    ['one argument', form({ args: ['x'.repeat(FORM_LIMITS.text + 1)] }), 'containers[0].args'],
    [
      'ports',
      form({ ports: many(FORM_LIMITS.few + 1, (i) => ({ name: `p${i}`, containerPort: 1000 + i })) }),
      'containers[0].ports',
    ],
    [
      'a quantity',
      form({ resources: { limits: { cpu: '1'.repeat(FORM_LIMITS.quantity + 1) } } }),
      'containers[0].resources.limits.cpu',
    ],
    [
      'capabilities',
      form({ securityContext: { capabilitiesAdd: many(FORM_LIMITS.few + 1, () => 'NET_ADMIN') } }),
      'containers[0].securityContext.capabilitiesAdd',
    ],
    [
      'init containers',
      form({}, { initContainers: many(FORM_LIMITS.few + 1, (i) => ({ name: `i${i}`, image: 'busybox' })) }),
      'initContainers',
    ],
    [
      'labels',
      form({}, { labels: many(FORM_LIMITS.items + 1, (i) => ({ key: `k${i}`, value: 'v' })) }),
      'labels',
    ],
    [
      'image pull secrets',
      form({}, { imagePullSecrets: many(FORM_LIMITS.few + 1, (i) => `s${i}`) }),
      'imagePullSecrets',
    ],
    [
      'a mount path',
      form({ volumeMounts: [{ name: 'data', mountPath: `/${'d'.repeat(FORM_LIMITS.path)}` }] }),
      'containers[0].volumeMounts[0].mountPath',
    ],
  ])('refuses too many or too long %s, naming the field', async (_what, body, path) => {
    const fields = await refusal(body);
    expect(fields.map((f) => f.path)).toContain(path);
  });

  it('accepts a form at every bound', async () => {
    const body = form({
      env: many(FORM_LIMITS.items, (i) => ({ name: `V${i}`, value: 'x'.repeat(100) })),
      args: ['x'.repeat(FORM_LIMITS.text)],
      securityContext: { capabilitiesAdd: many(FORM_LIMITS.few, () => 'NET_ADMIN') },
    });
    expect(await refusal(body)).toEqual([]);
  });
});
