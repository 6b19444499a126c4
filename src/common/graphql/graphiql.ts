import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAPHQL_PATH } from './graphql-path';

/** Where the GraphiQL page's files are served from (this server; nothing comes from the internet). */
export const GRAPHIQL_ASSETS = '/graphiql';

const FILES: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Starts GraphiQL; a file of its own so the page needs no inline script (the CSP allows 'self' only). */
const INIT = `(() => {
  const fetcher = GraphiQL.createFetcher({ url: '${GRAPHQL_PATH}' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultHeaders: '{"Authorization": "Bearer <access token from POST /oauth/token>"}',
    }),
  );
})();
`;

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Berth GraphiQL</title>
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS}/graphiql.css" />
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="${GRAPHIQL_ASSETS}/react.js"></script>
    <script src="${GRAPHIQL_ASSETS}/react-dom.js"></script>
    <script src="${GRAPHIQL_ASSETS}/graphiql.js"></script>
    <script src="${GRAPHIQL_ASSETS}/init.js"></script>
  </body>
</html>
`;

/**
 * GraphiQL at GET /graphql for a browser (Accept: text/html), and its files from the installed
 * packages (read once, kept in memory). Served here rather than as Apollo's landing page, which
 * @nestjs/apollo would fill with its own page loading React and GraphiQL from unpkg.com.
 */
export function serveGraphiql(app: INestApplication): void {
  const files = new Map<string, { body: Buffer | string; type: string }>([
    ['init.js', { body: INIT, type: 'text/javascript' }],
  ]);
  // The UMD builds are not in the packages' `exports`: find them beside each package.json.
  for (const [name, { pkg, file, type }] of Object.entries(FILES))
    files.set(name, {
      body: readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file)),
      type,
    });
  app.use(GRAPHQL_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path !== '/' ||
      req.accepts(['application/json', 'text/html']) !== 'text/html'
    )
      return next();
    res.type('text/html').send(PAGE);
  });
  app.use(GRAPHIQL_ASSETS, (req: Request, res: Response, next: NextFunction) => {
    const file = req.method === 'GET' ? files.get(req.path.replace(/^\//, '')) : undefined;
    if (!file) return next();
    res.type(file.type).setHeader('Cache-Control', 'public, max-age=3600');
    res.send(file.body);
  });
}
