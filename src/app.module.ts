import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthModule } from './auth/auth.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { PlatformModule } from './platform/platform.module';
import { IamModule } from './iam/iam.module';
import { AccessModule } from './access/access.module';
import { LiveModule } from './live/live.module';
import { UsersModule } from './users/users.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { StatefulSetsModule } from './resources/workloads/statefulsets/statefulsets.module';
import { StorageModule } from './resources/storage/storage.module';
import { ConfigMapsModule } from './resources/configuration/configmaps/configmaps.module';
import { SecretsModule } from './resources/configuration/secrets/secrets.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { formatGraphQLError } from './common/errors/format-graphql-error';
import { costLimitPlugin, limitRules, noCacheControl } from './common/graphql/query-limits';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { ImagesModule } from './images/images.module';
import { KubeModule } from './kube';
import { KubeApiModule } from './kube-api/kube-api.module';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loggingParams } from './common/logging/logging';
import { requestInfoPlugin } from './common/graphql/request-info.plugin';
import { KubeconfigModule } from './kubeconfig/kubeconfig.module';
import { KubeSphereModule } from './kubesphere/kubesphere.module';
import { AuditModule } from './audit/audit.module';
import { GRAPHQL_PATH } from './common/graphql/graphql-path';

export interface GraphQLContext {
  req: Request;
  res: Response;
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    extraImports: Type[] = [],
    logging: { enabled: boolean; destination?: DestinationStream } = { enabled: true },
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(
          loggingParams(logging.enabled ? config.logLevel : 'silent', config.logFormat, logging.destination),
        ),
        KubeModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          // Built in memory; the committed schema.gql is rendered by `npm run artifacts`.
          autoSchemaFile: true,
          sortSchema: true,
          // Field resolvers share the exception filter; they are authorised by the query they belong to.
          fieldResolverEnhancers: ['interceptors', 'filters'],
          // Introspection and GraphiQL only when asked for (BERTH_GRAPHQL_PLAYGROUND); the page is
          // served by http-app.ts from this server, so Apollo's own landing page stays off.
          introspection: config.graphql.playground,
          graphiql: false,
          // Bounded before anything runs: tokens at parse, depth/aliases/directives at validation,
          // root fields and cost once the variables are known.
          parseOptions: { maxTokens: config.graphql.maxTokens },
          validationRules: limitRules(config.graphql),
          plugins: [requestInfoPlugin(), costLimitPlugin(config.graphql), noCacheControl()],
          allowBatchedHttpRequests: config.graphql.maxBatch > 0,
          includeStacktraceInErrorResponses: false,
          formatError: (formatted, error) =>
            formatGraphQLError(formatted, error, { hideSuggestions: !config.graphql.playground }),
          context: ({ req, res }: GraphQLContext): GraphQLContext => ({ req, res }),
        }),
        IamModule,
        AuthModule,
        // Before AccessModule: both are global, and global modules' middleware runs in this order
        // (the audit trail's must see the requests the request budget answers itself).
        AuditModule,
        AccessModule,
        LiveModule,
        BootstrapModule,
        UsersModule,
        TenancyModule,
        HealthModule,
        PlatformModule,
        StatefulSetsModule,
        StorageModule,
        ImagesModule,
        ConfigMapsModule,
        SecretsModule,
        KubeApiModule,
        KubeSphereModule,
        KubeconfigModule,
        ...extraImports,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}
