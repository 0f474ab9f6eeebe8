import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';

export interface CallResult<T = any> {
  status: number;
  body: T;
  /**
   * An earlier attempt of this same call got no answer, or a 5xx: it may have taken effect before
   * it failed. A refusal after that (409, 422) may be the refusal of our own earlier success.
   */
  ambiguous: boolean;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Told about every attempt that is retried, and why. */
  onRetry?: (why: string) => void;
  /** One attempt: a lost answer is thrown, a 5xx returned (a client that gives up). */
  once?: boolean;
}

/** Why calls were retried, over the whole run. */
export interface RetryStats {
  network: number;
  timeout: number;
  serverError: number;
  throttled: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What a well-behaved client of dueflow does while servers crash under it: every call goes to one
 * of the API processes (round robin), and a call that gets no answer, times out or gets a 5xx is
 * sent again, unchanged (same Idempotency-Key), to the next API until one answers with something
 * else. It never gives up before `giveUpAt`.
 */
export class ResilientClient {
  readonly retries: RetryStats = { network: 0, timeout: 0, serverError: 0, throttled: 0 };
  /** Distinct failures seen, with how often: what "network" and "serverError" were. */
  readonly failures = new Map<string, number>();
  private readonly tokens = new Map<string, Promise<string>>();
  private next = 0;

  constructor(
    private readonly baseUrls: readonly string[],
    private readonly options: { timeoutMs: number; giveUpAt: () => number },
  ) {}

  /** `as` logs in once per email (through whichever API answers) and sends the token. */
  async call<T = any>(as: string | null, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let ambiguous = false;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        if (Date.now() > this.options.giveUpAt()) throw new Error(`gave up on ${method} ${path} after ${attempt} attempts`);
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
      }
      if (as) headers['authorization'] = `Bearer ${await this.token(as)}`;
      const baseUrl = this.baseUrls[this.next++ % this.baseUrls.length]!;
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(this.options.timeoutMs) });
        text = await response.text();
      } catch (error) {
        if (options.once) throw error;
        if (isTimeout(error)) this.retries.timeout++;
        else this.retries.network++;
        this.note(describeFailure(error));
        options.onRetry?.(describeFailure(error));
        ambiguous = true;
        continue;
      }
      if (response.status >= 500 && !options.once) {
        this.retries.serverError++;
        this.note(`${response.status} ${method} ${path.replace(/[0-9a-f-]{36}/g, ':id').split('?')[0]}`);
        options.onRetry?.(`${response.status}`);
        ambiguous = true;
        continue;
      }
      if (response.status === 429) {
        this.retries.throttled++;
        continue;
      }
      if (response.status === 401 && as) {
        // Never expected (one secret, hour-long tokens); log in again rather than fail the run.
        this.tokens.delete(as);
        continue;
      }
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed as T, ambiguous };
    }
  }

  private note(failure: string): void {
    this.failures.set(failure, (this.failures.get(failure) ?? 0) + 1);
  }

  private token(email: string): Promise<string> {
    let token = this.tokens.get(email);
    if (!token) {
      token = this.call<{ accessToken: string }>(null, 'POST', '/auth/login', { body: { email, password: DEFAULT_DEMO_PASSWORD } }).then((res) => {
        if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.accessToken;
      });
      token.catch(() => this.tokens.delete(email));
      this.tokens.set(email, token);
    }
    return token;
  }
}

// Duck-typed: fetch's errors come from Node's realm, not the test environment's, so `instanceof Error` fails.
function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  if (!e?.message) return String(error);
  return `${e.name}: ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
