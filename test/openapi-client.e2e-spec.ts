import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import ts from 'typescript';
import type { paths } from './openapi-client/berth-api';
import { operations } from './openapi-client/operations';
import { TestApp, uniqueName } from './support/test-app';

const DIR = join(__dirname, 'openapi-client');
const DOCUMENT = join(__dirname, '..', 'docs', 'openapi.json');

interface Document {
  paths: Record<string, Record<string, unknown>>;
}

/** Every operation of the committed document, as `METHOD /path/{param}`. */
function documentedOperations(): string[] {
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Document;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** `/api/v1/projects/{project}/pods/{pod}` as a regular expression over a real request path. */
function routeOf(key: string): { method: string; pattern: RegExp } {
  const [method, path] = key.split(' ');
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[a-z0-9.-]+');
  return { method, pattern: new RegExp(`^${escaped}(\\?.*)?$`) };
}

describe('a client generated from docs/openapi.json (openapi-typescript + openapi-fetch)', () => {
  it('the committed client types are what openapi-typescript makes of the committed document', () => {
    // generate.mjs is the one way to make them (npm run artifacts); an ES module, so run by node itself.
    const rendered = execFileSync(process.execPath, [join(DIR, 'generate.mjs'), '--stdout'], {
      encoding: 'utf8',
    });
    expect(readFileSync(join(DIR, 'berth-api.ts'), 'utf8')).toBe(rendered);
  });

  it('type-checks: every call names a documented path, its parameters and its body', () => {
    const program = ts.createProgram([join(DIR, 'operations.ts')], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2023,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  describe('against the running service', () => {
    let app: TestApp;
    let baseUrl: string;

    beforeAll(async () => {
      app = await TestApp.start();
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(() => app.close());

    it('calls every REST operation, and each call reaches its own route', async () => {
      const session = await app.signIn('admin', 'E2e-Admin-Passw0rd');
      const seen: { url: string; method: string; body: string }[] = [];
      const api = createClient<paths>({
        baseUrl,
        headers: { authorization: `Bearer ${session.access_token}` },
      });
      api.use({
        onResponse: async ({ request, response }) => {
          seen.push({
            url: new URL(request.url).pathname + new URL(request.url).search,
            method: request.method,
            body: await response.clone().text(),
          });
          return undefined;
        },
      });
      const id = uniqueName('oc');
      const calls = operations(
        api,
        {
          owner: 'admin',
          user: `${id}-u`,
          workspace: `${id}-w`,
          project: `${id}-p`,
          statefulSet: 'web',
          volume: 'data',
          configMap: 'settings',
          secret: 'creds',
          token: `${id}-t`,
        },
        { refreshToken: session.refresh_token },
      );

      // Exactly the documented operations, each once.
      expect(calls.map(([key]) => key).sort()).toEqual(documentedOperations().sort());
      const answered: string[] = [];
      const expected: string[] = [];

      for (const [key, status, call, ready] of calls) {
        await ready?.();
        const before = seen.length;
        // A transport error (refused connection, unparsable answer) rejects and fails the test.
        const { response } = await call();
        expect(seen.length).toBe(before + 1);
        const answer = seen[before];
        const route = routeOf(key);
        // The request went where the document says, with every parameter filled in.
        expect(`${answer.method} ${answer.url}`).toMatch(
          new RegExp(`^${route.method} ${route.pattern.source.slice(1)}`),
        );
        // It reached a handler (not Express's "no such route") and answered what this run expects:
        // the fixture makes every call succeed, except the inspection of a registry that is not there.
        expect(`${key} -> ${answer.body}`).not.toMatch(/-> .*Cannot (GET|POST|PUT|PATCH|DELETE) /);
        const allowed = typeof status === 'number' ? [status] : status;
        answered.push(
          `${key} -> ${allowed.includes(response.status) ? allowed.join('|') : `${response.status} ${answer.body.slice(0, 200)}`}`,
        );
        expected.push(`${key} -> ${allowed.join('|')}`);
      }
      expect(answered).toEqual(expected);
    });
  });
});
