import { Injectable } from '@nestjs/common';
import type { Principal } from '../iam/principal';
import { KubeClient, NAMESPACES, type KubeObject, type V1Namespace } from '../kube';
import { ProjectsService } from '../tenancy/projects.service';

/** List items come without their kind; ks-apiserver's come with it, and the console reads it. */
export const typed =
  <T extends KubeObject>(resource: { apiVersion: string; kind: string }) =>
  (item: T): T => ({ ...item, apiVersion: resource.apiVersion, kind: resource.kind });

/** The Namespaces of the projects a caller may see (of one workspace, if named), as ks-apiserver answers them. */
@Injectable()
export class KsNamespaces {
  constructor(
    private readonly kube: KubeClient,
    private readonly projects: ProjectsService,
  ) {}

  async visible(principal: Principal, workspace?: string): Promise<V1Namespace[]> {
    const names = new Set((await this.projects.list(principal, workspace)).map((p) => p.name));
    const { items } = await this.kube.list(NAMESPACES);
    return items.filter((ns) => names.has(ns.metadata?.name ?? '')).map(typed(NAMESPACES));
  }

  async one(project: string): Promise<V1Namespace> {
    return typed<V1Namespace>(NAMESPACES)(await this.kube.get(NAMESPACES.ref(project)));
  }
}
