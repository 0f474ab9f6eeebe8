import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import type { Role } from '@dueflow/domain';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { SchemaPipe } from '../common/validation';
import { errorContent, requestRefTo } from './api-route.decorator';
import { requestComponentId } from './request-schemas';

/** Security scheme name of the bearer token (DocumentBuilder.addBearerAuth). */
export const BEARER = 'bearer';

/** Security scheme name of the browser session cookie (set by POST /auth/login). */
export const SESSION = 'session';

/** The operation id of a handler: unique across controllers, and how derive() finds the handler again. */
export const operationIdOf = (controllerKey: string, methodKey: string) => `${controllerKey}_${methodKey}`;

interface Handler {
  controller: Type<unknown>;
  methodKey: string;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Completes each operation with what the code already says, read from the same metadata the
 * request pipeline uses, so the document and the behaviour cannot disagree:
 * - the AuthGuard's @Public/@Roles → bearer or cookie security, 401, 403 naming the roles, and 403
 *   for a cookie-only state change without X-Requested-With;
 * - path params through UuidPipe → `format: uuid`, 400 for a malformed id, 404 for an unknown one;
 * - a @Body(body(Schema)) → the request body, Schema's component, and 400 (every bad field), 413
 *   (too large), 415 (not JSON);
 * - a @Query(query(Schema)) → one parameter per property of Schema's component, and 400;
 * - and the exception filter's generic 500 everywhere.
 * Operations are matched to their handlers through the operation id (operationIdOf). A @Body or
 * @Query without a schema pipe throws here (the openapi suite builds the document): such a route
 * would take input nothing checks.
 */
export function deriveFromCode(app: INestApplication, document: OpenAPIObject): void {
  const handlers = handlersByOperationId(app);
  const reflector = new Reflector();
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      const handler = operation?.operationId ? handlers.get(operation.operationId) : undefined;
      if (!operation || !handler) continue;
      documentAccess(operation, handler, reflector, method);
      documentInputs(operation, handler, schemas);
      addError(operation, 500, 'An unexpected failure (logged); quote the requestId when reporting it.');
    }
  }
}

function handlersByOperationId(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const methodKey of Object.getOwnPropertyNames(controller.prototype)) {
        if (methodKey !== 'constructor') handlers.set(operationIdOf(controller.name, methodKey), { controller, methodKey });
      }
    }
  }
  return handlers;
}

/** Adds a refusal, or the reason to an existing one: a status can have several causes. */
function addError(operation: OperationObject, status: number, reason: string): void {
  const existing = operation.responses[status] as { description?: string } | undefined;
  if (!existing) operation.responses[status] = { description: reason, content: errorContent() };
  else if (!existing.description?.includes(reason)) existing.description = [existing.description, reason].filter(Boolean).join(' ');
}

function documentAccess(operation: OperationObject, { controller, methodKey }: Handler, reflector: Reflector, method: (typeof HTTP_METHODS)[number]): void {
  const targets = [controller.prototype[methodKey] as () => unknown, controller];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
    operation.security = [];
    appendDescription(operation, 'Public: no token needed.');
    return;
  }
  // Either one: the bearer token, or the session cookie (with X-Requested-With on state changes).
  operation.security = [{ [BEARER]: [] }, { [SESSION]: [] }];
  addError(operation, 401, 'No bearer token or session cookie, or an invalid or expired one.');
  if (method !== 'get') addError(operation, 403, 'Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`.');
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
  if (roles?.length) {
    appendDescription(operation, `Roles: ${roles.join(', ')}.`);
    addError(operation, 403, `The caller has none of the roles: ${roles.join(', ')}.`);
  }
}

function schemaPipeOf(arg: RouteArg): SchemaPipe<never> | undefined {
  return arg.pipes?.find((pipe): pipe is SchemaPipe<never> => pipe instanceof SchemaPipe);
}

function documentInputs(operation: OperationObject, { controller, methodKey }: Handler, schemas: Record<string, SchemaObject>): void {
  const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodKey) ?? {}) as Record<string, RouteArg>);
  const route = `${controller.name}.${methodKey}`;
  for (const [key, arg] of args) {
    const kind = Number(key.split(':')[0]);
    if (kind === RouteParamtypes.PARAM && arg.pipes?.some((pipe) => pipe instanceof UuidPipe)) {
      const parameter = findParameter(operation, 'path', String(arg.data));
      if (parameter) parameter.schema = { type: 'string', format: 'uuid' };
      addError(operation, 400, `\`${String(arg.data)}\` is not a UUID.`);
      addError(operation, 404, 'No such object, or one the caller may not see.');
    } else if (kind === RouteParamtypes.BODY) {
      const pipe = schemaPipeOf(arg);
      if (!pipe) throw new Error(`${route} takes a @Body() without a schema: use @Body(body(Schema)) (apps/api/src/common/validation.ts)`);
      operation.requestBody = { required: true, content: { 'application/json': { schema: requestRefTo(pipe.schema) } } };
      addError(operation, 400, 'Malformed JSON, or invalid body fields (every one listed in details).');
      addError(operation, 413, 'The body is larger than BODY_LIMIT_BYTES.');
      addError(operation, 415, 'The body is not application/json.');
    } else if (kind === RouteParamtypes.QUERY) {
      const pipe = schemaPipeOf(arg);
      if (!pipe) throw new Error(`${route} takes a @Query() without a schema: use @Query(query(Schema)) (apps/api/src/common/validation.ts)`);
      const schema = schemas[requestComponentId(pipe.schema)];
      // Swagger lists a @Query() object as one parameter named after nothing: replace it with the schema's properties.
      operation.parameters = [...(operation.parameters ?? []).filter((p) => !('in' in p) || p.in !== 'query'), ...(schema ? queryParameters(schema) : [])];
      addError(operation, 400, 'An invalid query parameter (every one listed in details).');
    }
  }
}

function findParameter(operation: OperationObject, location: string, name: string): ParameterObject | undefined {
  return (operation.parameters ?? []).find((p): p is ParameterObject => 'in' in p && p.in === location && p.name === name);
}

/** A query schema's properties as query parameters (the schema itself stays in components). */
function queryParameters(dto: SchemaObject): ParameterObject[] {
  const required = new Set(dto.required ?? []);
  return Object.entries(dto.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }));
}

function appendDescription(operation: OperationObject, line: string): void {
  operation.description = operation.description ? `${operation.description}\n\n${line}` : line;
}
