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
  private key: Uint8Array | undefined;

  constructor(
    @Inject(KubeClient) private readonly kube: KubeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(): Promise<void> {
    const ref = {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: this.config.systemNamespace,
      name: SECRET_NAME,
    };
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
    this.key = Buffer.from(data, 'base64');
  }

  get(): Uint8Array {
    if (!this.key) throw new Error('The token signing key has not been loaded');
    return this.key;
  }
}
