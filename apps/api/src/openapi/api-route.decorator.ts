import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { SCHEMA_REF_PREFIX, requestComponentId } from './request-schemas';
import { ErrorBody, componentId } from './schemas';

/** Refusals a route may document by hand, added to those derived from its guard and inputs (derive.ts). */
export type DocumentedError = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

export interface ApiRouteOptions<S extends z.ZodType> {
  summary: string;
  description?: string;
  /** The success body, a registered schema. The handler must return (a promise of) its type. */
  response: S;
  /** Success statuses and when each is given; `{ 200: summary }` unless said. */
  status?: Partial<Record<200 | 201, string>>;
  /** Media type of the success body. */
  mediaType?: 'application/json' | 'text/plain';
  /** Refusals that neither the guard nor the inputs reveal: state conflicts, business rules, ownership. */
  errors?: Partial<Record<DocumentedError, string>>;
  /** Optional request headers the handler reads: what they do, and the pattern a value must match. */
  headers?: Record<string, { description: string; pattern?: RegExp }>;
  /**
   * The route answers conditional requests: its successes carry an `ETag`, and a 304 without a body
   * (described here) when the caller's tag is current. The handler may then return undefined.
   */
  notModified?: string;
}

const ETAG_HEADER = { ETag: { description: 'The representation\'s entity tag, for If-None-Match.', schema: { type: 'string' } } };

type Handler<T> = (...args: never[]) => T | Promise<T>;

/** A method decorator that only fits a handler whose result is assignable to T. */
export type TypedRouteDecorator<T> = <H extends Handler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => void;

export const refTo = (schema: z.ZodType) => ({ $ref: `${SCHEMA_REF_PREFIX}${componentId(schema)}` });

/** A $ref to a request schema's component (bodies and query strings, from @dueflow/contract). */
export const requestRefTo = (schema: z.ZodType) => ({ $ref: `${SCHEMA_REF_PREFIX}${requestComponentId(schema)}` });

export const errorContent = () => ({ 'application/json': { schema: refTo(ErrorBody) } });

/**
 * One decorator per route for what its code cannot say about itself: a summary, the success body
 * and the refusals only the service knows about. Its type makes the documented schema a contract:
 * a handler that returns something else does not compile.
 */
export function ApiRoute<S extends z.ZodType>(options: ApiRouteOptions<S> & { notModified: string }): TypedRouteDecorator<z.output<S> | undefined>;
export function ApiRoute<S extends z.ZodType>(options: ApiRouteOptions<S>): TypedRouteDecorator<z.output<S>>;
export function ApiRoute<S extends z.ZodType>(options: ApiRouteOptions<S>): TypedRouteDecorator<z.output<S>> {
  const mediaType = options.mediaType ?? 'application/json';
  const successes = Object.entries(options.status ?? { 200: options.summary });
  const headers = options.notModified ? ETAG_HEADER : undefined;
  const decorate = applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ...successes.map(([status, description]) =>
      ApiResponse({ status: Number(status), description, headers, content: { [mediaType]: { schema: refTo(options.response) } } }),
    ),
    ...(options.notModified ? [ApiResponse({ status: 304, description: options.notModified, headers })] : []),
    ...Object.entries(options.errors ?? {}).map(([status, description]) => ApiResponse({ status: Number(status), description, content: errorContent() })),
    ...Object.entries(options.headers ?? {}).map(([name, { description, pattern }]) =>
      ApiHeader({ name, description, required: false, schema: { type: 'string', pattern: pattern?.source } }),
    ),
  );
  return (target, key, descriptor) => decorate(target, key, descriptor);
}
