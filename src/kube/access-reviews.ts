import type { Identity } from './identity';
import type { KubeObject } from './kube-types';

/** What one read asks Kubernetes' authorizer (a SubjectAccessReview's resourceAttributes). */
export interface ReadAttributes {
  verb: 'get' | 'list';
  /** The API group ('' for the core group). */
  group: string;
  /** The resource's plural name, as RBAC rules name it (e.g. `statefulsets`). */
  resource: string;
  namespace?: string;
  name?: string;
}

export interface SubjectAccessReview extends KubeObject {
  spec: {
    user: string;
    groups: string[];
    resourceAttributes: ReadAttributes;
  };
  status?: { allowed: boolean; denied?: boolean; reason?: string };
}

/** Sends one review as Berth itself (the adapter's `create`). */
export type Reviewer = (review: SubjectAccessReview) => Promise<SubjectAccessReview>;

/**
 * The second check on reads served from the cache: Kubernetes' own authorizer, asked with a
 * SubjectAccessReview for the impersonated user, answers remembered per user, group and attributes.
 * Answers are forgotten when RBAC changes where they could depend on it (`invalidate`) and after
 * `ttlMs` at the latest (for authorizers that are not RBAC), so a binding changed behind Berth's back
 * is refused again on the next read. At most `maxEntries` answers are kept; the oldest go first.
 */
export class AccessReviews {
  private readonly answers = new Map<string, { at: number; scope: string; allowed: Promise<boolean> }>();

  constructor(
    private readonly review: Reviewer,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * Whether `identity` may read as `attributes` say. A get is first asked without its name: RBAC that
   * allows every name answers for all of them with one review.
   */
  async allowed(identity: Identity, attributes: ReadAttributes): Promise<boolean> {
    if (attributes.name !== undefined) {
      const { name: _name, ...anyName } = attributes;
      if (await this.ask(identity, anyName)) return true;
    }
    return this.ask(identity, attributes);
  }

  /**
   * Forgets the answers a change of RBAC in `namespace` could alter, those of reviews still in flight
   * included; without a namespace (a ClusterRole or ClusterRoleBinding changed), every answer. A Role
   * or RoleBinding grants only inside its namespace, so one tenant's membership change does not cost
   * every other tenant a review.
   */
  invalidate(namespace?: string): void {
    if (namespace === undefined) return this.answers.clear();
    for (const [key, answer] of this.answers) if (answer.scope === namespace) this.answers.delete(key);
  }

  get size(): number {
    return this.answers.size;
  }

  private ask(identity: Identity, attributes: ReadAttributes): Promise<boolean> {
    const key = JSON.stringify([identity.user, identity.group ?? '', attributes]);
    const now = Date.now();
    const known = this.answers.get(key);
    if (known && now - known.at < this.ttlMs) return known.allowed;
    this.answers.delete(key);
    const allowed = this.review({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: identity.user,
        // What impersonation adds to every impersonated user.
        groups: [...(identity.group ? [identity.group] : []), 'system:authenticated'],
        resourceAttributes: attributes,
      },
    }).then((answer) => answer.status?.allowed === true);
    // A failed review is not remembered.
    allowed.catch(() => this.answers.get(key)?.allowed === allowed && this.answers.delete(key));
    this.answers.set(key, { at: now, scope: scopeOf(attributes), allowed });
    if (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value!);
    return allowed;
  }
}

/**
 * The namespace whose Roles and RoleBindings can decide `attributes` ('' for none). A namespace is
 * its own scope too: Kubernetes authorizes `GET /api/v1/namespaces/p1` as a request in `p1`.
 */
function scopeOf(attributes: ReadAttributes): string {
  if (attributes.namespace !== undefined) return attributes.namespace;
  return attributes.resource === 'namespaces' && attributes.group === '' ? (attributes.name ?? '') : '';
}
