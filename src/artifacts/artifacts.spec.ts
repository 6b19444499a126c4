import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, README_FILE, renderArtifacts, SCHEMA_FILE } from './artifacts';

// The committed API descriptions must match the code; `npm run artifacts` regenerates them.
describe('committed API artifacts', () => {
  it('schema.gql, docs/openapi.json and the README roles table match the code', async () => {
    const { schema, openApi, readme } = await renderArtifacts();
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schema);
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApi);
    // The README's roles table is rendered from src/iam/roles.ts, the single source of truth.
    expect(readFileSync(README_FILE, 'utf8')).toBe(readme);
  });
});
