import { SECRETS } from '../kube';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { KubeClient, V1Secret } from '../kube';

const SECRET_NAME = 'berth-token-signing-key';

/**
 * The HMAC key that signs access tokens. It lives in a Secret in the system namespace so that every
 * replica verifies every other replica's tokens; the first replica to start creates it.
 */
@Injectable()
export class SigningKeyStore {
  private loading: Promise<Uint8Array> | undefined;

  constructor(
    private readonly kube: KubeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Loads the key (at bootstrap); later calls share the first load. */
  async load(): Promise<void> {
    await this.key();
  }

  /**
   * The key, loaded once. A replica that could not load it at start (the API server unreachable)
   * tries again on use, so the caller sees that failure (UNAVAILABLE), not an internal error.
   */
  key(): Promise<Uint8Array> {
    this.loading ??= this.read().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async read(): Promise<Uint8Array> {
    const ref = SECRETS.ref(this.config.systemNamespace, SECRET_NAME);
    let secret = await this.kube.find<V1Secret>(ref);
    if (!secret) {
      const created: V1Secret = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: SECRET_NAME,
          namespace: this.config.systemNamespace,
          labels: { 'app.kubernetes.io/managed-by': 'berth' },
        },
        type: 'Opaque',
        data: { key: randomBytes(64).toString('base64') },
      };
      try {
        secret = await this.kube.create(created);
      } catch (error) {
        // Another replica won the race: use its key.
        if (!(error instanceof DomainError && error.code === ErrorCode.CONFLICT)) throw error;
        secret = await this.kube.get<V1Secret>(ref);
      }
    }
    const data = secret.data?.key;
    if (!data) throw new Error(`Secret ${this.config.systemNamespace}/${SECRET_NAME} has no "key"`);
    return Buffer.from(data, 'base64');
  }
}
