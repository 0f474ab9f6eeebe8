import { createHash } from 'node:crypto';

/**
 * Conditional and waiting reads (RFC 9110 `If-None-Match`, RFC 7240 `Prefer: wait`): a client
 * that has a representation sends its entity tag and may ask the server to hold the request until
 * there is something new, instead of polling.
 */

/** The longest a `Prefer: wait` request is held, whatever it asks for. */
export const MAX_WAIT_SECONDS = 60;

/** `*`, or the opaque tags listed (weak and strong alike: If-None-Match compares weakly). */
export type EntityTags = '*' | string[];

/**
 * A weak tag of a JSON representation: a digest of the body as it is sent, so it changes whenever
 * anything the caller sees changes, and differs between callers who see different things.
 */
export function representationTag(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/**
 * The tags of an If-None-Match header, opaque part only (`W/"7"` and `"7"` both give `"7"`), or
 * null when the header is absent or holds no well-formed tag (then the request is unconditional).
 */
export function parseIfNoneMatch(header: string | undefined): EntityTags | null {
  if (header === undefined) return null;
  if (header.trim() === '*') return '*';
  const tags = [...header.matchAll(/(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")/g)].map((m) => m[1]!);
  return tags.length > 0 ? tags : null;
}

/** Weak comparison of a current tag against If-None-Match: true means "you already have it". */
export function noneMatchHolds(tags: EntityTags, etag: string): boolean {
  if (tags === '*') return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  return tags.includes(opaque);
}

/**
 * Seconds the client asked to wait (`Prefer: wait=10`, among other preferences or repeated
 * headers; the first wins), capped at MAX_WAIT_SECONDS; 0 when it did not ask. A malformed
 * preference is ignored, as RFC 7240 says a server should.
 */
export function preferredWait(header: string | string[] | undefined): number {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  for (const value of values) {
    for (const preference of value.split(',')) {
      const match = /^\s*wait\s*=\s*"?(\d{1,9})"?\s*(?:;.*)?$/i.exec(preference);
      if (match) return Math.min(Number(match[1]), MAX_WAIT_SECONDS);
    }
  }
  return 0;
}
