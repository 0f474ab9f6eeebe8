/**
 * `npm start`'s terminal output. The api and worker always log JSON lines (pino), which is what a
 * log collector wants and what production keeps; a person at a terminal gets each line as a short
 * one instead: `12:03:04 api     POST /projects 201 14ms`. Plain code, no pino-pretty: the
 * production image has no devDependencies, and the supervisor formats every child the same way.
 */

export type LogFormat = 'pretty' | 'json';

/**
 * LOG_FORMAT when set; otherwise pretty only for a person at a terminal, never in production.
 */
export function chooseLogFormat(setting: LogFormat | undefined, nodeEnv: string | undefined, stdoutIsTty: boolean): LogFormat {
  if (setting) return setting;
  return stdoutIsTty && nodeEnv !== 'production' ? 'pretty' : 'json';
}

export interface PrettyOptions {
  /** ANSI colours (a terminal that has them, and no NO_COLOR). */
  color: boolean;
  /** Service names are padded to this width so the messages line up. */
  nameWidth?: number;
  /** Extra fields are cut to this many characters. */
  maxExtra?: number;
}

const LEVELS: Record<number, { label: string; color: number }> = {
  10: { label: 'TRACE', color: 90 },
  20: { label: 'DEBUG', color: 90 },
  30: { label: '', color: 0 },
  40: { label: 'WARN', color: 33 },
  50: { label: 'ERROR', color: 31 },
  60: { label: 'FATAL', color: 31 },
};

/** Fields that every line has or that the short form already shows. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v', 'context', 'err', 'req', 'res', 'responseTime']);

const paint = (on: boolean, code: number, text: string) => (on && code ? `\x1b[${code}m${text}\x1b[0m` : text);

function clock(time: unknown): string {
  const at = typeof time === 'number' ? new Date(time) : new Date();
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function statusColor(status: number): number {
  if (status >= 500) return 31;
  if (status >= 400) return 33;
  if (status >= 300) return 36;
  return 32;
}

function renderValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** One line of a service's output, short. A line that is not a JSON object passes through as text. */
export function formatLogLine(service: string, line: string, options: PrettyOptions): string {
  const { color } = options;
  const name = service.padEnd(options.nameWidth ?? 6);
  let entry: Record<string, unknown> | null = null;
  if (line.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) entry = parsed as Record<string, unknown>;
    } catch {
      // not JSON after all: shown as it is
    }
  }
  if (!entry) return `${paint(color, 2, clock(undefined))} ${paint(color, 36, name)} ${line}`;

  const level = LEVELS[typeof entry['level'] === 'number' ? entry['level'] : 30] ?? LEVELS[30]!;
  const parts = [paint(color, 2, clock(entry['time'])), paint(color, 36, name)];
  if (level.label) parts.push(paint(color, level.color, level.label.padEnd(5)));

  const req = entry['req'] as { method?: unknown; url?: unknown } | undefined;
  const res = entry['res'] as { statusCode?: unknown } | undefined;
  if (req && typeof req.method === 'string' && res && typeof res.statusCode === 'number') {
    // A request: method, URL, status, time; the request id only when something went wrong.
    parts.push(`${req.method} ${String(req.url)} ${paint(color, statusColor(res.statusCode), String(res.statusCode))}`);
    if (typeof entry['responseTime'] === 'number') parts[parts.length - 1] += ` ${entry['responseTime']}ms`;
    if (res.statusCode >= 500 && entry['requestId']) parts.push(paint(color, 2, `requestId=${String(entry['requestId'])}`));
    return parts.join(' ');
  }

  let text = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  if (typeof entry['context'] === 'string') text = `${paint(color, 2, `[${entry['context']}]`)} ${text}`;
  parts.push(text);
  const extras = Object.entries(entry)
    .filter(([key, value]) => !SHOWN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${renderValue(value)}`)
    .join(' ');
  if (extras) {
    const max = options.maxExtra ?? 200;
    parts.push(paint(color, 2, extras.length > max ? `${extras.slice(0, max - 1)}…` : extras));
  }
  let out = parts.join(' ');
  const err = entry['err'] as { message?: unknown; stack?: unknown } | undefined;
  if (err && typeof err === 'object') {
    const detail = typeof err.stack === 'string' ? err.stack : typeof err.message === 'string' ? err.message : JSON.stringify(err);
    out += `\n${paint(color, 2, detail.split('\n').map((l) => `    ${l}`).join('\n'))}`;
  }
  return out;
}
