import type { FastifyRequest } from 'fastify';

/** The browser session: the same signed token /auth/login returns, so it expires with it. */
export const SESSION_COOKIE = 'dueflow_session';

/** What a state-changing request authenticated by the cookie alone must carry (CSRF). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'dueflow';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The value of cookie `name` in a Cookie header, or undefined. Parsed by hand: one cookie, read in
 * one place, does not need a plugin. A cookie named twice counts as absent (which one the browser
 * meant cannot be known).
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.push(value);
  }
  return values.length === 1 && values[0] !== '' ? values[0] : undefined;
}

/**
 * `Secure` only when this very connection is TLS: the API does not trust proxy headers, so a
 * request that reached it over plain HTTP (e.g. behind a TLS-terminating proxy) cannot tell.
 */
function secureAttribute(request: FastifyRequest): string {
  return request.protocol === 'https' ? '; Secure' : '';
}

/** Set-Cookie for a new session holding `token`, living as long as the token does. */
export function sessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secureAttribute(request)}`;
}

/** Set-Cookie that ends the session in the browser. */
export function clearedSessionCookie(request: FastifyRequest): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict${secureAttribute(request)}`;
}

/** A request that may change something must prove it came from our own client, not a foreign page. */
export function needsCsrfProof(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

export function hasCsrfProof(headers: FastifyRequest['headers']): boolean {
  const value = headers[CSRF_HEADER];
  return typeof value === 'string' && value.trim().toLowerCase() === CSRF_HEADER_VALUE;
}
