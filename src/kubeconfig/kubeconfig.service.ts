import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { httpOf } from '../access/request-scopes';
import { stringify } from 'yaml';
import { DomainError } from '../common/errors/domain-error';
import { KUBE_API_PATH } from '../common/http/edge';
import type { Principal } from '../iam/principal';
import { ProjectsService } from '../tenancy/projects.service';
import { UsersService } from '../users/users.service';
import type { CreatedKubeconfig, CreateKubeconfigInput } from './kubeconfig.models';

/** A kubeconfig names a context per project; past this many, name one with `project`. */
const MAX_CONTEXTS = 100;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * A kubeconfig for the caller's own projects: a new API token (the caller's, with the scope and
 * expiry they chose) and one context per project they may see, each pointing at Berth's Kubernetes
 * API path, where every request is checked by Berth and again by Kubernetes as that user.
 */
@Injectable()
export class KubeconfigService {
  constructor(
    private readonly users: UsersService,
    private readonly projects: ProjectsService,
  ) {}

  async create(
    principal: Principal,
    input: CreateKubeconfigInput,
    origin: Origin,
  ): Promise<CreatedKubeconfig> {
    const { username } = principal;
    const server = `${(input.server ?? originOf(origin)).replace(/\/+$/, '')}${KUBE_API_PATH}`;
    const projects = (await this.projects.list(principal)).map((p) => p.name).sort();
    if (input.project && !projects.includes(input.project))
      throw DomainError.notFound('project', input.project);
    const current = input.project ?? projects[0];
    const named = [
      ...(current ? [current] : []),
      ...projects.filter((p) => p !== current).slice(0, MAX_CONTEXTS - 1),
    ];
    // Everything checked before the token exists: a refused request leaves no token behind.
    const { token, apiToken } = await this.users.createToken(principal, username, input);
    const user = `${username}@berth`;
    const kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'berth', cluster: { server } }],
      users: [{ name: user, user: { token } }],
      contexts: named.map((project) => ({
        name: `berth-${project}`,
        context: { cluster: 'berth', user, namespace: project },
      })),
      'current-context': current ? `berth-${current}` : '',
    });
    return { kubeconfig, apiToken };
  }
}

/** Where the request came to (scheme and Host header): the address a kubeconfig names by default. */
export interface Origin {
  protocol: string;
  host: string | undefined;
}

export const RequestOrigin = createParamDecorator((_: unknown, context: ExecutionContext): Origin => {
  const { req } = httpOf(context);
  return { protocol: req.protocol, host: req.get('host') };
});

function originOf({ protocol, host }: Origin): string {
  if (!host || !HOST.test(host))
    throw DomainError.badField('server', 'name Berth’s address: the request’s Host header is not one');
  return `${protocol === 'https' ? 'https' : 'http'}://${host}`;
}
