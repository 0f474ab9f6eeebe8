import { chooseLogFormat, formatLogLine } from './log-format';

/** Local time, so the expected clock reads the same in every time zone. */
const at = new Date(2026, 11, 2, 12, 3, 4).getTime();
const plain = { color: false, nameWidth: 6 };

describe('formatLogLine', () => {
  it('shortens a request line to method, URL, status and time', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      pid: 7,
      hostname: 'h',
      name: 'dueflow-api',
      req: { id: 'r1', method: 'POST', url: '/projects', remoteAddress: '127.0.0.1' },
      requestId: 'r1',
      res: { statusCode: 201 },
      responseTime: 14,
      msg: 'request completed',
    });
    expect(formatLogLine('api', line, plain)).toBe('12:03:04 api    POST /projects 201 14ms');
  });

  it('labels a failed request and gives its request id', () => {
    const line = JSON.stringify({ level: 50, time: at, req: { method: 'GET', url: '/x?y=1' }, requestId: 'abc', res: { statusCode: 500 }, responseTime: 3, msg: 'request errored' });
    expect(formatLogLine('api', line, plain)).toBe('12:03:04 api    ERROR GET /x?y=1 500 3ms requestId=abc');
  });

  it('writes other lines as their message and their own fields, without the ones every line has', () => {
    const line = JSON.stringify({ level: 30, time: at, pid: 1, hostname: 'h', name: 'dueflow-worker', taskQueue: 'dueflow', namespace: 'default', msg: 'worker started' });
    expect(formatLogLine('worker', line, plain)).toBe('12:03:04 worker worker started taskQueue=dueflow namespace=default');
    const nested = JSON.stringify({ level: 40, time: at, msg: 'slow', context: 'Outbox', detail: { a: 1 }, note: 'two words' });
    expect(formatLogLine('worker', nested, plain)).toBe('12:03:04 worker WARN  [Outbox] slow detail={"a":1} note="two words"');
  });

  it('puts an error\'s stack under its line, indented', () => {
    const line = JSON.stringify({ level: 50, time: at, msg: 'unhandled error', requestId: 'r9', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at main (main.js:1:1)' } });
    expect(formatLogLine('api', line, plain)).toBe('12:03:04 api    ERROR unhandled error requestId=r9\n    Error: boom\n        at main (main.js:1:1)');
  });

  it('cuts long extra fields', () => {
    const line = JSON.stringify({ level: 30, time: at, msg: 'm', big: 'x'.repeat(500) });
    const out = formatLogLine('api', line, { ...plain, maxExtra: 20 });
    expect(out).toBe(`12:03:04 api    m ${'big='.concat('x'.repeat(15))}…`);
  });

  it('passes a line that is not a JSON object through as text, with the time and service', () => {
    expect(formatLogLine('api', 'dueflow api: SIGTERM received', plain)).toMatch(/^\d\d:\d\d:\d\d api {4}dueflow api: SIGTERM received$/);
    expect(formatLogLine('api', '{not json', plain)).toMatch(/ api {4}\{not json$/);
    expect(formatLogLine('api', '[1,2]', plain)).toMatch(/ api {4}\[1,2\]$/);
  });

  it('colours the status by class when asked, and only then', () => {
    const line = (status: number) => JSON.stringify({ level: 30, time: at, req: { method: 'GET', url: '/' }, res: { statusCode: status }, responseTime: 1 });
    expect(formatLogLine('api', line(201), { color: true })).toContain('\x1b[32m201\x1b[0m');
    expect(formatLogLine('api', line(404), { color: true })).toContain('\x1b[33m404\x1b[0m');
    expect(formatLogLine('api', line(503), { color: true })).toContain('\x1b[31m503\x1b[0m');
    expect(formatLogLine('api', line(201), { color: false })).not.toContain('\x1b[');
  });
});

describe('chooseLogFormat', () => {
  it('is pretty for a person at a terminal, JSON otherwise and in production, and LOG_FORMAT decides when set', () => {
    expect(chooseLogFormat(undefined, undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, 'development', true)).toBe('pretty');
    expect(chooseLogFormat(undefined, undefined, false)).toBe('json');
    expect(chooseLogFormat(undefined, 'production', true)).toBe('json');
    expect(chooseLogFormat('json', undefined, true)).toBe('json');
    expect(chooseLogFormat('pretty', undefined, false)).toBe('pretty');
  });
});
