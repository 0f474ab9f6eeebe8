/**
 * ISO-8601 durations (`P14D`, `PT30S`, `P1DT2H`) as used throughout policy.
 * Years and months are refused: their length depends on the calendar, and policy timers must not.
 */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && value !== 'P' && !value.endsWith('T') && PATTERN.test(value);
}

/** Milliseconds in an ISO-8601 duration; throws on anything else. */
export function durationToMs(value: string): number {
  const match = isIsoDuration(value) ? PATTERN.exec(value) : null;
  if (!match) throw new RangeError(`not an ISO-8601 duration (weeks, days, hours, minutes, seconds): ${value}`);
  const [, w, d, h, m, s] = match;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return Math.round(((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(m)) * 60 + n(s)) * 1000);
}
