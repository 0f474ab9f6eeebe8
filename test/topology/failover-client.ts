import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';

export interface Reply<T = any> {
  status: number;
  body: T;
  /** The call failed at least once (connection lost, 5xx) before this reply: an earlier attempt may have taken effect. */
  retried: boolean;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Network errors that mean "this instance is gone or went away mid-call", not "the request was bad". */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT']);

function connectionCode(error: unknown): string | null {
  for (let e: any = error; e; e = e.cause) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return e.code;
  }
  return error instanceof TypeError && /fetch failed|terminated|other side closed/i.test(error.message) ? 'fetch failed' : null;
}

/**
 * What a client of a horizontally scaled API does: spreads calls over every instance, and when one
 * stops answering, retries the same call (same body, same Idempotency-Key) on another. Tokens are
 * JWTs signed with the shared secret, so one login serves every instance.
 */
export class FailoverClient {
  private next = 0;
  private readonly down = new Set<string>();
  private readonly tokens = new Map<string, Promise<string>>();
  /** Calls that were retried after a lost connection or a 5xx. */
  retriedCalls = 0;
  /** Every failed attempt, by cause. */
  readonly failures = new Map<string, number>();
  /** Milliseconds per answered call, by method and route (ids replaced). */
  private readonly latencies = new Map<string, number[]>();

  constructor(private readonly instances: string[]) {}

  get live(): string[] {
    return this.instances.filter((url) => !this.down.has(url));
  }

  private pick(): string {
    const live = this.live;
    if (live.length === 0) throw new Error(`every API instance is down: ${this.instances.join(', ')}`);
    return live[this.next++ % live.length]!;
  }

  private noteFailure(cause: string): void {
    this.failures.set(cause, (this.failures.get(cause) ?? 0) + 1);
  }

  async call<T = any>(method: string, path: string, options: CallOptions & { token?: string } = {}): Promise<Reply<T>> {
    let retried = false;
    for (let attempt = 1; ; attempt++) {
      const base = this.pick();
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const sent = Date.now();
      try {
        const response = await fetch(`${base}${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(120_000),
        });
        const text = await response.text();
        this.record(method, path, Date.now() - sent);
        if (response.status >= 500 && attempt < 30) {
          this.noteFailure(`HTTP ${response.status}`);
          if (!retried) this.retriedCalls += 1;
          retried = true;
          await pause(attempt);
          continue;
        }
        return { status: response.status, body: parseJson(text) as T, retried };
      } catch (error) {
        const code = connectionCode(error);
        if (!code || attempt >= 30) throw error;
        this.noteFailure(code);
        // Refused: the instance is gone; a reset may be one dropped keep-alive socket, so only mark it down when refused.
        if (code === 'ECONNREFUSED') this.down.add(base);
        if (!retried) this.retriedCalls += 1;
        retried = true;
        await pause(attempt);
      }
    }
  }

  private record(method: string, path: string, ms: number): void {
    const route = `${method} ${path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')}`;
    let list = this.latencies.get(route);
    if (!list) this.latencies.set(route, (list = []));
    list.push(ms);
  }

  /** Calls, median, 95th percentile and max latency per route. */
  latencySummary(): Record<string, { calls: number; p50: number; p95: number; max: number }> {
    const summary: Record<string, { calls: number; p50: number; p95: number; max: number }> = {};
    for (const [route, list] of this.latencies) {
      const sorted = [...list].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      summary[route] = { calls: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
    }
    return summary;
  }

  /** Logs in once per email (on whichever instance answers) and remembers the token. */
  token(email: string, password = DEFAULT_DEMO_PASSWORD): Promise<string> {
    let token = this.tokens.get(email);
    if (!token) {
      token = this.call('POST', '/auth/login', { body: { email, password } }).then((res) => {
        if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.accessToken as string;
      });
      token.catch(() => this.tokens.delete(email));
      this.tokens.set(email, token);
    }
    return token;
  }

  /** Logins that were repeated because a token had expired. */
  relogins = 0;

  /** Calls as `email`; a 401 on a remembered token (it expired: tokens last an hour) logs in again once. */
  async as<T = any>(email: string, method: string, path: string, options: CallOptions & { password?: string } = {}): Promise<Reply<T>> {
    const { password, ...rest } = options;
    const token = await this.token(email, password);
    const res = await this.call<T>(method, path, { ...rest, token });
    if (res.status !== 401) return res;
    if (this.tokens.get(email) && (await this.tokens.get(email)) === token) this.tokens.delete(email);
    this.relogins += 1;
    return this.call<T>(method, path, { ...rest, token: await this.token(email, password) });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 1000)));
}

/** Polls until `probe` returns something truthy. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time; the first failure stops new work and is thrown. */
export async function inPool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  let failed: unknown = null;
  const lane = async () => {
    while (failed === null && nextIndex < items.length) {
      const index = nextIndex++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failed !== null) throw failed;
  return results;
}
