import { PERSISTENT_VOLUME_CLAIMS, SERVICES, STATEFUL_SETS } from '../../../kube';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ProjectAccess } from '../../../access/scope-access';
import { KubeClient, KubeObject, V1PersistentVolumeClaim, V1Service, V1StatefulSet } from '../../../kube';
import { ANNOTATIONS } from '../../../iam/labels';
import { RevisionsService } from './revisions.service';
import type { ServicePortInput } from './statefulset-inputs';
import type { StatefulSetForm } from './statefulset-form.model';
import { validateForm } from './statefulset-form.validation';
import { asksGatedField, droppedFields } from './statefulset-gated-fields';
import { APP_LABEL, RESTARTED_AT_ANNOTATION } from './statefulset-manifest-shared';
import { toManifests, toService } from './statefulset-to-manifests';
import { immutableChanges, mergeForUpdate } from './statefulset-merge';
import { StatefulSetQueries } from './statefulset-queries.service';
import type { StatefulSetChange } from './statefulset.model';
import { parseStatefulSetYaml } from './statefulset-yaml';
import { checkProjectPolicy, withRestrictedDefaults } from './statefulset-policy';
import { selectorOf, toView } from './statefulset-view';
import { objectYaml } from '../../../kube/object-yaml';

/**
 * Every change to StatefulSets, made as the requesting user. Each change can be a dry run: the API
 * server validates it in full and the answer shows the objects, but nothing is written.
 */
@Injectable()
export class StatefulSetsService {
  private readonly logger = new Logger(StatefulSetsService.name);

  constructor(
    private readonly kube: KubeClient,
    private readonly queries: StatefulSetQueries,
    private readonly revisions: RevisionsService,
  ) {}

  async create(access: ProjectAccess, form: StatefulSetForm, dryRun: boolean): Promise<StatefulSetChange> {
    const errors = validateForm(form);
    if (errors.length) throw DomainError.badInput(errors);
    const { statefulSet, service } = toManifests(form, access.project, access.principal.username);
    withRestrictedDefaults(access, statefulSet);
    checkProjectPolicy(access, { statefulSet, service }, { form });
    return this.createPair(access, statefulSet, service, dryRun, 'form');
  }

  /** The Edit Mode YAML: a StatefulSet, with its Service or one made for it. */
  async createFromYaml(access: ProjectAccess, yaml: string, dryRun: boolean): Promise<StatefulSetChange> {
    const docs = parseStatefulSetYaml(yaml, access.project);
    const creator = { [ANNOTATIONS.creator]: access.principal.username };
    const statefulSet = {
      ...docs.statefulSet,
      metadata: {
        ...docs.statefulSet.metadata,
        annotations: { ...docs.statefulSet.metadata?.annotations, ...creator },
      },
    };
    checkProjectPolicy(access, docs, docs.at);
    const service = docs.service ?? headlessServiceFor(statefulSet);
    service.metadata = { ...service.metadata, annotations: { ...service.metadata?.annotations, ...creator } };
    return this.createPair(access, statefulSet, service, dryRun, 'yaml');
  }

  async update(
    access: ProjectAccess,
    name: string,
    form: StatefulSetForm,
    resourceVersion: string,
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    if (form.name !== name)
      throw DomainError.badField('name', 'cannot be changed (it names the StatefulSet, its pods and claims)');
    const errors = validateForm(form);
    if (errors.length) throw DomainError.badInput(errors);
    const client = this.kube.as(access.identity);
    const existing = await this.queries.latest(access, name);
    const updated = mergeForUpdate(existing, toManifests(form, access.project).statefulSet);
    withRestrictedDefaults(access, updated);
    checkProjectPolicy(access, { statefulSet: updated }, { form });
    updated.metadata!.resourceVersion = resourceVersion;
    const immutable = immutableChanges(existing, updated);
    if (immutable.length) throw DomainError.badInput(immutable);
    const written = await this.replaceChecked(client, updated, dryRun, 'form');
    const service = await this.syncServicePorts(access, form, dryRun);
    return this.change(access, dryRun, written, [written, ...(service ? [service] : [])]);
  }

