import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** argon2id with the library defaults (19 MiB, 2 passes: OWASP's recommendation). */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real verification, so an unknown username is not revealed by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= hash('not-a-real-password-0A');
    await this.verify(await this.dummy, password);
    return false;
  }
}
