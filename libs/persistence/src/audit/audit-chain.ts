import { createHash } from 'node:crypto';
import { canonicalJson } from '@dueflow/domain';

/** The link before a project's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit hash covers: everything a timeline reader is shown about the event. */
export interface AuditedEvent {
  projectId: string;
  seq: number;
  type: string;
  actorId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** A stored event with its chain links, in the order it was appended. */
export interface ChainedEvent extends AuditedEvent {
  prevHash: string;
  hash: string;
}

export type BrokenLinkReason = 'content-altered' | 'link-broken' | 'head-mismatch';

export interface BrokenLink {
  /** 1-based place in append order; for a head mismatch, one past the last stored event. */
  position: number;
  /** The event's own sequence number, or null for a head mismatch (events cut off the end, or appended around the chain). */
  seq: number | null;
  reason: BrokenLinkReason;
  expected: string;
  found: string;
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  head: string;
  firstBrokenLink: BrokenLink | null;
}

/**
 * sha256 over the previous link and the event's canonical JSON: key order, and whatever jsonb does
 * to it, cannot change the hash; any change to a covered field or to the order of events does.
 */
export function auditHash(prevHash: string, event: AuditedEvent): string {
  const body = canonicalJson({
    projectId: event.projectId,
    seq: event.seq,
    type: event.type,
    actorId: event.actorId,
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Recomputes the chain over events in append order and reports the first link that doesn't hold.
 * `recordedHead` is the head the project row remembers, which catches events cut off the end.
 */
export function verifyChain(events: readonly ChainedEvent[], recorded: { head: string | null; length: number }): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    const position = i + 1;
    if (event.prevHash !== prev) {
      return broken(events.length, prev, { position, seq: event.seq, reason: 'link-broken', expected: prev, found: event.prevHash });
    }
    const recomputed = auditHash(prev, event);
    if (recomputed !== event.hash) {
      return broken(events.length, prev, { position, seq: event.seq, reason: 'content-altered', expected: recomputed, found: event.hash });
    }
    prev = event.hash;
  }
  if (recorded.length !== events.length || (recorded.head ?? GENESIS_HASH) !== prev) {
    return broken(events.length, prev, {
      position: events.length + 1,
      seq: null,
      reason: 'head-mismatch',
      expected: recorded.head ?? GENESIS_HASH,
      found: prev,
    });
  }
  return { valid: true, events: events.length, head: prev, firstBrokenLink: null };
}

function broken(events: number, head: string, link: BrokenLink): ChainVerdict {
  return { valid: false, events, head, firstBrokenLink: link };
}