  /** Edit YAML: replaces the StatefulSet; `resourceVersion` (or the YAML's) guards against lost updates. */
  async replaceFromYaml(
    access: ProjectAccess,
    name: string,
    yaml: string,
    resourceVersion: string | undefined,
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    const docs = parseStatefulSetYaml(yaml, access.project, true);
    if (docs.service)
      throw DomainError.badField(
        'yaml',
        'replaces the StatefulSet only; change its Service with updateStatefulSetService',
      );
    const statefulSet = docs.statefulSet;
    checkProjectPolicy(access, docs, docs.at);
    if (statefulSet.metadata?.name !== name)
      throw DomainError.badField('yaml[0].metadata.name', `must be "${name}"`);
    const version = resourceVersion ?? statefulSet.metadata.resourceVersion;
    if (!version)
      throw DomainError.badField(
        'resourceVersion',
        'is required, so that a change made meanwhile is not overwritten',
      );
    const existing = await this.queries.latest(access, name);
    statefulSet.metadata = { ...statefulSet.metadata, resourceVersion: version };
    const immutable = immutableChanges(existing, statefulSet);
    if (immutable.length) throw DomainError.badInput(immutable);
    const written = await this.replaceChecked(this.kube.as(access.identity), statefulSet, dryRun, 'yaml');
    return this.change(access, dryRun, written, [written]);
  }

  async scale(
    access: ProjectAccess,
    name: string,
    replicas: number,
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    if (!Number.isInteger(replicas) || replicas < 0 || replicas > 1000)
      throw DomainError.badField('replicas', 'must be an integer from 0 to 1000');
    const client = this.kube.as(access.identity);
    await client.scaleStatefulSet(access.project, name, replicas, { dryRun });
    const statefulSet = await this.queries.raw(access, name);
    const shown = dryRun ? { ...statefulSet, spec: { ...statefulSet.spec!, replicas } } : statefulSet;
    return this.change(access, dryRun, shown, [shown]);
  }

