import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiReference, spliceApiReference } from '@dueflow/api';
import { Http, RunningDueflow, startDueflow } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const REFERENCE = join(ROOT, 'docs', 'API.md');
const DOCUMENT = join(ROOT, 'docs', 'openapi.json');
/** `npm run docs:api` sets it: the suite then writes the files instead of checking them. */
const WRITE = process.env['DUEFLOW_WRITE_API_DOCS'] === '1';

/**
 * The repository carries its API reference (docs/API.md) and the OpenAPI document (docs/openapi.json)
 * as the running API serves them. This suite fails when either is stale, i.e. when a route, a field or
 * an answer changed without `npm run docs:api`.
 */
describe('the API reference in the repository', () => {
  let stack: RunningDueflow;
  let served: Record<string, any>;

  beforeAll(async () => {
    stack = await startDueflow();
    const res = await new Http(stack.baseUrl).request('GET', '/docs-json');
    expect(res.status).toBe(200);
    served = res.body;
  });
  afterAll(() => stack?.stop());

  it('docs/openapi.json is the document the API serves', () => {
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (WRITE) writeFileSync(DOCUMENT, text);
    expect(readFileSync(DOCUMENT, 'utf8')).toBe(text);
  });

  it('docs/API.md lists every route and schema of that document', () => {
    const current = readFileSync(REFERENCE, 'utf8');
    const expected = spliceApiReference(current, renderApiReference(served));
    if (WRITE) writeFileSync(REFERENCE, expected);
    expect(readFileSync(REFERENCE, 'utf8')).toBe(expected);
    for (const path of Object.keys(served['paths'])) expect(expected).toContain(`\`${path}\``);
  });
});
