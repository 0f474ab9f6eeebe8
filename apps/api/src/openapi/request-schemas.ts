import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { REQUEST_SCHEMAS } from '@dueflow/contract';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

const requestRegistry = z.registry<{ id: string }>();
for (const [id, schema] of Object.entries(REQUEST_SCHEMAS)) requestRegistry.add(schema, { id });

/** The component name of a request schema (throws for one missing from REQUEST_SCHEMAS: it would not resolve). */
export function requestComponentId(schema: z.ZodType): string {
  const id = requestRegistry.get(schema)?.id;
  if (!id) throw new Error('this request schema is not in REQUEST_SCHEMAS (libs/contract/src/requests/index.ts); add it there under a component name');
  return id;
}

let cache: Record<string, SchemaObject> | undefined;

/**
 * JSON schemas of every request body and query string, from the same zod schemas the API's pipes
 * check (libs/contract/src/requests), so the document cannot promise other rules than the API
 * enforces. Schemas listed in REQUEST_SCHEMAS become components and are $ref'd where nested; the
 * input side is described (what a client sends: `limit` as an integer, text before normalising).
 */
export function requestSchemas(): Record<string, SchemaObject> {
  cache ??= Object.fromEntries(
    Object.entries(
      z.toJSONSchema(requestRegistry, {
        target: 'draft-2020-12',
        io: 'input',
        uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
        // zod spells uuid and date-time out as regexes too; the format says it, readably.
        override: ({ jsonSchema }) => {
          if (jsonSchema.format) delete jsonSchema.pattern;
        },
      }).schemas,
    ).map(([id, { $id: _id, $schema: _dialect, ...schema }]) => [id, schema as SchemaObject]),
  );
  return cache;
}
