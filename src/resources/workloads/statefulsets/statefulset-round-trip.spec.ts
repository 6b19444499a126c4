import fc from 'fast-check';
import { statefulSetForm } from './statefulset-form.arbitrary';
import { toForm } from './statefulset-from-manifests';
import { normalizeForm } from './statefulset-normalize';
import { toManifests } from './statefulset-to-manifests';

/** The property that ties the three translations together (see statefulset-manifest-shared.ts). */
describe('StatefulSet form <-> manifests', () => {
  it('round trip: reading the manifests back gives the (normalized) form, for any valid form', () => {
    fc.assert(
      fc.property(statefulSetForm, (form) => {
        const { statefulSet, service } = toManifests(form, 'ns', 'alice');
        expect(toForm(statefulSet, service)).toEqual(normalizeForm(form));
      }),
      { numRuns: 150 },
    );
  });

  it('normalizing is idempotent', () => {
    fc.assert(
      fc.property(statefulSetForm, (form) =>
        expect(normalizeForm(normalizeForm(form))).toEqual(normalizeForm(form)),
      ),
      { numRuns: 50 },
    );
  });
});
