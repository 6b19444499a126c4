import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '../config/app-config';
import { createApp, openApiDocument } from '../http-app';
import { withRolesTable } from '../iam/roles-table';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');
export const OPENAPI_FILE = join(__dirname, '..', '..', 'docs', 'openapi.json');
export const README_FILE = join(__dirname, '..', '..', 'README.md');

export interface Artifacts {
  schema: string;
  openApi: string;
  /** The README with its roles table rendered from the code. */
  readme: string;
}

/**
 * Renders the committed API descriptions (GraphQL SDL and OpenAPI) from the code. The application is
 * built but never started, and its Kubernetes connection points at a closed port it never contacts.
 */
export async function renderArtifacts(): Promise<Artifacts> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-artifacts-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, UNUSED_KUBECONFIG);
  const app = await createApp(
    { ...loadConfig({}), kube: { kind: 'kubeconfig', path: kubeconfig } },
    { logger: false },
  );
  try {
    await app.init();
    const schema = `# Generated from the code by \`npm run artifacts\`; CI fails when it is stale.\n\n${printSchema(app.get(GraphQLSchemaHost).schema)}`;
    const openApi = `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
    const readme = withRolesTable(readFileSync(README_FILE, 'utf8'));
    return { schema, openApi, readme };
  } finally {
    await app.close();
  }
}

/**
 * The application, initialised but never started or bootstrapped, with a Kubernetes connection to a
 * closed port that nothing contacts: enough to inspect its schema, routes and metadata.
 */
export async function buildAppWithoutCluster(imports: Type[] = []): Promise<INestApplication> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-artifacts-'));
  const kubeconfig = join(dir, 'kubeconfig');
  try {
    writeFileSync(kubeconfig, UNUSED_KUBECONFIG);
    const app = await createApp(
      { ...loadConfig({}), kube: { kind: 'kubeconfig', path: kubeconfig } },
      { logger: false, imports },
    );
    await app.init();
    return app;
  } finally {
    // The connection read the file at construction.
    rmSync(dir, { recursive: true, force: true });
  }
}

const UNUSED_KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
`;
