import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, README_FILE, renderArtifacts, SCHEMA_FILE } from './artifacts';

/** `npm run artifacts`: rewrites schema.gql and docs/openapi.json from the code. */
async function main(): Promise<void> {
  const { schema, openApi, readme } = await renderArtifacts();
  writeFileSync(SCHEMA_FILE, schema);
  writeFileSync(OPENAPI_FILE, openApi);
  writeFileSync(README_FILE, readme);
  console.log(`wrote ${SCHEMA_FILE}, ${OPENAPI_FILE} and the roles table in ${README_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
