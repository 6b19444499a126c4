import { SESSIONS } from '../iam/resources';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { CredentialStore } from '../iam/credential.store';
import { attemptRules, LoginAttemptsStore } from '../iam/login-attempts.store';
import { KubeClient } from '../kube';
const EVERY_MS = 10 * 60_000;

/**
 * Expired sessions and spent sign-in failure records are deleted now and then, by any replica (the
 * deletes are idempotent): nothing a sign-in or a made-up username leaves behind accumulates.
 */
@Injectable()
export class CredentialSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CredentialSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly kube: KubeClient,
    private readonly credentials: CredentialStore,
    private readonly attempts: LoginAttemptsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const now = Date.now();
      const sessions = (await this.kube.list(SESSIONS)).items;
      const expired = sessions.filter((s) => Date.parse(s.spec.expiresAt) <= now);
      await Promise.all(expired.map((s) => this.credentials.delete(SESSIONS.ref(s.metadata.name))));
      const rules = attemptRules(this.config);
      await this.attempts.sweep({
        ...rules.address,
        windowMs: Math.max(rules.address.windowMs, rules.user.windowMs),
      });
    } catch (error) {
      this.logger.warn(
        `Could not sweep old credentials: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
