import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { BEARER, SESSION, deriveFromCode, operationIdOf } from './derive';
import { documentMetricsRoute } from './metrics-route';
import { SCHEMA_REF_PREFIX, requestSchemas } from './request-schemas';
import { responseRegistry } from './schemas';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

let responseSchemaCache: Record<string, SchemaObject> | undefined;

/** The zod response schemas as OpenAPI 3.1 (JSON Schema 2020-12) components; static, so built once per process. */
function responseSchemas(): Record<string, SchemaObject> {
  responseSchemaCache ??= Object.fromEntries(
    Object.entries(
      z.toJSONSchema(responseRegistry, {
        target: 'draft-2020-12',
        uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
        // zod spells uuid and date-time out as regexes too; the format says it, readably.
        override: ({ jsonSchema }) => {
          if (jsonSchema.format) delete jsonSchema.pattern;
        },
      }).schemas,
    ).map(
      // Components are addressed by their place in the document, not by $id, and carry no dialect of their own.
      ([id, { $id: _id, $schema: _dialect, ...schema }]) => [id, schema as SchemaObject],
    ),
  );
  return responseSchemaCache;
}

function componentSchemas(): Record<string, SchemaObject> {
  const requests = requestSchemas();
  const responses = responseSchemas();
  const clash = Object.keys(requests).find((name) => name in responses);
  if (clash) throw new Error(`OpenAPI component ${clash} is both a request schema and a response schema; rename one`);
  return { ...requests, ...responses };
}

/**
 * The OpenAPI document of the running app: routes, parameters and bodies as Nest registered them,
 * request schemas from the zod schemas the API validates with (@dueflow/contract), response schemas from ./schemas, and access and
 * input refusals from the guards and pipes (derive.ts).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  documentMetricsRoute();
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('dueflow API')
    .setDescription(
      'Due-diligence workflow engine. Errors always have the ErrorBody shape; every response carries X-Request-Id. ' +
        'Sign in with POST /auth/login and send the token as `Authorization: Bearer <accessToken>`; a browser may rely on the ' +
        'session cookie the same call sets instead, adding `X-Requested-With: dueflow` to every POST, PUT, PATCH and DELETE (403 without).',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The browser session (POST /auth/login sets it).' }, SESSION)
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  // Request and response components come from zod (Swagger only knows the routes and their parameters).
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...componentSchemas() } };
  deriveFromCode(app, document);
  return document;
}

/**
 * Serves the document at GET /docs-json and Swagger UI at GET /docs, both public (they are plain
 * Fastify routes, outside Nest's guards). The document is built on the first request, not here, so
 * an app that is never asked for it pays nothing.
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'dueflow API',
  });
}
