import type { Schemas } from '../../api/client';

type TimelineEvent = Schemas['TimelineEvent'];

const UNIT_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

/** An ISO-8601 duration of the policy (P7D, PT30S, P1DT12H) in milliseconds; null when it has years or months. */
export function durationMs(iso: string): number | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return null;
  const [, w, d, h, min, s] = m;
  return (
    Number(w ?? 0) * UNIT_MS.W + Number(d ?? 0) * UNIT_MS.D + Number(h ?? 0) * UNIT_MS.H + Number(min ?? 0) * UNIT_MS.M + Number(s ?? 0) * UNIT_MS.S
  );
}

/** Steps after which the process waits for a (next) decision: the report, a first approval, an answer. */
const CLOCK_STARTS = new Set(['synthesis_completed', 'decision_recorded', 'information_provided']);

export interface DecisionClock {
  /** When the current wait for a decision began (the last step that started it). */
  since: string | null;
  /** When the decision is due: the reminder's own `due` if one was sent, else since + the policy's decisionDeadline. */
  dueAt: string | null;
  /** The process escalated the decision (a `decision_escalated` event after `since`). */
  escalated: boolean;
  /** Who recorded the last decision, when it was a go that left the project awaiting a second approval. */
  lastDecision: { actor: string | null; at: string; outcome: string | null } | null;
}

/**
 * The API has no decision due date on a project: the process keeps it in the workflow and shows it
 * on the timeline only (a `decision_reminder` with `due`, then `decision_escalated`). This reads them
 * there, and falls back to the policy snapshot's `decisionDeadline` counted from the step that
 * started the wait.
 */
export function decisionClock(events: TimelineEvent[], decisionDeadline: string | undefined): DecisionClock {
  let start = -1;
  events.forEach((e, i) => {
    if (CLOCK_STARTS.has(e.type)) start = i;
  });
  const since = start >= 0 ? events[start].at : null;
  const after = start >= 0 ? events.slice(start + 1) : events;
  const reminder = [...after].reverse().find((e) => e.type === 'decision_reminder');
  const remindedDue = typeof reminder?.data['due'] === 'string' ? reminder.data['due'] : null;
  const deadline = decisionDeadline ? durationMs(decisionDeadline) : null;
  const dueAt = remindedDue ?? (since && deadline !== null ? new Date(new Date(since).getTime() + deadline).toISOString() : null);
  const decided = [...events].reverse().find((e) => e.type === 'decision_recorded');
  return {
    since,
    dueAt,
    escalated: after.some((e) => e.type === 'decision_escalated'),
    lastDecision: decided
      ? { actor: decided.actor.name, at: decided.at, outcome: typeof decided.data['outcome'] === 'string' ? decided.data['outcome'] : null }
      : null,
  };
}

/** Whole days from `iso` to now (0 within the first day). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
}

/** A 0–5 score as the report writes it (two decimals at most). */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : String(Math.round(score * 100) / 100);
}
