import { CUSTOM_RESOURCE_DEFINITIONS, NAMESPACES } from '../kube';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { generatedPassword } from '../auth/secrets';
import { SigningKeyStore } from '../auth/signing-key.store';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AccountResource } from '../iam/account.resource';
import { AccountStore } from '../iam/account.store';
import { IdentityService } from '../iam/identity.service';
import { PlatformRole } from '../iam/roles';
import { KubeCache, KubeClient, KubeObject, V1Namespace } from '../kube';
import { admissionPolicies } from './admission-policies';
import { LABELS } from '../iam/labels';
import { platformAdminBinding, projectClusterRoles, signedInReaders } from './cluster-roles';
import { CRDS } from './crds';
import { IAM_API_VERSION } from '../iam/api-groups';
import { POD_SECURITY_LABELS, podSecurityLabels } from '../iam/project-security';

interface CrdStatus extends KubeObject {
  status?: { conditions?: { type: string; status: string }[] };
}

/**
 * Makes the cluster ready for Berth before it serves requests: its CRDs, the project ClusterRoles,
 * the system namespace and token signing key, and the first platform admin. Idempotent, so every
 * replica runs it at start.
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly kube: KubeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signingKey: SigningKeyStore,
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
    private readonly identities: IdentityService,
    private readonly cache: KubeCache,
  ) {}

  async run(): Promise<void> {
    await Promise.all(CRDS.map((crd) => this.kube.apply(crd)));
    await Promise.all([
      ...projectClusterRoles().map((role) => this.kube.apply(role)),
      ...admissionPolicies().map((policy) => this.kube.apply(policy)),
      this.kube.apply(platformAdminBinding(this.identities.platformAdminGroup())),
      ...signedInReaders(this.identities.signedInGroup()).map((object) => this.kube.apply(object)),
      this.kube.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: this.config.systemNamespace, labels: { 'app.kubernetes.io/managed-by': 'berth' } },
      }),
    ]);
    await this.waitForCrds();
    await this.signingKey.load();
    await this.ensureAdmin();
    await this.labelOlderProjects();
    // Berth's kinds exist now; until each has synced, its reads go to the API server (and /readyz is 503).
    this.cache.start();
  }

  /** Projects made before pod security labels existed get the default level once. */
  private async labelOlderProjects(): Promise<void> {
    const projects = await this.kube.list(NAMESPACES, {
      labelSelector: LABELS.workspace,
    });
    const unlabelled = projects.items.filter((ns) => !ns.metadata?.labels?.[POD_SECURITY_LABELS.enforce]);
    await Promise.all(
      unlabelled.map((ns) =>
        this.kube.patch<V1Namespace>(
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: {
              name: ns.metadata?.name ?? '',
              labels: podSecurityLabels(this.config.podSecurityDefault),
            },
          },
          'merge',
        ),
      ),
    );
    if (unlabelled.length)
      this.logger.log(
        `Labelled ${unlabelled.length} project(s) for the "${this.config.podSecurityDefault}" pod security level`,
      );
  }

  private async waitForCrds(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (const crd of CRDS) {
      const ref = CUSTOM_RESOURCE_DEFINITIONS.ref(crd.metadata?.name ?? '');
      for (;;) {
        const current = await this.kube.get<CrdStatus>(ref);
        if (current.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
        if (Date.now() > deadline) throw new Error(`CRD ${ref.name} was not established within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  private async ensureAdmin(): Promise<void> {
    const { username, password } = this.config.admin;
    const existing = await this.accounts.find(username);
    if (existing) {
      // The variable chooses the first password only; say so rather than ignore it silently.
      if (password && !(await this.hasher.verify(existing.spec.passwordHash, password)))
        this.logger.warn(
          `BERTH_ADMIN_PASSWORD is not "${username}"'s password and is ignored: it only sets the first one. ` +
            'Change the password by signing in, or recover a lost one with `npm run admin:reset-password`',
        );
      return;
    }
    let initial = password;
    if (!initial) {
      if (this.config.kube?.kind !== 'local') {
        throw new Error(
          `No account "${username}" yet: set BERTH_ADMIN_PASSWORD to create the first platform admin`,
        );
      }
      initial = generatedPassword();
    }
    const account: AccountResource = {
      apiVersion: IAM_API_VERSION,
      kind: 'Account',
      metadata: { name: username, labels: { 'app.kubernetes.io/managed-by': 'berth' } },
      spec: {
        email: `${username}@berth.local`,
        platformRole: PlatformRole.ADMIN,
        state: 'Active',
        passwordHash: await this.hasher.hash(initial),
        tokenGeneration: 0,
      },
    };
    try {
      await this.accounts.create(account);
    } catch (error) {
      if (await this.accounts.find(username)) return; // another replica created it first
      throw error;
    }
    this.logger.log(`Created the platform admin "${username}"`);
    if (!password) {
      // Printed once, on the local control plane only, so a newcomer can sign in.
      process.stdout.write(
        `\n  Platform admin: ${username}\n  Password:       ${initial}\n` +
          '  (shown once; change it after signing in; lost it? `npm run admin:reset-password`)\n\n',
      );
    }
  }
}
