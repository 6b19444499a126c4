// Generates test/openapi-client/berth-api.ts from the committed docs/openapi.json with
// openapi-typescript (run by `npm run artifacts`); the e2e test openapi-client checks it is current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const DOCUMENT = new URL('../../docs/openapi.json', import.meta.url);
export const OUTPUT = fileURLToPath(new URL('./berth-api.ts', import.meta.url));
const BANNER =
  '// Generated from docs/openapi.json by openapi-typescript (`npm run artifacts`); do not edit.\n\n';

export async function render() {
  // A property with a default may be left out of a request, so it stays optional.
  return BANNER + astToString(await openapiTS(DOCUMENT, { defaultNonNullable: false }));
}

// `--stdout` prints instead of writing (the e2e test compares with the committed file).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rendered = await render();
  if (process.argv.includes('--stdout')) process.stdout.write(rendered);
  else {
    writeFileSync(OUTPUT, rendered);
    console.log(`wrote ${OUTPUT}`);
  }
}