  /** Stamps a restart time on the pod template, so the controller replaces every pod. */
  async redeploy(access: ProjectAccess, name: string, dryRun: boolean): Promise<StatefulSetChange> {
    const client = this.kube.as(access.identity);
    const patch: V1StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: access.project },
      spec: {
        template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: new Date().toISOString() } } },
      } as unknown as V1StatefulSet['spec'],
    };
    const written = await client.patch(patch, 'strategic', { dryRun });
    const onDelete = written.spec?.updateStrategy?.type === 'OnDelete';
    const message = onDelete ? 'The update strategy is OnDelete: no pod restarts until it is deleted.' : null;
    return { ...(await this.change(access, dryRun, written, [written])), message };
  }

  async updateService(
    access: ProjectAccess,
    name: string,
    ports: ServicePortInput[],
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    const statefulSet = await this.queries.raw(access, name);
    const containerPorts = (statefulSet.spec?.template.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => p.containerPort),
    );
    ports.forEach((p, i) => {
      if (!containerPorts.includes(p.targetPort))
        throw DomainError.badField(
          `ports[${i}].targetPort`,
          `no container of "${name}" exposes port ${p.targetPort}`,
        );
      if (ports.findIndex((q) => q.name === p.name) !== i)
        throw DomainError.badField(`ports[${i}].name`, `"${p.name}" is used twice`);
      if (ports.findIndex((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP')) !== i)
        throw DomainError.badField(`ports[${i}].port`, `${p.port} is used twice`);
    });
    const client = this.kube.as(access.identity);
    const ref = SERVICES.ref(access.project, statefulSet.spec?.serviceName ?? '');
    const service = await client.latest<V1Service>(ref);
    const ported: V1Service = {
      ...service,
      spec: {
        ...service.spec,
        ports: ports.map((p) => ({
          name: p.name,
          protocol: p.protocol ?? 'TCP',
          port: p.port,
          targetPort: p.targetPort,
        })),
      },
    };
    const written = await client.replace(ported, { dryRun });
    return this.change(access, dryRun, statefulSet, [written]);
  }

  async rollback(
    access: ProjectAccess,
    name: string,
    revision: number,
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    const written = await this.revisions.rollback(
      access,
      await this.queries.raw(access, name),
      revision,
      dryRun,
    );
    return this.change(access, dryRun, written, [written]);
  }

  /** The Service goes unless kept; claims stay unless asked for (data is deleted only on request). */
  async delete(
    access: ProjectAccess,
    name: string,
    options: { deleteService: boolean; deleteVolumes: boolean },
    dryRun: boolean,
  ): Promise<StatefulSetChange> {
    const client = this.kube.as(access.identity);
    const statefulSet = await this.queries.raw(access, name);
    const deleted: KubeObject[] = [statefulSet];
    await client.delete(STATEFUL_SETS.ref(access.project, name), {
      dryRun,
      propagationPolicy: 'Background',
      preconditions: { uid: statefulSet.metadata?.uid },
    });
    if (options.deleteService) {
      const service = await client.find<V1Service>(
        SERVICES.ref(access.project, statefulSet.spec?.serviceName ?? ''),
      );
      if (
        service &&
        service.spec?.selector?.[APP_LABEL] === statefulSet.spec?.selector.matchLabels?.[APP_LABEL]
      ) {
        await client.delete(SERVICES.ref(access.project, service.metadata?.name ?? ''), { dryRun });
        deleted.push(service);
      }
    }
    if (options.deleteVolumes) {
      for (const claim of await this.templateClaims(access, statefulSet)) {
        const ref = PERSISTENT_VOLUME_CLAIMS.ref(access.project, claim.metadata?.name ?? '');
        // A retention policy of Delete lets the garbage collector remove them too; gone is gone.
        await client.delete(ref, { dryRun }).catch(ignoreNotFound);
        deleted.push(claim);
      }
    }
    return { dryRun, statefulSet: null, objects: deleted.map(objectYaml), message: null };
  }

  /** Claims the controller made from the volume claim templates: `<template>-<name>-<ordinal>`. */
  private async templateClaims(
    access: ProjectAccess,
    statefulSet: V1StatefulSet,
  ): Promise<V1PersistentVolumeClaim[]> {
    const templates = (statefulSet.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
    const name = statefulSet.metadata?.name ?? '';
    const pattern = new RegExp(`^(${templates.map(escape).join('|')})-${escape(name)}-\\d+$`);
    if (!templates.length) return [];
    const claims = await this.kube.as(access.identity).list(PERSISTENT_VOLUME_CLAIMS, {
      namespace: access.project,
      labelSelector: selectorOf(statefulSet),
    });
    return claims.items.filter((c) => pattern.test(c.metadata?.name ?? ''));
  }

  /**
   * All or nothing: the API server validates both objects first (dry run); the Service is created
   * before the StatefulSet (which has side effects: pods and claims) and removed if the StatefulSet
   * fails after all.
   */
  private async createPair(
    access: ProjectAccess,
    statefulSet: V1StatefulSet,
    service: V1Service,
    dryRun: boolean,
    source: 'form' | 'yaml',
  ): Promise<StatefulSetChange> {
    const client = this.kube.as(access.identity);
    // Two round trips, as the direct calls take: the StatefulSet is checked (a dry run) while the
    // Service is made, then made itself. The Service goes first because taking it back is harmless,
    // while a StatefulSet taken back may already have made pods and claims (claims outlive it); any
    // refusal after it was made takes it back. A dry run checks both and makes nothing.
    const [checked, made] = await Promise.allSettled([
      client.create(statefulSet, { dryRun: true }),
      client.create(service, { dryRun }),
    ]);
    const takeBack = async (error: unknown): Promise<never> => {
      if (!dryRun && made.status === 'fulfilled') await this.removeService(client, access.project, service);
      throw error;
    };
    if (checked.status === 'rejected') return takeBack(checked.reason);
    if (made.status === 'rejected') throw made.reason;
    const dropped = droppedFields(statefulSet, checked.value, source);
    if (dropped.length) return takeBack(DomainError.badInput(dropped));
    if (dryRun)
      return {
        dryRun,
        statefulSet: null,
        objects: [checked.value, made.value].map(objectYaml),
        message: null,
      };
    const createdService = made.value;
    let created: V1StatefulSet;
    try {
      created = await client.create(statefulSet);
    } catch (error) {
      return takeBack(error);
    }
    // The view from what the API server answered: a StatefulSet created a moment ago has no pods yet.
    return {
      dryRun: false,
      statefulSet: toView(created, createdService, []),
      objects: [created, createdService].map(objectYaml),
      message: null,
    };
  }

  /** Takes back the Service a failed create made; if that fails too, it is logged (the create's error answers). */
  private async removeService(client: KubeClient, project: string, service: V1Service): Promise<void> {
    const name = service.metadata?.name ?? '';
    await client.delete(SERVICES.ref(project, name)).catch((cleanup: unknown) => {
      this.logger.error(`Could not remove Service ${name} after a failed create: ${String(cleanup)}`);
    });
  }

  /** Replaces the StatefulSet; a field this cluster would silently drop is refused before anything is written. */
  private async replaceChecked(
    client: KubeClient,
    statefulSet: V1StatefulSet,
    dryRun: boolean,
    source: 'form' | 'yaml',
  ): Promise<V1StatefulSet> {
    if (!asksGatedField(statefulSet)) return client.replace(statefulSet, { dryRun });
    const checked = await client.replace(statefulSet, { dryRun: true });
    const dropped = droppedFields(statefulSet, checked, source);
    if (dropped.length) throw DomainError.badInput(dropped);
    return dryRun ? checked : client.replace(statefulSet);
  }

  /** Keeps the headless Service's ports in step with the containers' service ports. */
  private async syncServicePorts(
    access: ProjectAccess,
    form: StatefulSetForm,
    dryRun: boolean,
  ): Promise<V1Service | null> {
    const client = this.kube.as(access.identity);
    const desired = toService(form, access.project);
    const ref = SERVICES.ref(access.project, desired.metadata?.name ?? '');
    const current = await client.latest<V1Service>(ref).catch(ignoreNotFound);
    if (!current || current.spec?.selector?.[APP_LABEL] !== form.name) return null;
    const same =
      JSON.stringify((current.spec?.ports ?? []).map(portKey)) ===
      JSON.stringify((desired.spec?.ports ?? []).map(portKey));
    if (same) return null;
    return client.replace({ ...current, spec: { ...current.spec, ports: desired.spec?.ports } }, { dryRun });
  }

  /** The answer to a change: what was written, and (unless a dry run) the StatefulSet as it now is. */
  private async change(
    access: ProjectAccess,
    dryRun: boolean,
    statefulSet: V1StatefulSet,
    objects: KubeObject[],
  ): Promise<StatefulSetChange> {
    const view = dryRun ? null : await this.queries.get(access, statefulSet.metadata?.name ?? '');
    return { dryRun, statefulSet: view, objects: objects.map(objectYaml), message: null };
  }
}

/** The headless Service a StatefulSet from YAML gets when the YAML brings none. */
export function headlessServiceFor(statefulSet: V1StatefulSet): V1Service {
  const ports = (statefulSet.spec?.template.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({
      name: p.name,
      protocol: p.protocol ?? 'TCP',
      port: p.containerPort,
      targetPort: p.containerPort,
    })),
  );
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: statefulSet.spec?.serviceName,
      namespace: statefulSet.metadata?.namespace,
      labels: statefulSet.spec?.selector?.matchLabels,
    },
    spec: {
      clusterIP: 'None',
      selector: statefulSet.spec?.selector?.matchLabels,
      ...(ports.length ? { ports } : {}),
    },
  };
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
}

function portKey(p: { name?: string; protocol?: string; port: number; targetPort?: unknown }): string {
  return `${p.name}/${p.protocol ?? 'TCP'}/${p.port}/${String(p.targetPort)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
