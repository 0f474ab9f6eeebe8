/**
 * The API reference in Markdown, rendered from the OpenAPI document the running API serves, so the
 * reference in the repository (docs/API.md) can be regenerated and checked instead of kept by hand.
 * Pure: the same document always renders the same text.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document is walked as loose JSON
type Json = Record<string, any>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const REF_PREFIX = '#/components/schemas/';

export const REFERENCE_BEGIN = '<!-- api-reference:begin (generated from the OpenAPI document by `npm run docs:api`; do not edit by hand) -->';
export const REFERENCE_END = '<!-- api-reference:end -->';

/** The routes and schemas of `document` as Markdown, between the begin and end markers. */
export function renderApiReference(document: Json): string {
  const lines: string[] = [REFERENCE_BEGIN, ''];
  const operations = listOperations(document);
  lines.push('### Routes at a glance', '', '| Method | Path | What | Who |', '|---|---|---|---|');
  for (const { method, path, op } of operations) {
    lines.push(`| ${method.toUpperCase()} | \`${path}\` | ${cell(op.summary ?? '')} | ${cell(whoMay(op))} |`);
  }
  lines.push('');
  for (const { method, path, op } of operations) lines.push(...renderOperation(method, path, op));
  lines.push('### Schemas', '');
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (const name of Object.keys(schemas).sort()) lines.push(...renderSchema(name, schemas[name]!));
  lines.push(REFERENCE_END);
  return `${lines.join('\n')}\n`;
}

/** Replaces the generated part of `markdown` (between the markers) with `reference`. */
export function spliceApiReference(markdown: string, reference: string): string {
  const begin = markdown.indexOf(REFERENCE_BEGIN);
  const end = markdown.indexOf(REFERENCE_END);
  if (begin < 0 || end < begin) throw new Error('the document has no api-reference markers');
  return markdown.slice(0, begin) + reference.trimEnd() + markdown.slice(end + REFERENCE_END.length);
}

function listOperations(document: Json): Array<{ method: string; path: string; op: Json }> {
  const found: Array<{ method: string; path: string; op: Json }> = [];
  for (const path of Object.keys(document.paths ?? {}).sort()) {
    for (const method of METHODS) {
      const op = document.paths[path][method];
      if (op) found.push({ method, path, op });
    }
  }
  return found;
}

function whoMay(op: Json): string {
  if (Array.isArray(op.security) && op.security.length === 0) return 'anyone';
  const roles = /Roles: ([^.]+)\./.exec(op.description ?? '');
  return roles ? roles[1]! : 'signed in';
}

function renderOperation(method: string, path: string, op: Json): string[] {
  const lines = [`#### ${method.toUpperCase()} \`${path}\``, ''];
  if (op.summary) lines.push(`**${op.summary}.** ${whoMay(op) === 'anyone' ? 'No token needed.' : `Who: ${whoMay(op)}.`}`, '');
  const description = String(op.description ?? '')
    .split('\n\n')
    .filter((p) => !/^(Roles: |Public: )/.test(p))
    .join('\n\n')
    .trim();
  if (description) lines.push(description, '');
  const parameters = (op.parameters ?? []) as Json[];
  if (parameters.length > 0) {
    lines.push('| Parameter | In | Type | Required | About |', '|---|---|---|---|---|');
    for (const p of parameters) {
      lines.push(`| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema ?? {}))} | ${p.required ? 'yes' : 'no'} | ${cell(p.description ?? p.schema?.description ?? '')} |`);
    }
    lines.push('');
  }
  const body = op.requestBody?.content;
  if (body) {
    const [mediaType, content] = Object.entries(body as Record<string, Json>)[0]!;
    lines.push(`Body (\`${mediaType}\`): ${typeOf(content.schema ?? {})}`, '');
  }
  lines.push('| Status | Meaning | Body |', '|---|---|---|');
  for (const status of Object.keys(op.responses ?? {}).sort()) {
    const answer = op.responses[status] as Json;
    const content = answer.content ? (Object.values(answer.content as Record<string, Json>)[0] ?? {}) : {};
    lines.push(`| ${status} | ${cell(answer.description ?? '')} | ${content.schema ? cell(typeOf(content.schema)) : ''} |`);
  }
  lines.push('');
  return lines;
}

function renderSchema(name: string, schema: Json): string[] {
  const lines = [`#### ${name}`, ''];
  if (schema.description) lines.push(schema.description, '');
  const properties = schema.properties as Record<string, Json> | undefined;
  if (schema.type === 'object' && properties && Object.keys(properties).length > 0) {
    const required = new Set<string>(schema.required ?? []);
    lines.push('| Field | Type | Required | About |', '|---|---|---|---|');
    for (const [field, property] of Object.entries(properties)) {
      lines.push(`| \`${field}\` | ${cell(typeOf(property))} | ${required.has(field) ? 'yes' : 'no'} | ${cell(property.description ?? '')} |`);
    }
    if (schema.additionalProperties === false) lines.push('', 'Unknown fields are refused.');
  } else {
    lines.push(`${typeOf(schema)}`);
  }
  lines.push('');
  return lines;
}

/** A short, readable type: `string (uuid)`, `integer 1–5`, `one of a, b`, `array of [Review](#review)`. */
export function typeOf(schema: Json): string {
  if (schema.$ref) {
    const name = String(schema.$ref).replace(REF_PREFIX, '');
    return `[${name}](#${name.toLowerCase()})`;
  }
  if (schema.enum) return `one of ${schema.enum.map((v: unknown) => `\`${String(v)}\``).join(', ')}`;
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return schema[key].map((s: Json) => typeOf(s)).join(' or ');
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return typeOf(schema.allOf[0]);
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  switch (schema.type) {
    case 'array':
      return `array of ${typeOf(schema.items ?? {})}${bounds(schema.minItems, schema.maxItems, ' items')}`;
    case 'object':
      if (schema.properties) return `object {${Object.keys(schema.properties).join(', ')}}`;
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return `map of ${typeOf(schema.additionalProperties)}`;
      return 'object';
    case 'string':
      return `string${schema.format ? ` (${schema.format})` : ''}${bounds(schema.minLength, schema.maxLength, ' chars')}${schema.pattern && !schema.format ? ` matching \`${schema.pattern}\`` : ''}`;
    case 'integer':
    case 'number':
      return `${schema.type}${bounds(schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum, '')}`;
    case undefined:
      return 'any';
    default:
      return String(schema.type);
  }
}

function bounds(min: unknown, max: unknown, unit: string): string {
  if (min === undefined && max === undefined) return '';
  if (max === undefined) return ` ≥ ${String(min)}${unit}`;
  if (min === undefined) return ` ≤ ${String(max)}${unit}`;
  return ` ${String(min)}–${String(max)}${unit}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n+\s*/g, ' ');
}
