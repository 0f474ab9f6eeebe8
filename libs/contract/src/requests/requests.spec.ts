import { checkRequest } from './check';
import { ConflictRequest, CreateUserRequest } from './user.request';
import { CreateProjectRequest, DecisionBody, ListProjectsQuery, SIGNING_CLOCK_SKEW_MS, SigningBody } from './project.request';
import { PolicyReplacement } from './policy.request';
import { z } from 'zod';
import { DEFAULT_POLICY } from '@dueflow/domain';
import { REQUEST_SCHEMAS } from './index';
import { TEXT_PATTERN } from './text';

const problemsOf = (schema: Parameters<typeof checkRequest>[0], value: unknown) => {
  const checked = checkRequest(schema, value);
  return checked.ok ? [] : checked.problems;
};

const project = () => ({
  name: 'Reducer line',
  company: 'Harmonic Drives Co., Ltd.',
  sector: 'robotics',
  totalInvestment: { amount: 300_000_000, currency: 'CNY' },
  source: 'direct',
  summary: 'Pilot line running.',
});

describe('request schemas', () => {
  it('give one detail per bad query parameter (limit=abc once, not three times)', () => {
    expect(problemsOf(ListProjectsQuery, { limit: 'abc' })).toEqual([{ field: 'limit', problem: 'must be an integer from 1 to 100' }]);
    expect(checkRequest(ListProjectsQuery, { limit: '20' })).toEqual({ ok: true, value: { limit: 20 } });
    expect(problemsOf(ListProjectsQuery, { page: '2' })).toEqual([{ field: 'page', problem: 'is not a known field' }]);
  });

  it('apply the text rule to every text field of a project, and list every bad field', () => {
    const bad = { ...project(), name: 'a\u0000', summary: '\u0000', contact: { name: 'x\u0000', phone: '\u0001', title: 'ok' }, surprise: 1 };
    expect(problemsOf(CreateProjectRequest, bad).map((p) => p.field).sort()).toEqual(['contact.name', 'contact.phone', 'name', 'summary', 'surprise']);
  });

  it('take an optional credit code, checked and stored upper-case', () => {
    expect(checkRequest(CreateProjectRequest, { ...project(), creditCode: '91350100m000100y43' })).toMatchObject({ ok: true, value: { creditCode: '91350100M000100Y43' } });
    expect(problemsOf(CreateProjectRequest, { ...project(), creditCode: '91350100M000100Y44' })).toEqual([{ field: 'creditCode', problem: 'has a wrong check character (mistyped?)' }]);
    expect(problemsOf(ConflictRequest, { company: 'SecCo', creditCode: 'short', reason: 'x' })).toEqual([
      { field: 'creditCode', problem: 'must be 18 characters of 0-9 and A-Z without I, O, S, V, Z' },
    ]);
  });

  it('refuse a NUL in a user name and a conflict', () => {
    expect(problemsOf(CreateUserRequest, { email: 'a@example.com', name: 'A\u0000', password: 'long-enough-pw', roles: ['officer'] }).map((p) => p.field)).toEqual(['name']);
    expect(problemsOf(ConflictRequest, { company: 'Sec\u0000Co', reason: 'x\u0000' }).map((p) => p.field)).toEqual(['company', 'reason']);
  });

  it('refuse a signing in the future or for nothing', () => {
    const now = Date.now();
    expect(problemsOf(SigningBody, { signedAt: '9999-12-31T00:00:00Z', agreedInvestment: { amount: 0, currency: 'CNY' } })).toEqual([
      { field: 'signedAt', problem: 'must not be in the future' },
      { field: 'agreedInvestment.amount', problem: 'must be a positive integer (yuan)' },
    ]);
    expect(problemsOf(SigningBody, { signedAt: new Date(now + SIGNING_CLOCK_SKEW_MS / 2).toISOString(), agreedInvestment: { amount: 1, currency: 'CNY' } })).toEqual([]);
    expect(problemsOf(SigningBody, { signedAt: '2025-02-30T00:00:00Z', agreedInvestment: { amount: 1, currency: 'CNY' } }).map((p) => p.field)).toEqual(['signedAt']);
  });

  it('want questions with request_info even when another field is bad too', () => {
    expect(problemsOf(DecisionBody, { outcome: 'request_info', rationale: '' }).map((p) => p.field).sort()).toEqual(['questions', 'rationale']);
  });

  it('take the policy as GET /policy shows it, version required', () => {
    expect(checkRequest(PolicyReplacement, { version: 3, ...DEFAULT_POLICY }).ok).toBe(true);
    expect(problemsOf(PolicyReplacement, { ...DEFAULT_POLICY })).toEqual([{ field: 'version', problem: 'is required' }]);
    const bad = { version: 0, ...DEFAULT_POLICY, quorum: { expert: 3, vc: 1, academic: 1 }, reminderBefore: 'P30D', trackWeights: { expert: 0.5, vc: 0.5, academic: 0.5 }, sectors: ['robotics', 'robotics'] };
    expect(problemsOf(PolicyReplacement, bad)).toEqual(
      expect.arrayContaining([
        { field: 'quorum.expert', problem: 'must not exceed reviewersPerTrack' },
        { field: 'reminderBefore', problem: 'must be shorter than reviewDeadline' },
        { field: 'trackWeights', problem: 'weights must add up to 1' },
        { field: 'sectors', problem: 'must be a non-empty list of sectors, none repeated' },
      ]),
    );
  });
});

describe('every request schema', () => {
  interface Node {
    $ref?: string;
    type?: string;
    enum?: unknown[];
    format?: string;
    pattern?: string;
    properties?: Record<string, Node>;
    items?: Node;
  }
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(REQUEST_SCHEMAS)) registry.add(schema, { id });
  const json = z.toJSONSchema(registry, { io: 'input', uri: (id) => `#${id}` }).schemas as Record<string, Node>;
  const resolve = (node: Node) => (node.$ref ? json[node.$ref.slice(1)]! : node);

  /** Strings that are not free text: each checked by its own pattern, or (a password) never stored. */
  const NOT_TEXT = new Set(['password', 'currentPassword', 'newPassword', 'creditCode', 'reviewDeadline', 'reminderBefore', 'decisionDeadline', 'signingDeadline']);

  it('puts every free-text string field under the text rule (a new field cannot skip it)', () => {
    const untreated: string[] = [];
    const walk = (node: Node, path: string, key: string) => {
      const s = resolve(node);
      if (s.type === 'string' && !s.enum && !s.format && !NOT_TEXT.has(key) && s.pattern !== TEXT_PATTERN) untreated.push(path);
      for (const [k, child] of Object.entries(s.properties ?? {})) walk(child, `${path}.${k}`, k);
      if (s.items) walk(s.items, `${path}[]`, key);
    };
    for (const id of Object.keys(json)) walk({ $ref: `#${id}` }, id, '');
    expect(untreated).toEqual([]);
  });
});
