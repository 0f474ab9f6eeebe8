/**
 * dueflow's HTTP API as a client sees it: JSON over keep-alive connections, bearer tokens per
 * account. Built on `node:http` rather than `fetch`: the load generator shares the machine's cores
 * with what it measures, and fetch (undici's WHATWG layer: streams, Headers, Response objects)
 * spent about twice the CPU per request of the pg client on the other side of P2.
 */
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { RUBRICS, Track } from '@dueflow/domain';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';

export const OFFICER = 'officer@dueflow.local';
export const MANAGER = 'manager@dueflow.local';
export const ADMIN = 'admin@dueflow.local';
export const REVIEWERS = ['expert1', 'expert2', 'vc1', 'vc2', 'academic1', 'academic2'].map((name) => `${name}@dueflow.local`);

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export interface Account {
  id: string;
  email: string;
  token: string;
}

export class ApiClient {
  private readonly url: URL;
  /** Sockets are reused across requests; as many open at once as requests in flight. */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(readonly baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  /** Sends one request; throws HttpError unless the status is 2xx. */
  async call<T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, token, body);
    if (res.status < 200 || res.status >= 300) throw new HttpError(method, path, res.status, res.text);
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  }

  /**
   * Reads a resource as a watcher does: with the tag of what it last saw, asking the API to hold
   * the request until that changes (If-None-Match, `Prefer: wait`). The body is null when the
   * wait ended with nothing new (304).
   */
  async watch<T>(path: string, token: string, etag: string | null, waitSeconds: number): Promise<{ etag: string; body: T | null }> {
    const headers: Record<string, string> = etag ? { 'if-none-match': etag, prefer: `wait=${waitSeconds}` } : {};
    const res = await this.send('GET', path, token, undefined, headers);
    const tag = res.headers['etag'];
    if (typeof tag !== 'string') throw new HttpError('GET', path, res.status, `no ETag in the answer; ${res.text}`);
    if (res.status === 304) return { etag: tag, body: null };
    if (res.status !== 200) throw new HttpError('GET', path, res.status, res.text);
    return { etag: tag, body: JSON.parse(res.text) as T };
  }

  private send(method: string, path: string, token?: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
    const headers: Record<string, string> = { ...extra };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request({ agent: this.agent, host: this.url.hostname, port: this.url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Closes the kept-alive sockets (at the end of a run). */
  close(): void {
    this.agent.destroy();
  }

  async login(email: string, password = DEFAULT_DEMO_PASSWORD): Promise<Account> {
    const res = await this.call<{ accessToken: string; user: { id: string } }>('POST', '/auth/login', undefined, { email, password });
    return { id: res.user.id, email, token: res.accessToken };
  }
}

/** A valid submission; `tag` makes the company unique, so no reviewer conflict carries over. */
export function projectBody(tag: string) {
  return {
    name: `Precision reducer line ${tag}`,
    company: `Harmonic Drives ${tag} Co., Ltd.`,
    sector: 'robotics',
    totalInvestment: { amount: 300_000_000, currency: 'CNY' },
    expectedAnnualOutput: { amount: 500_000_000, currency: 'CNY' },
    landAreaMu: 40,
    headcount: 220,
    source: 'industry_chain',
    stage: 'accelerator',
    summary: 'Harmonic reducers for industrial robot joints; pilot line running, seeking a production base.',
    contact: { name: 'Li Wei', email: `li.wei.${tag}@example.com` },
  };
}

/** A complete review for the track's rubric. */
export function reviewBody(track: Track) {
  return {
    scores: Object.fromEntries(RUBRICS[track].criteria.map((c) => [c.key, 4])),
    recommendation: 'go',
    riskPoints: [{ category: 'Supply chain', severity: 'medium', description: 'Single supplier for precision bearings.' }],
    comments: `Reviewed on the ${track} track.`,
    ...(track === 'vc' ? { coInvestment: { willing: true, amount: { amount: 20_000_000, currency: 'CNY' } } } : {}),
  };
}
