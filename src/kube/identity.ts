/**
 * Who a request to the API server is made for. Namespaced calls made on a user's behalf
 * impersonate them, so the API server's own RBAC refuses whatever Berth should have refused.
 */
export interface Identity {
  /** The Kubernetes user name (Berth's username with the configured prefix). */
  user: string;
  /** At most one group: the caller's workspace-wide role group, bound in each of its projects. */
  group?: string;
}
