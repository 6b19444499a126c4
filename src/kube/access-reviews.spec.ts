import { AccessReviews, type SubjectAccessReview } from './access-reviews';

const alice = { user: 'berth:alice', group: 'berth:ws-regular' };
const list = { verb: 'list' as const, group: 'apps', resource: 'statefulsets', namespace: 'p1' };

/** A scripted authorizer: allows what `allow` says, counts the reviews it was sent. */
function authorizer(allow: (review: SubjectAccessReview) => boolean) {
  const sent: SubjectAccessReview[] = [];
  const review = (r: SubjectAccessReview) => {
    sent.push(r);
    return Promise.resolve({ ...r, status: { allowed: allow(r) } });
  };
  return { sent, review };
}

describe('AccessReviews', () => {
  it('asks Kubernetes as the impersonated user would be seen, and remembers the answer', async () => {
    const { sent, review } = authorizer(() => true);
    const reviews = new AccessReviews(review, 60_000);
    expect(await reviews.allowed(alice, list)).toBe(true);
    expect(await reviews.allowed(alice, list)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0].spec).toEqual({
      user: 'berth:alice',
      groups: ['berth:ws-regular', 'system:authenticated'],
      resourceAttributes: list,
    });
  });

  it('keeps answers apart per user, group and attributes', async () => {
    const { sent, review } = authorizer((r) => r.spec.resourceAttributes.namespace === 'p1');
    const reviews = new AccessReviews(review, 60_000);
    expect(await reviews.allowed(alice, list)).toBe(true);
    expect(await reviews.allowed(alice, { ...list, namespace: 'p2' })).toBe(false);
    expect(await reviews.allowed({ user: 'berth:bob' }, list)).toBe(true);
    expect(await reviews.allowed({ ...alice, group: 'other' }, list)).toBe(true);
    expect(sent).toHaveLength(4);
  });

  it('forgets every answer when RBAC changes, and after the TTL', async () => {
    let allowed = true;
    const { sent, review } = authorizer(() => allowed);
    const reviews = new AccessReviews(review, 60_000);
    expect(await reviews.allowed(alice, list)).toBe(true);
    allowed = false;
    expect(await reviews.allowed(alice, list)).toBe(true); // remembered
    reviews.invalidate();
    expect(await reviews.allowed(alice, list)).toBe(false);
    expect(sent).toHaveLength(2);

    const expiring = new AccessReviews(review, 0);
    await expiring.allowed(alice, list);
    await expiring.allowed(alice, list);
    expect(sent).toHaveLength(4);
  });

  it('forgets on a namespace RBAC change only the answers in that namespace (and its Namespace)', async () => {
    // Namespaces are allowed by name only, so the named get is asked (and remembered) too.
    const { sent, review } = authorizer(
      (r) => r.spec.resourceAttributes.resource !== 'namespaces' || r.spec.resourceAttributes.name === 'p1',
    );
    const reviews = new AccessReviews(review, 60_000);
    const asked = [
      list,
      { ...list, namespace: 'p2' },
      { verb: 'get' as const, group: '', resource: 'namespaces', name: 'p1' },
      { verb: 'list' as const, group: '', resource: 'nodes' },
    ];
    for (const attributes of asked) await reviews.allowed(alice, attributes);
    expect(sent).toHaveLength(5);
    reviews.invalidate('p1');
    for (const attributes of asked) await reviews.allowed(alice, attributes);
    // Again: the list in p1 and the named get of Namespace p1; p2's list and the cluster-wide ones stay.
    expect(sent.slice(5).map((r) => r.spec.resourceAttributes)).toEqual([list, asked[2]]);
    reviews.invalidate();
    for (const attributes of asked) await reviews.allowed(alice, attributes);
    expect(sent).toHaveLength(12);
    expect(await reviews.allowed(alice, { ...asked[2], name: 'p2' })).toBe(false);
  });

  it('asks a get without its name first, and by name only when that is refused', async () => {
    const get = { verb: 'get' as const, group: '', resource: 'configmaps', namespace: 'p1' };
    const { sent, review } = authorizer((r) => r.spec.resourceAttributes.name === 'mine');
    const reviews = new AccessReviews(review, 60_000);
    expect(await reviews.allowed(alice, { ...get, name: 'mine' })).toBe(true);
    expect(await reviews.allowed(alice, { ...get, name: 'theirs' })).toBe(false);
    expect(sent.map((r) => r.spec.resourceAttributes.name)).toEqual([undefined, 'mine', 'theirs']);

    const everyName = authorizer(() => true);
    const open = new AccessReviews(everyName.review, 60_000);
    expect(await open.allowed(alice, { ...get, name: 'a' })).toBe(true);
    expect(await open.allowed(alice, { ...get, name: 'b' })).toBe(true);
    expect(everyName.sent).toHaveLength(1);
  });

  it('does not remember a failed review, and keeps at most maxEntries answers', async () => {
    let fail = true;
    const sent: SubjectAccessReview[] = [];
    const reviews = new AccessReviews(
      (r) => {
        sent.push(r);
        return fail
          ? Promise.reject(new Error('down'))
          : Promise.resolve({ ...r, status: { allowed: true } });
      },
      60_000,
      2,
    );
    await expect(reviews.allowed(alice, list)).rejects.toThrow('down');
    fail = false;
    expect(await reviews.allowed(alice, list)).toBe(true);
    for (const namespace of ['a', 'b', 'c']) await reviews.allowed(alice, { ...list, namespace });
    expect(reviews.size).toBe(2);
  });
});
