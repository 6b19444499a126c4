import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, renderArtifacts, SCHEMA_FILE } from './artifacts';

// The committed API descriptions must match the code; `npm run artifacts` regenerates them.
describe('committed API artifacts', () => {
  it('schema.gql and docs/openapi.json match the code', async () => {
    const { schema, openApi } = await renderArtifacts();
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schema);
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApi);
  });
});
