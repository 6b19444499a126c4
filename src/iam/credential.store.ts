import { API_TOKENS, SESSIONS } from './resources';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { KubeClient, KubeObject, Resource, ResourceRef } from '../kube';
import { ApiTokenResource, CREDENTIAL_LABELS, SessionResource } from './account.resource';

/**
 * Sessions and API tokens, one object each, with the service's own identity. Objects of their own,
 * so that signing in, refreshing and using tokens never rewrite the Account (no contention).
 */
@Injectable()
export class CredentialStore {
  constructor(private readonly kube: KubeClient) {}

  findSession(name: string): Promise<SessionResource | null> {
    return this.kube.find(SESSIONS.ref(name));
  }

  createSession(session: SessionResource): Promise<SessionResource> {
    return this.kube.create(session);
  }

  /** Writes the session back at the version it was read; CONFLICT if it changed meanwhile. */
  replaceSession(session: SessionResource): Promise<SessionResource> {
    return this.kube.replace(session);
  }

  sessionsOf(accountUID: string): Promise<SessionResource[]> {
    return this.listOf(SESSIONS, accountUID);
  }

  findToken(name: string): Promise<ApiTokenResource | null> {
    return this.kube.find(API_TOKENS.ref(name));
  }

  createToken(token: ApiTokenResource): Promise<ApiTokenResource> {
    return this.kube.create(token);
  }

  modifyToken(
    name: string,
    mutate: (token: ApiTokenResource) => ApiTokenResource | undefined,
  ): Promise<ApiTokenResource> {
    return this.kube.modify(API_TOKENS.ref(name), mutate);
  }

  tokensOf(accountUID: string): Promise<ApiTokenResource[]> {
    return this.listOf(API_TOKENS, accountUID);
  }

  /** Deletes the object if it is still there. */
  async delete(ref: ResourceRef<KubeObject>): Promise<void> {
    await this.kube.delete(ref).catch(ignoreNotFound);
  }

  /** Every session and API token of the account, gone (a password change, disabling). */
  async revokeAll(accountUID: string): Promise<void> {
    const [sessions, tokens] = await Promise.all([this.sessionsOf(accountUID), this.tokensOf(accountUID)]);
    await Promise.all([
      ...sessions.map((s) => this.delete(SESSIONS.ref(s.metadata.name))),
      ...tokens.map((t) => this.delete(API_TOKENS.ref(t.metadata.name))),
    ]);
  }

  private async listOf<T extends KubeObject>(resource: Resource<T>, accountUID: string): Promise<T[]> {
    const labelSelector = `${CREDENTIAL_LABELS.accountUID}=${accountUID}`;
    return (await this.kube.list(resource, { labelSelector })).items;
  }
}

export function ignoreNotFound(error: unknown): void {
  if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
}
