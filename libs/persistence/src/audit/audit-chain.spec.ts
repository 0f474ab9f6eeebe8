import { GENESIS_HASH, auditHash, verifyChain, ChainedEvent, AuditedEvent } from './audit-chain';

const PROJECT = '7d3f0a52-2f7e-4a43-9a57-0c7f4c1d9e10';

function chain(events: AuditedEvent[]): ChainedEvent[] {
  let prev = GENESIS_HASH;
  return events.map((e) => {
    const hash = auditHash(prev, e);
    const linked = { ...e, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

const sample = (): ChainedEvent[] =>
  chain(
    [0, 1, 2, 3].map((seq) => ({
      projectId: PROJECT,
      seq,
      type: seq === 0 ? 'submitted' : 'reviewers_assigned',
      actorId: seq === 0 ? 'a5b8f3c2-1111-4a43-9a57-0c7f4c1d9e10' : null,
      occurredAt: new Date(Date.UTC(2026, 10, 26, 9, seq)),
      data: { track: 'industry', considered: [{ id: 'x', score: seq }], note: 'é' },
    })),
  );

const head = (events: ChainedEvent[]) => ({ head: events.at(-1)?.hash ?? null, length: events.length });

describe('audit hash chain', () => {
  it('accepts an untouched chain, and an empty one', () => {
    const events = sample();
    expect(verifyChain(events, head(events))).toEqual({ valid: true, events: 4, head: events[3]!.hash, firstBrokenLink: null });
    expect(verifyChain([], { head: null, length: 0 })).toMatchObject({ valid: true, events: 0, head: GENESIS_HASH });
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    const [first] = sample();
    const reordered = { ...first!, data: { note: 'é', considered: [{ score: 0, id: 'x' }], track: 'industry' } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(first!.hash);
  });

  it.each([
    ['data', (e: ChainedEvent) => ({ ...e, data: { ...e.data, track: 'academic' } })],
    ['type', (e: ChainedEvent) => ({ ...e, type: 'decided' })],
    ['actor', (e: ChainedEvent) => ({ ...e, actorId: 'b0000000-0000-4000-8000-000000000000' })],
    ['time', (e: ChainedEvent) => ({ ...e, occurredAt: new Date(e.occurredAt.getTime() + 1) })],
    ['seq', (e: ChainedEvent) => ({ ...e, seq: 9 })],
  ])('finds an altered %s at the altered event', (_field, alter) => {
    const events = sample();
    events[2] = alter(events[2]!);
    expect(verifyChain(events, head(events)).firstBrokenLink).toMatchObject({ position: 3, seq: events[2]!.seq, reason: 'content-altered' });
  });

  it('finds a removed event at the event after the gap', () => {
    const events = sample();
    const recorded = head(events);
    events.splice(1, 1);
    expect(verifyChain(events, recorded).firstBrokenLink).toMatchObject({ position: 2, seq: 2, reason: 'link-broken' });
  });

  it('finds swapped events', () => {
    const events = sample();
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(verifyChain(events, head(events)).firstBrokenLink).toMatchObject({ position: 2, seq: 2, reason: 'link-broken' });
  });

  it('finds events cut off the end through the head the project remembers', () => {
    const events = sample();
    const recorded = head(events);
    expect(verifyChain(events.slice(0, 3), recorded)).toMatchObject({
      valid: false,
      firstBrokenLink: { position: 4, seq: null, reason: 'head-mismatch', expected: events[3]!.hash, found: events[2]!.hash },
    });
  });

  it('finds a rehashed forgery: content and hash changed together break the next link', () => {
    const events = sample();
    const forged = { ...events[1]!, data: { forged: true } };
    forged.hash = auditHash(forged.prevHash, forged);
    events[1] = forged;
    expect(verifyChain(events, head(events)).firstBrokenLink).toMatchObject({ position: 3, seq: 2, reason: 'link-broken' });
  });
});
