import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { errorBody } from './error-body';
import { applySecurityHeaders } from './security-headers';

/** Far deeper than any body the API accepts (three levels at most), far shallower than a stack overflow. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text nests arrays/objects deeper than `max`, brackets inside strings ignored. Runs
 * before parsing: a body thousands of levels deep parses, but then overflows the stack of whatever
 * walks it (class-transformer does), which would surface as a 500.
 */
export function nestsDeeperThan(text: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}

/**
 * JSON bodies only (other media types get 415), parsed by Fastify's own prototype-poisoning-safe
 * parser after the depth check.
 */
export function acceptJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(Object.assign(new Error(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400 }), undefined);
      return;
    }
    parse(request, body as unknown as string, done);
  });
}

/**
 * Fastify refuses some URLs before any route runs (a bad percent-encoding, an over-long path
 * parameter); this gives those refusals the API's one error shape and the request id too, and
 * the headers every answer carries (Fastify's hooks do not run for them).
 */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  applySecurityHeaders(reply, request.url);
  void reply
    .status(status)
    .header('x-request-id', request.id)
    .send({ ...errorBody(status, error.message), requestId: String(request.id) });
}
