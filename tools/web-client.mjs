// The console's typed API client is generated from the API's OpenAPI document (docs/openapi.json,
// itself checked against the running API by the api-reference suite) with openapi-typescript.
// `node tools/web-client.mjs` writes apps/web/src/api/schema.d.ts; `--check` (CI) fails when the
// checked-in file differs from what the document gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const documentPath = join(root, 'docs/openapi.json');
export const CLIENT_SCHEMA = join(root, 'apps/web/src/api/schema.d.ts');

const HEADER = '// Generated from docs/openapi.json by tools/web-client.mjs (openapi-typescript). Do not edit: run `npm run build`.\n\n';

export async function generateClientSchema() {
  const document = JSON.parse(readFileSync(documentPath, 'utf8'));
  const ast = await openapiTS(document, { alphabetize: true, exportType: true });
  return HEADER + astToString(ast);
}

/** Writes the schema, or with `check` reports whether the checked-in one is current. */
export async function syncClientSchema({ check }) {
  const wanted = await generateClientSchema();
  let current = '';
  try {
    current = readFileSync(CLIENT_SCHEMA, 'utf8');
  } catch {
    // not there yet
  }
  if (current === wanted) return true;
  if (check) return false;
  writeFileSync(CLIENT_SCHEMA, wanted);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const ok = await syncClientSchema({ check });
  if (!ok) {
    process.stderr.write('[dueflow] apps/web/src/api/schema.d.ts is stale: docs/openapi.json changed. Run `node tools/web-client.mjs` and commit it.\n');
    process.exit(1);
  }
  if (!check) process.stderr.write('[dueflow] wrote apps/web/src/api/schema.d.ts\n');
}
