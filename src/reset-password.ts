// First: refuses an old Node before anything else loads.
import './runtime-check';
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DomainError } from './common/errors/domain-error';
import { IamModule } from './iam/iam.module';
import { KubeModule } from './kube';
import { startLocalCluster } from './local-cluster/local-cluster';
import { checkName } from './common/validation/names';
import { UsersModule } from './users/users.module';
import { UsersService } from './users/users.service';

/** Only what a password reset needs: no HTTP, no GraphQL, no bootstrap, no read cache. */
@Module({})
class ResetPasswordModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ResetPasswordModule,
      imports: [ConfigModule.forRoot(config), KubeModule, IamModule, AccessModule, UsersModule],
    };
  }
}

/**
 * `npm run admin:reset-password [-- <username>]`: recovers a lost password with cluster access (the
 * same KUBECONFIG, in-cluster account or local control plane as `npm start`). Prints the new
 * password once on stdout; everything else goes to stderr.
 */
async function resetPassword(): Promise<void> {
  let config = loadConfig(process.env);
  const username = checkName(process.argv[2] ?? config.admin.username, 'user', 'username');
  if (!config.kube) config = { ...config, kube: { kind: 'local', path: await startLocalCluster() } };
  config = { ...config, cache: { ...config.cache, enabled: false } };

  const app = await NestFactory.createApplicationContext(ResetPasswordModule.forRoot(config), {
    logger: ['error'],
  });
  try {
    const password = await app.get(UsersService).resetPassword(username);
    process.stdout.write(
      `\n  User:     ${username}\n  Password: ${password}\n` +
        `  (shown once; every session and API token of "${username}" has been ended)\n\n`,
    );
  } finally {
    await app.close();
  }
}

resetPassword().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof DomainError
      ? error.message
      : `The password was not reset: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
