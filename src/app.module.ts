import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { ClusterModule } from './cluster/cluster.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { formatGraphQLError } from './common/errors/format-graphql-error';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { KubeModule } from './kube';

export interface GraphQLContext {
  req: Request;
  res: Response;
}

@Module({})
export class AppModule {
  /** `schemaFile`: where to write the generated GraphQL schema (artifact generation only). */
  static forRoot(config: AppConfig, schemaFile?: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        KubeModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: schemaFile ?? true,
          sortSchema: true,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          context: ({ req, res }: GraphQLContext): GraphQLContext => ({ req, res }),
        }),
        HealthModule,
        ClusterModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}
