import { daysSince, decisionClock, durationMs, formatScore } from './decisionClock';

const event = (seq: number, type: string, at: string, data: Record<string, unknown> = {}, name: string | null = 'dueflow') => ({
  seq,
  type,
  at,
  data,
  actor: { id: null, name },
  hash: String(seq),
});

describe('the decision clock read from the timeline', () => {
  it('reads policy durations', () => {
    expect(durationMs('P7D')).toBe(7 * 86_400_000);
    expect(durationMs('PT30S')).toBe(30_000);
    expect(durationMs('P1DT12H')).toBe(36 * 3_600_000);
    expect(durationMs('P1M')).toBeNull();
  });

  it('counts the deadline from the step that started the wait when no reminder was sent', () => {
    const clock = decisionClock([event(1, 'submitted', '2026-12-01T00:00:00Z'), event(9, 'synthesis_completed', '2026-12-02T00:00:00Z')], 'P7D');
    expect(clock).toMatchObject({ since: '2026-12-02T00:00:00Z', dueAt: '2026-12-09T00:00:00.000Z', escalated: false, lastDecision: null });
  });

  it("takes the reminder's due date and sees an escalation after the wait began", () => {
    const clock = decisionClock(
      [
        event(9, 'synthesis_completed', '2026-12-02T00:00:00Z'),
        event(10, 'decision_reminder', '2026-12-07T00:00:00Z', { due: '2026-12-09T00:00:05.000Z' }),
        event(11, 'decision_escalated', '2026-12-09T00:00:05Z'),
      ],
      'P7D',
    );
    expect(clock).toMatchObject({ dueAt: '2026-12-09T00:00:05.000Z', escalated: true });
  });

  it('starts again after a first approval, and names who gave it', () => {
    const clock = decisionClock(
      [
        event(9, 'synthesis_completed', '2026-12-02T00:00:00Z'),
        event(10, 'decision_escalated', '2026-12-09T00:00:00Z'),
        event(11, 'decision_recorded', '2026-12-10T00:00:00Z', { outcome: 'go' }, 'Marcus Manager'),
      ],
      'P7D',
    );
    expect(clock).toMatchObject({
      since: '2026-12-10T00:00:00Z',
      dueAt: '2026-12-17T00:00:00.000Z',
      escalated: false,
      lastDecision: { actor: 'Marcus Manager', outcome: 'go' },
    });
  });

  it('formats ages and scores', () => {
    expect(daysSince('2026-12-01T00:00:00Z', Date.parse('2026-12-03T12:00:00Z'))).toBe(2);
    expect(formatScore(3.456)).toBe('3.46');
    expect(formatScore(null)).toBe('—');
  });
});
