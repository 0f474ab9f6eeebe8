/**
 * Building blocks for the bad-input property suite (test/e2e/bad-input.property.e2e-spec.ts):
 * generators of requests the API must refuse, a raw HTTP client that sends them byte for byte,
 * the error-shape check, and a fingerprint of every table to prove refusals write nothing.
 *
 * Every generated request carries the reasons it must be refused (`refusedBecause`). A request to a
 * write route with no reason at all is never generated: the body generator is then forced to break
 * at least one field, so a 2xx on a write route is always a finding (an API or generator bug).
 */
import { createHmac } from 'node:crypto';
import { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REQUEST_SCHEMAS, TEXT_PATTERN } from '@dueflow/contract';
import { DEFAULT_POLICY, PROJECT_STATUSES, ROLES, RUBRICS, Role, SECTORS, TASK_STATUSES, TRACKS } from '@dueflow/domain';
import type { RegisteredRoute } from '@dueflow/api';
import { projectBody, reviewBody } from './factories';

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

/** Who sends a request: nobody, someone with a token the API must refuse, or a real user. */
export interface Caller {
  label: string;
  /** The full Authorization header, if any. */
  authorization?: string;
  /** Roles of a real, valid token; undefined when the caller cannot authenticate. */
  roles?: readonly Role[];
}

export interface SignedInUser {
  email: string;
  token: string;
  roles: readonly Role[];
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A correctly signed HS256 token, for forging expired or wrong-issuer tokens in tests. */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The claims of a token (no verification: only to learn the demo users' ids). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Anonymous callers, tokens that must never authenticate, and the real users. The forged ones
 * cover each way a token can be wrong: not a JWT, bad signature, `alg: none`, expired, wrong
 * issuer, wrong scheme, a right token with its roles edited.
 */
export function callers(users: SignedInUser[], jwtSecret: string): Caller[] {
  const now = Math.floor(Date.now() / 1000);
  const admin = users.find((u) => u.roles.includes('admin')) ?? users[0]!;
  const claims = jwtClaims(admin.token);
  const [head, , signature] = admin.token.split('.');
  const escalated = base64url(JSON.stringify({ ...claims, roles: [...ROLES] }));
  const refused: Caller[] = [
    { label: 'anonymous' },
    { label: 'garbage token', authorization: 'Bearer garbage' },
    { label: 'empty bearer', authorization: 'Bearer ' },
    { label: 'basic scheme', authorization: `Basic ${base64url('admin@dueflow.local:dueflow-demo')}` },
    { label: 'token without scheme', authorization: admin.token },
    { label: 'truncated token', authorization: `Bearer ${admin.token.slice(0, -3)}` },
    { label: 'roles edited, old signature', authorization: `Bearer ${head}.${escalated}.${signature}` },
    { label: 'alg none', authorization: `Bearer ${base64url('{"alg":"none","typ":"JWT"}')}.${escalated}.` },
    { label: 'wrong secret', authorization: `Bearer ${signJwt({ ...claims, iat: now, exp: now + 600 }, 'x'.repeat(40))}` },
    { label: 'expired', authorization: `Bearer ${signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, jwtSecret)}` },
    { label: 'wrong issuer', authorization: `Bearer ${signJwt({ ...claims, iss: 'someone-else', iat: now, exp: now + 600 }, jwtSecret)}` },
    { label: 'header injection', authorization: `Bearer ${admin.token} Bearer ${admin.token}` },
  ];
  return [...refused, ...users.map((u) => ({ label: u.email, authorization: `Bearer ${u.token}`, roles: u.roles }))];
}

// ---------------------------------------------------------------------------------------------
// Values that must be refused, by the kind of field they are sent to
// ---------------------------------------------------------------------------------------------

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Not a string: every JSON type but string. */
const notAString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

/** A string field (with its length limits), sent something it must refuse. */
function badString(min: number, max: number): fc.Arbitrary<unknown> {
  const tooLong = fc.integer({ min: max + 1, max: max + 50 }).chain((n) => fc.constantFrom('x', '界', '😀').map((ch) => ch.repeat(n)));
  return min >= 1 ? fc.oneof(notAString, tooLong, fc.constant('')) : fc.oneof(notAString, tooLong);
}

/** Text that is none of `allowed`, including near misses (case, whitespace) and non-strings. */
function badEnum(allowed: readonly string[]): fc.Arbitrary<unknown> {
  const nearMiss = fc.constantFrom(...allowed).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v} `, `${v}x`, v.replace(/_/g, '-')));
  return fc.oneof(fc.string().filter((s) => !allowed.includes(s)), nearMiss.filter((s) => !allowed.includes(s)), fc.integer(), fc.constant(null), fc.constant([allowed[0]]), fc.boolean());
}

/** An integer field: out of range, fractional, numeric strings, not a number at all. */
function badInt(min: number, max: number): fc.Arbitrary<unknown> {
  const cases: fc.Arbitrary<unknown>[] = [
    fc.integer({ min: Math.max(min - 1_000_000, Number.MIN_SAFE_INTEGER), max: min - 1 }),
    fc.constantFrom(min + 0.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2),
    fc.constantFrom(String(min), `${max}`, '1e3', '0x10', '', 'NaN'),
    fc.boolean(),
    fc.constant(null),
    fc.constant([min]),
    fc.constant({ value: min }),
  ];
  if (max < Number.MAX_SAFE_INTEGER) cases.push(fc.integer({ min: max + 1, max: Math.min(max + 1_000_000, Number.MAX_SAFE_INTEGER) }));
  return fc.oneof(...cases);
}

/** A number field with limits (fractions allowed). */
function badNumber(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(min - 0.001, max + 0.001, -1e300, 1e300), fc.constantFrom(String(min), 'Infinity'), fc.boolean(), fc.constant([min]));
}

const badEmail = fc.oneof(
  fc.constantFrom('not-an-email', 'a@', '@example.com', 'a@@example.com', 'a b@example.com', `${'x'.repeat(250)}@example.com`, ''),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes('@')),
  notAString,
);

const badBoolean = fc.oneof(fc.constantFrom('true', 'false', 1, 0, 'yes', null), fc.constant([true]), fc.constant({}));

const badDateTime = fc.oneof(fc.constantFrom('yesterday', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z', '01/02/2024', '2024-01-01T00:00:00+99:00', ''), fc.integer(), fc.constant(null), fc.constant([]));

/** An array of strings with a maximum count and length, or a non-array. */
function badStringArray(opts: { minItems?: number; maxItems: number; maxLength: number; minLength?: number }): fc.Arbitrary<unknown> {
  const cases: fc.Arbitrary<unknown>[] = [
    notAString.filter((v) => !Array.isArray(v)),
    fc.string(),
    fc.constant(Array.from({ length: opts.maxItems + 1 }, (_, i) => `item ${i}`)),
    fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.constant({})), { minLength: 1, maxLength: 3 }),
    fc.constant(['x'.repeat(opts.maxLength + 1)]),
  ];
  if ((opts.minItems ?? 0) >= 1) cases.push(fc.constant([]));
  if ((opts.minLength ?? 0) >= 1) cases.push(fc.constant(['']));
  return fc.oneof(...cases);
}

/** Where a nested object is expected: scalars, and arrays (which class-validator might walk into). */
const badObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([]), fc.constant(['x']), fc.constant([{ amount: 1, currency: 'CNY' }]));


const badDuration = fc.oneof(fc.constantFrom('P1Y', 'P1M', 'two weeks', 'PT0S', 'P0D', 'P', 'PT', 'P14', '14D', 'p14d', 'P-1D', 'PT1.5555S', ''), fc.integer(), fc.constant(null));

// ---------------------------------------------------------------------------------------------
// Body specifications: a valid body and, per field, values that must be refused
// ---------------------------------------------------------------------------------------------

/** One field of a body, by dotted path, and what must be refused there. */
export interface FieldRule {
  path: string;
  /** Removing it (with its parent present) must be refused. */
  required: boolean;
  bad: fc.Arbitrary<unknown>;
}

export interface BodySpec {
  /** A body that passes validation. */
  valid: () => Record<string, unknown>;
  fields: FieldRule[];
  /** Paths of objects that refuse unknown keys ('' is the body itself). */
  objects: string[];
  /** Whole bodies that must be refused although every field on its own is fine. */
  variants?: Array<{ name: string; body: () => Record<string, unknown> }>;
  /** Fields under the text rule, by dotted path, with their length limit: harmless exotic text goes there. */
  texts?: Array<{ path: string; max: number }>;
}

/** What the suite knows about a route (other routes are still exercised, generically). */
export interface RouteSpec {
  /** Roles that may call it; a signed-in caller without one of them must get 403. */
  roles?: readonly Role[];
  body?: BodySpec;
  /** Every valid body is refused too (login with accounts that don't exist). */
  refusesEveryBody?: boolean;
  query?: Record<string, fc.Arbitrary<string>>;
  /** Header values that must be refused, by header name. */
  badHeaders?: Record<string, fc.Arbitrary<string>>;
  /** The ids of existing objects this route acts on are all closed, so every write is refused by state. */
  existingIdsAreClosed?: boolean;
}

/** `null` is how a client leaves an optional field out, so it is never a bad value for one. */
const rule = (path: string, required: boolean, bad: fc.Arbitrary<unknown>): FieldRule => ({ path, required, bad: required ? bad : bad.filter((v) => v !== null) });

// ---------------------------------------------------------------------------------------------
// Field rules derived from the request schemas (libs/contract/src/requests), through the same JSON
// Schema the OpenAPI document shows: a field added to a schema is fuzzed without touching this file.
// ---------------------------------------------------------------------------------------------

/** What the suite reads of a JSON Schema node. */
interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

const REF = '#/request/';

/** Every request schema as JSON Schema (input side: what a client sends), by component name. */
const REQUEST_JSON: Record<string, JsonSchema> = (() => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(REQUEST_SCHEMAS)) registry.add(schema, { id });
  return z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', uri: (id) => `${REF}${id}` }).schemas as Record<string, JsonSchema>;
})();

const resolve = (node: JsonSchema): JsonSchema => (node.$ref ? REQUEST_JSON[node.$ref.slice(REF.length)]! : node);

/** The text rule's fields say so in their schema (text() in libs/contract): a pattern of allowed characters. */
const isTextField = (node: JsonSchema) => node.type === 'string' && node.pattern === TEXT_PATTERN;

/** Characters the text rule refuses: controls (but tab and newline), unpaired surrogates, noncharacters. */
const FORBIDDEN_CHARS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\ufdd0', '\ufffe', '\uffff', '\u{1fffe}'];

/**
 * Text the rule accepts but that trips careless code: invisible format characters (zero-width
 * space and joiner, word joiner, BOM, bidi embeddings, overrides and isolates, Arabic letter mark),
 * mixed scripts (Chinese, Latin, Cyrillic, Arabic, emoji with joiners and skin tones), combining
 * marks, full-width forms, tab and newline.
 */
const EXOTIC_PIECES = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202a', '\u202b', '\u202e', '\u202c', '\u2066', '\u2067', '\u2069', '\u061c',
  '投资', '有限公司', 'Привет', 'Сбер', 'Acme', 'ß', 'İ', 'مرحبا', '😀', '👩‍🔬', '👍🏽', '🇨🇳', 'e\u0301', 'Ｆｕｌｌ', '\t', '\n', ' ',
];
const exoticText = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...EXOTIC_PIECES), { minLength: 1, maxLength: 6 }).map((pieces) => `x${pieces.join('')}`.slice(0, Math.min(max, 40)));

/** Otherwise sound text with one forbidden character somewhere in it. */
const withForbiddenChar = (max: number): fc.Arbitrary<string> =>
  fc.tuple(exoticText(Math.max(1, Math.floor(max / 2) - 1)), fc.constantFrom(...FORBIDDEN_CHARS), fc.constantFrom('', 'tail', '投资')).map(([head, bad, tail]) => `${head}${bad}${tail}`);

/** A text field: wrong type, wrong length, blank, or a character the text rule refuses. */
function badText(min: number, max: number): fc.Arbitrary<unknown> {
  const cases: fc.Arbitrary<unknown>[] = [badString(min, max), withForbiddenChar(max)];
  if (min >= 1) cases.push(fc.constantFrom(' ', '\t\n', '   '));
  return fc.oneof(...cases);
}

/** An array of enum values where each value may appear once: not an array, unknown values, repeats, too many. */
function badEnumArray(node: JsonSchema): fc.Arbitrary<unknown> {
  const values = resolve(node.items!).enum!;
  const cases: fc.Arbitrary<unknown>[] = [
    badObject.filter((v) => !Array.isArray(v)),
    fc.constant([values[0], values[0]]),
    badEnum(values).filter((v) => typeof v === 'string').map((v) => [v]),
    fc.constant([...values, values[0]]),
    fc.constant([1]),
  ];
  if ((node.minItems ?? 0) >= 1) cases.push(fc.constant([]));
  return fc.oneof(...cases);
}

/** What must be refused in a field, from its schema alone. */
function badFor(node: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const s = resolve(node);
  if (s.enum) return badEnum(s.enum);
  switch (s.type) {
    case 'string':
      if (s.format === 'email') return badEmail;
      if (s.format === 'date-time') return badDateTime;
      if (isTextField(s)) return badText(s.minLength ?? 0, s.maxLength!);
      return fc.oneof(badString(s.minLength ?? 0, s.maxLength ?? 10_000), withForbiddenChar(s.maxLength ?? 100));
    case 'integer':
      return badInt(s.minimum ?? Number.MIN_SAFE_INTEGER, s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'number':
      return badNumber(s.minimum ?? -1e300, s.maximum ?? 1e300);
    case 'boolean':
      return badBoolean;
    case 'object':
      return s.properties ? badObject : fc.oneof(fc.string(), fc.integer(), fc.constant([4, 4]), fc.constant(null));
    case 'array': {
      const items = resolve(s.items!);
      if (items.enum) return badEnumArray(s);
      if (items.type === 'string') {
        return fc.oneof(
          badStringArray({ minItems: s.minItems, maxItems: s.maxItems!, maxLength: items.maxLength!, minLength: items.minLength }),
          withForbiddenChar(items.maxLength!).map((t) => [t]),
        );
      }
      const tooMany = Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => ({}));
      return fc.oneof(badObject.filter((v) => !Array.isArray(v)), fc.constant(tooMany), fc.constant([null]), fc.constant(['item']));
    }
    default:
      return undefined;
  }
}

/** Hand-kept knowledge the schema cannot carry: rules that depend on the task or the state, more near misses. */
interface Tweaks {
  /** More bad values for a field, besides those derived from its schema. */
  extra?: Record<string, fc.Arbitrary<unknown>>;
  /** Fields left out: the valid body has no element for them to act on. */
  skip?: string[];
}

/** The field rules, object paths and text fields of a request schema, by walking its JSON Schema. */
export function derivedFields(component: keyof typeof REQUEST_SCHEMAS, tweaks: Tweaks = {}): Pick<BodySpec, 'fields' | 'objects' | 'texts'> {
  const fields: FieldRule[] = [];
  const objects: string[] = [];
  const texts: Array<{ path: string; max: number }> = [];
  const walk = (node: JsonSchema, path: string, required: boolean) => {
    if (tweaks.skip?.includes(path)) return;
    const s = resolve(node);
    const derived = path === '' ? undefined : badFor(s);
    const extra = tweaks.extra?.[path];
    const bad = derived && extra ? fc.oneof(derived, extra) : (derived ?? extra);
    if (bad) fields.push(rule(path, required, bad));
    if (isTextField(s)) texts.push({ path, max: s.maxLength! });
    const prefix = path === '' ? '' : `${path}.`;
    if (s.type === 'object' && s.properties) {
      objects.push(path);
      for (const [key, child] of Object.entries(s.properties)) walk(child, `${prefix}${key}`, (s.required ?? []).includes(key));
    }
    if (s.type === 'array' && s.items && resolve(s.items).type === 'object') walk(s.items, `${prefix}0`, true);
  };
  walk({ $ref: `${REF}${component}` }, '', true);
  return { fields, objects, texts };
}

/** Emails under a reserved domain (RFC 2606 `.invalid`): never a demo account, never a real one. */
export const FUZZ_EMAIL_DOMAIN = 'bad-input.invalid';

/** A few fixed login emails so repeated failures reach the throttle (429) during the run. */
const THROTTLED_EMAILS = [0, 1, 2, 3].map((i) => `locked-${i}@${FUZZ_EMAIL_DOMAIN}`);

/** Credit codes of the right shape that fail the check character, or the alphabet. */
const badCreditCode = fc.constantFrom('91350100M000100Y44', '91350100M000100Y4', '91350100I000100Y43', '9135010OM000100Y43', '91350100M000100Y43\u0000');

const loginSpec: RouteSpec = {
  refusesEveryBody: true,
  body: {
    valid: () => ({ email: THROTTLED_EMAILS[0]!, password: 'not-the-password' }),
    ...derivedFields('LoginRequest', { extra: { email: fc.constantFrom(...THROTTLED_EMAILS) } }),
  },
};

const projectSpec: RouteSpec = {
  roles: ['officer'],
  badHeaders: {
    'idempotency-key': fc.oneof(fc.constantFrom('has space', 'semi;colon', 'é', 'x'.repeat(129), '""', 'a/b'), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^[A-Za-z0-9._:-]{1,128}$/.test(s) && /^[\x20-\x7e]+$/.test(s) && s.trim() === s)),
  },
  body: { valid: () => projectBody(), ...derivedFields('CreateProjectRequest', { extra: { creditCode: badCreditCode } }) },
};

const decisionSpec: RouteSpec = {
  roles: ['manager'],
  existingIdsAreClosed: true,
  body: {
    valid: () => ({ outcome: 'no_go', rationale: 'Outside the park focus.', conditions: ['none'] }),
    ...derivedFields('DecisionRequestBody'),
    variants: [{ name: 'request_info without questions', body: () => ({ outcome: 'request_info', rationale: 'Need more.' }) }],
  },
};

const informationSpec: RouteSpec = {
  roles: ['officer'],
  existingIdsAreClosed: true,
  body: { valid: () => ({ answers: ['The pilot line runs two shifts.'] }), ...derivedFields('InformationRequestBody') },
};

const signingSpec: RouteSpec = {
  roles: ['officer', 'manager'],
  existingIdsAreClosed: true,
  body: {
    valid: () => ({ signedAt: '2025-01-02T03:04:05.000Z', agreedInvestment: { amount: 300_000_000, currency: 'CNY' }, notes: 'Signed.' }),
    // A signing date in the future is refused (a little clock skew aside).
    ...derivedFields('SigningRequestBody', { extra: { signedAt: fc.constantFrom('9999-12-31T00:00:00Z', '2999-01-01T00:00:00+08:00') } }),
  },
};

const withdrawSpec: RouteSpec = {
  roles: ['officer', 'manager'],
  existingIdsAreClosed: true,
  body: { valid: () => ({ reason: 'The company moved elsewhere.' }), ...derivedFields('WithdrawRequestBody') },
};

/** Scores that pass the shape (an object) but not the rubric: the domain's own validation. */
const badRubricScores = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...TRACKS).chain((track) =>
    fc.constantFrom(0, 6, 4.5, '4', null, -1).map((score) => Object.fromEntries(RUBRICS[track].criteria.map((c) => [c.key, score]))),
  ),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), { minKeys: 1, maxKeys: 4 }),
);

const reviewSpec: RouteSpec = {
  roles: ['reviewer'],
  existingIdsAreClosed: true,
  body: { valid: () => reviewBody('expert'), ...derivedFields('ReviewRequestBody', { extra: { scores: badRubricScores } }) },
};

const declineSpec: RouteSpec = {
  roles: ['reviewer'],
  existingIdsAreClosed: true,
  body: { valid: () => ({ reason: 'No time this month.', conflictOfInterest: false }), ...derivedFields('DeclineRequestBody') },
};

/** Drafts of the fixture's tasks: their project is closed, so even the assignee's valid draft is refused (409). */
const draftSpec: RouteSpec = {
  roles: ['reviewer', 'manager', 'admin'],
  existingIdsAreClosed: true,
  body: { valid: () => ({ comments: 'Half-way through.', recommendation: 'conditional' }), ...derivedFields('ReviewDraftRequestBody') },
};

const policySpec: RouteSpec = {
  roles: ['admin'],
  body: {
    // GET /policy's representation. Version 0 may be stale: a body is only ever sent with a field broken, which is refused first.
    valid: () => ({ version: 0, ...structuredClone(DEFAULT_POLICY) }) as unknown as Record<string, unknown>,
    ...derivedFields('PolicyReplacement', {
      extra: {
        reviewDeadline: badDuration,
        reminderBefore: fc.oneof(badDuration, fc.constant('P30D')),
        decisionDeadline: badDuration,
        signingDeadline: badDuration,
      },
    }),
    variants: [
      { name: 'quorum above seats', body: () => ({ version: 0, ...structuredClone(DEFAULT_POLICY), quorum: { expert: 3, vc: 1, academic: 1 } }) },
      { name: 'weights not adding up to 1', body: () => ({ version: 0, ...structuredClone(DEFAULT_POLICY), trackWeights: { expert: 0.5, vc: 0.5, academic: 0.5 } }) },
      { name: 'without its version', body: () => structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown> },
    ],
  },
};

const createUserSpec: RouteSpec = {
  roles: ['admin'],
  body: {
    valid: () => ({ email: `new-user@${FUZZ_EMAIL_DOMAIN}`, name: 'New User', password: 'long-enough-password', roles: ['officer'] }),
    ...derivedFields('CreateUserRequest', { extra: { password: fc.constant('short'), 'reviewer.sectors': fc.constant([...SECTORS, 'other']) } }),
    variants: [
      { name: 'reviewer role without a profile', body: () => ({ email: `new-reviewer@${FUZZ_EMAIL_DOMAIN}`, name: 'R', password: 'long-enough-password', roles: ['reviewer'] }) },
      {
        name: 'profile without the reviewer role',
        body: () => ({ email: `new-officer@${FUZZ_EMAIL_DOMAIN}`, name: 'O', password: 'long-enough-password', roles: ['officer'], reviewer: { tracks: ['vc'], sectors: [], maxOpenTasks: 3 } }),
      },
    ],
  },
};

const conflictSpec: RouteSpec = {
  roles: ['reviewer', 'admin'],
  body: { valid: () => ({ company: 'Harmonic Drives Co., Ltd.', reason: 'Former employer.' }), ...derivedFields('ConflictRequest', { extra: { creditCode: badCreditCode } }) },
};

/** Query values: numbers where text is expected, text where numbers are, out of range, empty. */
const badLimit = fc.oneof(fc.constantFrom('0', '-1', '101', '1000000000', '1.5', 'abc', '', '1e2', '0x10', ' 5', 'NaN', 'Infinity', '99999999999999999999'), fc.integer().map(String));

/** Cursors: random text, and forgeries that look like the API's own (base64url of `<iso>|<36 chars>`). */
const badCursor = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u001b[2J', '\u200b', '投资'),
  fc.constant('x'.repeat(201)),
  fc
    .record({
      at: fc.constantFrom('2024-01-01T00:00:00.000Z', '9999-99-99T99:99:99.999Z', '0000-01-01T00:00:00.000Z', '2024-02-30T00:00:00.000Z'),
      id: fc.oneof(fc.constantFrom('-'.repeat(36), 'f'.repeat(36), `${'0'.repeat(35)}-`, '00000000-0000-0000-0000-000000000000'), fc.uuid()),
    })
    .map(({ at, id }) => Buffer.from(`${at}|${id}`, 'utf8').toString('base64url')),
);

const enumQuery = (allowed: readonly string[]) => badEnum(allowed).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

/** Routes the suite knows, by `METHOD pattern`; any other route is still exercised generically. */
export const ROUTE_SPECS: Record<string, RouteSpec> = {
  'POST /auth/login': loginSpec,
  'POST /projects': projectSpec,
  'GET /projects': { roles: ['officer', 'manager', 'admin'], query: { status: enumQuery(PROJECT_STATUSES), sector: enumQuery(SECTORS), limit: badLimit, cursor: badCursor } },
  'GET /projects/:id/timeline': { roles: ['officer', 'manager', 'admin'] },
  'GET /projects/:id/report': { roles: ['officer', 'manager', 'admin'] },
  'POST /projects/:id/decision': decisionSpec,
  'POST /projects/:id/information': informationSpec,
  'POST /projects/:id/signing': signingSpec,
  'POST /projects/:id/withdraw': withdrawSpec,
  'GET /tasks': {
    roles: ['reviewer', 'manager', 'admin'],
    query: { status: enumQuery(TASK_STATUSES), projectId: fc.oneof(fc.constantFrom('not-a-uuid', '-'.repeat(36), '00000000000000000000000000000000'), fc.string()), track: enumQuery(TRACKS) },
  },
  'GET /tasks/:id': { roles: ['reviewer', 'manager', 'admin'] },
  'POST /tasks/:id/review': reviewSpec,
  'POST /tasks/:id/decline': declineSpec,
  'PUT /tasks/:id/draft': draftSpec,
  'PUT /policy': policySpec,
  'POST /users': createUserSpec,
  'GET /users': { roles: ['admin', 'manager'], query: { role: enumQuery(ROLES) } },
  'POST /users/:id/conflicts': conflictSpec,
  'GET /stats': { roles: ['manager', 'admin'] },
};

// ---------------------------------------------------------------------------------------------
// Body mutation
// ---------------------------------------------------------------------------------------------

/** One change to a valid body; `breaks` when it alone must make the body refused. */
export type Mutation =
  | { op: 'set'; path: string; value: unknown; breaks: boolean }
  | { op: 'remove'; path: string; breaks: boolean }
  | { op: 'add-unknown'; path: string; key: string; value: unknown; breaks: true }
  | { op: 'variant'; name: string; breaks: true };

function segments(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Own-property write: `__proto__` and friends become data, as JSON.parse would make them. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The container at `path`, rebuilt from the valid body when an earlier mutation broke it. */
function containerAt(body: Record<string, unknown>, path: string[], valid: Record<string, unknown>): Record<string, unknown> {
  let node = body;
  let template: unknown = valid;
  for (const key of path) {
    template = isContainer(template) ? template[key] : undefined;
    if (!isContainer(node[key])) put(node, key, structuredClone(isContainer(template) ? template : {}));
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

/** Applies the mutations in order; the last one that `breaks` is always in effect. */
export function applyMutations(spec: BodySpec, mutations: Mutation[]): Record<string, unknown> {
  const valid = spec.valid();
  let body = structuredClone(valid);
  for (const m of mutations) {
    if (m.op === 'variant') {
      body = spec.variants!.find((v) => v.name === m.name)!.body();
      continue;
    }
    const path = segments(m.path);
    if (m.op === 'add-unknown') {
      put(containerAt(body, path, valid), m.key, m.value);
      continue;
    }
    const parent = containerAt(body, path.slice(0, -1), valid);
    const key = path[path.length - 1]!;
    if (m.op === 'set') put(parent, key, m.value);
    else delete parent[key];
  }
  return body;
}

/** Mutations that each must make the body refused. */
function breakingMutation(spec: BodySpec): fc.Arbitrary<Mutation> {
  const required = spec.fields.filter((f) => f.required).map((f) => f.path);
  const known = (objectPath: string) => {
    const prefix = objectPath === '' ? '' : `${objectPath}.`;
    return new Set(spec.fields.filter((f) => f.path.startsWith(prefix)).map((f) => f.path.slice(prefix.length).split('.')[0]!));
  };
  const options: fc.Arbitrary<Mutation>[] = [
    ...spec.fields.map((f) => f.bad.map((value): Mutation => ({ op: 'set', path: f.path, value, breaks: true }))),
    fc.constantFrom(...spec.objects).chain((path) =>
      fc
        .record({
          key: fc.oneof(fc.constantFrom('surprise', 'id', 'status', 'submittedBy', 'role', 'isAdmin', 'toString', 'hasOwnProperty', 'constructor', '__proto__', ''), fc.string({ maxLength: 12 })),
          value: anyJson,
        })
        .filter(({ key }) => !known(path).has(key))
        .map(({ key, value }): Mutation => ({ op: 'add-unknown', path, key, value, breaks: true })),
    ),
  ];
  if (required.length > 0) options.push(fc.constantFrom(...required).map((path): Mutation => ({ op: 'remove', path, breaks: true })));
  if (spec.variants?.length) options.push(fc.constantFrom(...spec.variants.map((v) => v.name)).map((name): Mutation => ({ op: 'variant', name, breaks: true })));
  return fc.oneof(...options);
}

/**
 * Harmless changes: drop an optional field, or put text the rule accepts but careless code may not
 * (invisible characters, mixed scripts) in a text field. The body stays valid if nothing else breaks it.
 */
function harmlessMutation(spec: BodySpec): fc.Arbitrary<Mutation> | undefined {
  const optional = spec.fields.filter((f) => !f.required && !f.path.includes('.')).map((f) => f.path);
  const options: fc.Arbitrary<Mutation>[] = [];
  if (optional.length > 0) options.push(fc.constantFrom(...optional).map((path): Mutation => ({ op: 'remove', path, breaks: false })));
  if (spec.texts?.length) {
    options.push(fc.constantFrom(...spec.texts).chain(({ path, max }) => exoticText(max).map((value): Mutation => ({ op: 'set', path, value, breaks: false }))));
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/**
 * A valid body with a few changes. With `mustBreak`, at least one change breaks it and the last
 * change is a breaking one (so a later harmless change cannot undo it).
 */
export function nearValidBody(spec: BodySpec, mustBreak: boolean): fc.Arbitrary<{ mutations: Mutation[]; body: Record<string, unknown> }> {
  const harmless = harmlessMutation(spec);
  const noise = harmless ? fc.array(harmless, { maxLength: 2 }) : fc.constant<Mutation[]>([]);
  return fc
    .tuple(noise, fc.array(breakingMutation(spec), { minLength: mustBreak ? 1 : 0, maxLength: 3 }))
    .map(([before, breaking]) => {
      const mutations = [...before, ...breaking];
      return { mutations, body: applyMutations(spec, mutations) };
    });
}

// ---------------------------------------------------------------------------------------------
// Request bodies on the wire
// ---------------------------------------------------------------------------------------------

/**
 * How a body is sent. Kept as a small description (not the bytes) so a failing case prints short;
 * `renderBody` makes the bytes.
 */
export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string; why: string }
  | { kind: 'text'; text: string; contentType?: string; why: string }
  | { kind: 'deep'; depth: number; as: 'arrays' | 'objects'; underKey?: string; base?: Record<string, unknown> }
  | { kind: 'oversize'; bytes: number; base: Record<string, unknown>; field: string };

export interface RenderedBody {
  bytes?: Buffer;
  contentType?: string;
  /** A refusal the HTTP layer makes before any field is looked at (bad JSON, media type, size). */
  transportFault: boolean;
}

const JSON_TYPE = 'application/json';

/** Content types the API has no parser for, or that aren't JSON. */
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/octet-stream', 'text/json', 'application/vnd.api+json', 'application/jsonx'];

function deepText(depth: number, as: 'arrays' | 'objects'): string {
  return as === 'arrays' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Keys secure-json-parse refuses outright (prototype poisoning), before any field is validated. */
const POISON_KEY = /"(__proto__|constructor)"\s*:/;

export function renderBody(plan: BodyPlan): RenderedBody {
  switch (plan.kind) {
    case 'none':
      return { transportFault: false };
    case 'json': {
      const text = JSON.stringify(plan.value);
      // JSON has no `undefined`: the content type announces a body that isn't there.
      if (text === undefined) return { contentType: plan.contentType, transportFault: true };
      return { bytes: Buffer.from(text, 'utf8'), contentType: plan.contentType, transportFault: plan.contentType !== JSON_TYPE || POISON_KEY.test(text) };
    }
    case 'text':
      return { bytes: Buffer.from(plan.text, 'utf8'), contentType: plan.contentType, transportFault: true };
    case 'deep': {
      const nested = deepText(plan.depth, plan.as);
      const text = plan.underKey && plan.base ? `${JSON.stringify(plan.base).slice(0, -1)},${JSON.stringify(plan.underKey)}:${nested}}` : nested;
      // Deep enough and any parser may give up: that is a transport-level refusal, not a field's.
      return { bytes: Buffer.from(text, 'utf8'), contentType: JSON_TYPE, transportFault: true };
    }
    case 'oversize': {
      const text = JSON.stringify({ ...plan.base, [plan.field]: 'x'.repeat(plan.bytes) });
      return { bytes: Buffer.from(text, 'utf8'), contentType: JSON_TYPE, transportFault: true };
    }
  }
}

/** Text that is not JSON: a valid body cut short, with a stray character, or JSON5-isms. */
function malformedJson(valid: () => Record<string, unknown>): fc.Arbitrary<BodyPlan> {
  const text = JSON.stringify(valid());
  const cases = fc.oneof(
    fc.integer({ min: 1, max: text.length - 1 }).map((n) => text.slice(0, n)),
    fc.constantFrom(`${text},`, `${text}}`, `${text.slice(0, -1)},}`, text.replace(/"/g, "'"), text.replace(/:/, '::'), `${text}${text}`, '{"a": NaN}', '{"a": undefined}', '{a: 1}', '[1,]', '\u0000', '\ufeff{}', 'null null', '{"a":1e999999}'),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
  );
  return cases.filter((t) => {
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  }).map((t): BodyPlan => ({ kind: 'text', text: t, contentType: JSON_TYPE, why: 'malformed JSON' }));
}

/** Bodies that must be refused whatever the route (every known write route has required fields). */
function junkBody(valid: () => Record<string, unknown>, maxBytes: number): fc.Arbitrary<BodyPlan> {
  return fc.oneof(
    fc.anything({ maxDepth: 3 }).map((value): BodyPlan => ({ kind: 'json', value, contentType: JSON_TYPE, why: 'fc.anything()' })),
    anyJson.map((value): BodyPlan => ({ kind: 'json', value, contentType: JSON_TYPE, why: 'a random JSON value' })),
    fc.constantFrom(null, [], 0, '', 'text', true, [{}]).map((value): BodyPlan => ({ kind: 'json', value, contentType: JSON_TYPE, why: 'not an object' })),
    malformedJson(valid),
    fc.constantFrom(...WRONG_CONTENT_TYPES).map((contentType): BodyPlan => ({ kind: 'json', value: valid(), contentType, why: 'wrong content type' })),
    fc.constant<BodyPlan>({ kind: 'text', text: '', contentType: JSON_TYPE, why: 'empty JSON body' }),
    fc.constant<BodyPlan>({ kind: 'text', text: JSON.stringify(valid()), why: 'no content type' }),
    // Deep enough to exhaust a recursive walker (class-transformer overflows at ~1,500 levels), small in bytes.
    fc
      .record({ depth: fc.integer({ min: 50, max: 5000 }), as: fc.constantFrom<'arrays' | 'objects'>('arrays', 'objects'), underKey: fc.option(fc.constantFrom('surprise', 'contact', 'scores', 'reviewer'), { nil: undefined }) })
      .map(({ depth, as, underKey }): BodyPlan => ({ kind: 'deep', depth, as, underKey, base: underKey ? valid() : undefined })),
    fc.integer({ min: maxBytes + 1, max: maxBytes + 64 * 1024 }).map((bytes): BodyPlan => ({ kind: 'oversize', bytes, base: valid(), field: 'summary' })),
  );
}

/**
 * The body of a request to a known route: mostly near-valid (to reach each field's validation),
 * sometimes junk. `mustBreak` when nothing else about the request makes the API refuse it.
 */
export function bodyFor(spec: BodySpec | undefined, mustBreak: boolean, maxBytes: number): fc.Arbitrary<BodyPlan> {
  const valid = spec?.valid ?? (() => ({ probe: true }));
  const junk = junkBody(valid, maxBytes);
  if (!spec) return fc.oneof(fc.constant<BodyPlan>({ kind: 'none' }), junk);
  const near = nearValidBody(spec, mustBreak).map(
    ({ mutations, body }): BodyPlan => ({ kind: 'json', value: body, contentType: JSON_TYPE, why: mutations.length ? mutations.map(describeMutation).join('; ') : 'valid body' }),
  );
  const options: Array<fc.WeightedArbitrary<BodyPlan>> = [
    { arbitrary: near, weight: 6 },
    { arbitrary: junk, weight: 3 },
  ];
  if (!mustBreak || spec.fields.some((f) => f.required)) options.push({ arbitrary: fc.constant<BodyPlan>({ kind: 'none' }), weight: 1 });
  return fc.oneof(...options);
}

function describeMutation(m: Mutation): string {
  switch (m.op) {
    case 'set':
      return `${m.path} = ${short(m.value)}`;
    case 'remove':
      return `without ${m.path}`;
    case 'add-unknown':
      return `unknown ${m.path ? `${m.path}.` : ''}${JSON.stringify(m.key)}`;
    case 'variant':
      return m.name;
  }
}

export function short(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------
// Paths and query strings
// ---------------------------------------------------------------------------------------------

/** One path parameter's value, raw (already as it goes on the wire), and what it means. */
export interface ParamValue {
  raw: string;
  kind: 'malformed' | 'unknown-uuid' | 'existing';
  /** Broken percent-encoding: the URL itself is refused. */
  badEncoding?: boolean;
}

/**
 * Percent-encodes what an HTTP request line cannot carry (controls, spaces, non-ASCII, `?`, `#`)
 * and leaves the rest as is: `/`, `..` and `%` escapes reach the server untouched.
 */
export function wireText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code > 0x20 && code < 0x7f && ch !== '?' && ch !== '#' ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

function hasBadPercentEncoding(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return false;
  } catch {
    return true;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Values that are not ids at all: wrong shape, traversal, encodings, injection, very long. */
const malformedParam: fc.Arbitrary<ParamValue> = fc
  .oneof(
    fc.constantFrom('not-a-uuid', '1', '0', '-1', 'null', 'undefined', 'true', '[]', '{}', ' ', '', 'ＩＤ', '😀', 'İ'),
    fc.uuid().chain((u) => fc.constantFrom(u.replace(/-/g, ''), `${u}0`, u.slice(1), `{${u}}`, `urn:uuid:${u}`, u.replace(/[0-9a-f]$/i, 'g'), ` ${u}`, `${u}%00`, `%00${u}`, `${u}%20`, `${u}/..`, `${u}.json`, `${u};x=1`)),
    fc.constantFrom('..', '.', '../users', '..%2f..%2fetc%2fpasswd', '%2e%2e', '%2e%2e%2f', '....//', '..\\..\\', '%00', 'a%00b', '%', '%zz', '%E0%A4%A', '%C0%AF', '%ff', '%2F', '%252e%252e'),
    fc.constantFrom("' OR 1=1 --", '1; DROP TABLE projects', '$(id)', '<script>alert(1)</script>', '{{7*7}}', '%s%s%s%n', '\u202e', '\r\nX-Injected: 1'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.integer({ min: 101, max: 3000 }).map((n) => 'a'.repeat(n)),
  )
  .filter((s) => !UUID.test(s))
  .map((s) => {
    const raw = wireText(s);
    return { raw, kind: 'malformed' as const, badEncoding: hasBadPercentEncoding(raw) };
  });

/** Well-formed UUIDs that name nothing (random ones never collide with the fixtures'). */
const unknownUuid: fc.Arbitrary<ParamValue> = fc
  .oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-000000000000'))
  .map((raw) => ({ raw, kind: 'unknown-uuid' as const }));

export function paramValue(existing: readonly string[]): fc.Arbitrary<ParamValue> {
  const options: Array<fc.WeightedArbitrary<ParamValue>> = [
    { arbitrary: malformedParam, weight: 3 },
    { arbitrary: unknownUuid, weight: 3 },
  ];
  if (existing.length > 0) options.push({ arbitrary: fc.constantFrom(...existing).map((raw) => ({ raw, kind: 'existing' as const })), weight: 3 });
  return fc.oneof(...options);
}

/** Names of a Fastify pattern's parameters (`:id`, `:id(regex)`, `*`). */
export function patternParams(url: string): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)(\([^)]*\))?/g)].map((m) => m[1]!);
  return url.includes('*') ? [...names, '*'] : names;
}

export function fillPattern(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_, name: string) => values[name] ?? '').replace('*', values['*'] ?? '');
}

/** `?k=v&…` from pairs, each part percent-encoded unless `raw` (to send broken encodings too). */
export interface QueryPart {
  key: string;
  value: string;
  raw?: boolean;
}

export function renderQuery(parts: QueryPart[]): string {
  if (parts.length === 0) return '';
  return `?${parts.map((p) => (p.raw ? `${wireText(p.key)}=${wireText(p.value)}` : `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`)).join('&')}`;
}

/** Query strings: the known keys with values they refuse, repeated keys (arrays), unknown keys. */
export function queryFor(spec: RouteSpec | undefined): fc.Arbitrary<QueryPart[]> {
  const known = spec?.query ?? {};
  const keys = Object.keys(known);
  const unknownKey = fc.oneof(fc.constantFrom('page', 'offset', 'sort', 'limit[]', 'a[b]', '__proto__', 'constructor', 'status[0]', '', '%', '%zz'), fc.string({ maxLength: 10 }));
  const part = fc.oneof(
    ...keys.map((key) => known[key]!.map((value): QueryPart => ({ key, value }))),
    fc.record({ key: unknownKey, value: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', '-1', '1e309', 'true', '')) }).map(({ key, value }): QueryPart => ({ key, value, raw: key.startsWith('%') })),
  );
  const repeated = keys.length > 0 ? fc.constantFrom(...keys).chain((key) => fc.array(known[key]!, { minLength: 2, maxLength: 3 }).map((values) => values.map((value): QueryPart => ({ key, value })))) : fc.constant<QueryPart[]>([]);
  return fc.oneof({ arbitrary: fc.array(part, { maxLength: 4 }), weight: 4 }, { arbitrary: repeated, weight: 1 }, { arbitrary: fc.constant<QueryPart[]>([]), weight: 1 });
}

// ---------------------------------------------------------------------------------------------
// Whole requests
// ---------------------------------------------------------------------------------------------

export interface BadRequest {
  route: string;
  method: string;
  path: string;
  caller: string;
  authorization?: string;
  headers: Record<string, string>;
  body: BodyPlan;
  /** Why the API must refuse it (empty only for reads, which may answer 2xx). */
  refusedBecause: string[];
  /**
   * The URL itself is the problem, not a field: its percent-encoding is broken (refused before
   * routing), or a wildcard (static file) path is malformed.
   */
  badUrl: boolean;
}

export interface RouteContext {
  route: RegisteredRoute;
  spec?: RouteSpec;
  /** Answered 401 to an anonymous probe: a token is needed. */
  needsAuth: boolean;
  /** Ids of existing objects for this route's path parameters. */
  existingIds: readonly string[];
  /** Methods registered for this route's pattern (to pick ones that are not). */
  methodsOnUrl: readonly string[];
}

const X_REQUEST_IDS = fc.oneof(fc.constantFrom('x'.repeat(129), 'has space', 'semi;colon', '<script>', '../../etc'), fc.constantFrom('trace-abc-123', 'a'));

/** Real users twice as often as refused callers: their requests get past the guard to the fields. */
function callerFor(allCallers: readonly Caller[]): fc.Arbitrary<Caller> {
  const real = allCallers.filter((c) => c.roles);
  const refused = allCallers.filter((c) => !c.roles);
  if (real.length === 0 || refused.length === 0) return fc.constantFrom(...allCallers);
  return fc.oneof({ arbitrary: fc.constantFrom(...refused), weight: 1 }, { arbitrary: fc.constantFrom(...real), weight: 2 });
}

export function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

/** Requests to one route, each refused for at least one reason unless it is a read. */
export function requestsFor(ctx: RouteContext, allCallers: readonly Caller[], maxBytes: number): fc.Arbitrary<BadRequest> {
  const { route, spec } = ctx;
  const names = patternParams(route.url);
  const params = fc.tuple(...names.map(() => paramValue(ctx.existingIds)));
  const base = fc.record({
    caller: callerFor(allCallers),
    params,
    query: queryFor(spec),
    requestId: fc.option(X_REQUEST_IDS, { nil: undefined }),
    badHeader: spec?.badHeaders
      ? fc.option(fc.constantFrom(...Object.keys(spec.badHeaders)).chain((name) => spec.badHeaders![name]!.map((value) => ({ name, value }))), { nil: undefined, freq: 3 })
      : fc.constant(undefined),
  });
  return base.chain(({ caller, params: values, query, requestId, badHeader }) => {
    const reasons: string[] = [];
    if (ctx.needsAuth && !caller.roles) reasons.push(`caller cannot authenticate (${caller.label})`);
    if (caller.roles && spec?.roles && !spec.roles.some((r) => caller.roles!.includes(r))) reasons.push(`caller lacks the role (${caller.label})`);
    values.forEach((v, i) => {
      if (v.kind === 'malformed') reasons.push(`${names[i]} is malformed`);
      if (v.kind === 'unknown-uuid') reasons.push(`${names[i]} names nothing`);
      if (v.kind === 'existing' && spec?.existingIdsAreClosed) reasons.push(`${names[i]} names a closed object`);
    });
    if (badHeader) reasons.push(`bad ${badHeader.name} header`);
    if (spec?.refusesEveryBody) reasons.push('no such account');
    const mustBreak = isWrite(route.method) && reasons.length === 0;
    const body = isWrite(route.method) ? bodyFor(spec?.body, mustBreak, maxBytes) : fc.oneof({ arbitrary: fc.constant<BodyPlan>({ kind: 'none' }), weight: 5 }, { arbitrary: junkBody(() => ({ probe: true }), maxBytes), weight: 1 });
    return body.map((plan): BadRequest => {
      const path = fillPattern(route.url, Object.fromEntries(names.map((n, i) => [n, values[i]!.raw]))) + renderQuery(query);
      const headers: Record<string, string> = {};
      if (requestId) headers['x-request-id'] = requestId;
      if (badHeader) headers[badHeader.name] = badHeader.value;
      const why = plan.kind === 'none' ? (mustBreak ? 'no body' : undefined) : plan.kind === 'json' || plan.kind === 'text' ? plan.why : plan.kind;
      const refusedBecause = mustBreak && why ? [...reasons, `body: ${why}`] : reasons;
      return printable({
        route: `${route.method} ${route.url}`,
        method: route.method,
        path,
        caller: caller.label,
        authorization: caller.authorization,
        headers,
        body: plan,
        refusedBecause,
        badUrl: values.some((v, i) => v.badEncoding || (names[i] === '*' && v.kind === 'malformed')) || query.some((q) => q.raw && (hasBadPercentEncoding(wireText(q.key)) || hasBadPercentEncoding(wireText(q.value)))),
      });
    });
  });
}

/** Counterexamples print as one line per request (fast-check's hook), not as objects with tokens in them. */
function printable(req: BadRequest): BadRequest {
  const body = req.body.kind === 'json' ? short(req.body.value, 120) : req.body.kind === 'text' ? `text ${short(req.body.text, 60)}` : short(req.body, 120);
  const line = `${req.method} ${req.path.length > 120 ? `${req.path.slice(0, 120)}…` : req.path} as ${req.caller}, body ${body}`;
  return Object.defineProperty(req, fc.toStringMethod, { value: () => line, enumerable: false });
}

/** A method the route's URL does not serve: routing refuses it, whatever else is sent. */
export function wrongMethodFor(ctx: RouteContext, allCallers: readonly Caller[]): fc.Arbitrary<BadRequest> | undefined {
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !ctx.methodsOnUrl.includes(m));
  if (methods.length === 0) return undefined;
  const names = patternParams(ctx.route.url);
  return fc.record({ method: fc.constantFrom(...methods), caller: callerFor(allCallers), params: fc.tuple(...names.map(() => paramValue(ctx.existingIds))) }).map(
    ({ method, caller, params }): BadRequest => printable({
      route: `${method} ${ctx.route.url} (not served)`,
      method,
      path: fillPattern(ctx.route.url, Object.fromEntries(names.map((n, i) => [n, params[i]!.raw]))),
      caller: caller.label,
      authorization: caller.authorization,
      headers: {},
      body: ctx.spec?.body && method !== 'GET' && method !== 'DELETE' ? { kind: 'json', value: ctx.spec.body.valid(), contentType: JSON_TYPE, why: 'valid body, wrong method' } : { kind: 'none' },
      refusedBecause: ['method not served'],
      badUrl: params.some((p) => p.badEncoding),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Sending, and checking the answer
// ---------------------------------------------------------------------------------------------

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request exactly as described: no URL normalisation, no added headers but content-type/length. */
export function send(baseUrl: string, agent: Agent, req: BadRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = renderBody(req.body);
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.authorization !== undefined) headers['authorization'] = req.authorization;
  if (body.contentType !== undefined) headers['content-type'] = body.contentType;
  if (body.bytes) headers['content-length'] = body.bytes.length;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body.bytes);
  });
}

/** The error body the API's exception filter writes (apps/api/src/common/error-body.ts). */
const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'details', 'requestId']);

/** Write routes with nothing to refuse: signing out only clears the browser's session cookie, for whoever asks. */
const NOTHING_TO_REFUSE = new Set(['POST /auth/logout']);

/** Every way an answer breaks the contract for a request that must be refused; empty when fine. */
export function contractProblems(req: BadRequest, res: RawResponse, transportFault: boolean): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status} (never a 5xx for bad input)`);
  if (isWrite(req.method) && !NOTHING_TO_REFUSE.has(req.route) && res.status >= 200 && res.status < 300) problems.push(`accepted (${res.status}) although it must be refused: ${req.refusedBecause.join('; ') || 'no reason recorded'}`);
  if (res.status < 400) return problems;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) problems.push(`error content-type is ${JSON.stringify(type)}`);
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    problems.push('error body is not JSON');
    return problems;
  }
  if (!isContainer(body) || Array.isArray(body)) return [...problems, 'error body is not an object'];
  const b = body as Record<string, unknown>;
  if (b['statusCode'] !== res.status) problems.push(`statusCode ${short(b['statusCode'])} ≠ HTTP ${res.status}`);
  if (typeof b['error'] !== 'string' || b['error'] === '') problems.push('error is not a non-empty string');
  if (typeof b['message'] !== 'string') problems.push('message is not a string');
  if (typeof b['requestId'] !== 'string' || b['requestId'] === '') problems.push('requestId is missing');
  else if (res.headers['x-request-id'] !== b['requestId']) problems.push(`requestId ${b['requestId']} ≠ X-Request-Id header ${short(res.headers['x-request-id'])}`);
  const extra = Object.keys(b).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length > 0) problems.push(`unexpected keys ${extra.join(', ')}`);
  const details = b['details'];
  if (details !== undefined) {
    if (!Array.isArray(details) || details.length === 0) problems.push('details is not a non-empty array');
    else if (!details.every((d) => isContainer(d) && typeof d['field'] === 'string' && typeof d['problem'] === 'string' && d['problem'] !== '' && Object.keys(d).every((k) => k === 'field' || k === 'problem'))) {
      problems.push('details has an entry that is not {field: string, problem: string}');
    }
  }
  // A 400 about the content (not about unreadable bytes or a broken URL) says which field is wrong.
  if (res.status === 400 && !transportFault && !req.badUrl && (!Array.isArray(details) || details.length === 0)) {
    problems.push('a 400 for invalid input names no field (details missing)');
  }
  return problems;
}

/** The request and its answer, short enough to read in a failure message. */
export function describeExchange(req: BadRequest, res: RawResponse | Error): string {
  const body = req.body.kind === 'json' ? `${req.body.contentType} ${short(req.body.value, 300)}` : req.body.kind === 'text' ? `${req.body.contentType ?? '(no content-type)'} ${short(req.body.text, 200)}` : short(req.body, 200);
  const answer = res instanceof Error ? `error: ${res.message}` : `${res.status} ${res.text.slice(0, 600)}`;
  return [`${req.method} ${req.path.length > 300 ? `${req.path.slice(0, 300)}…` : req.path}`, `  as: ${req.caller}`, `  headers: ${JSON.stringify(req.headers)}`, `  body: ${body}`, `  refused because: ${req.refusedBecause.join('; ') || '(a read)'}`, `  answer: ${answer}`].join('\n');
}

// ---------------------------------------------------------------------------------------------
// What the database holds
// ---------------------------------------------------------------------------------------------

/**
 * Every table of the public schema but TypeORM's migrations table and login_attempts: a refused
 * sign-in is recorded there by design (the sign-in limit every API instance shares).
 */
export async function schemaTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await dataSource.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('migrations', 'login_attempts') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

const quoted = (name: string) => `"public"."${name.replace(/"/g, '""')}"`;

/** Row counts of every table in one round trip (cheap enough to take around each batch). */
export async function rowCounts(dataSource: DataSource, tables: string[]): Promise<Record<string, number>> {
  const select = tables.map((t, i) => `(SELECT count(*)::int FROM ${quoted(t)}) AS c${i}`).join(', ');
  const [row] = (await dataSource.query(`SELECT ${select}`)) as Array<Record<string, number>>;
  return Object.fromEntries(tables.map((t, i) => [t, row![`c${i}`]!]));
}

/** Row count and a digest of every row's content, per table: catches updates as well as inserts. */
export async function tableFingerprint(dataSource: DataSource, tables: string[]): Promise<Record<string, string>> {
  const select = tables.map((t, i) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '-') FROM ${quoted(t)} x) AS f${i}`).join(', ');
  const [row] = (await dataSource.query(`SELECT ${select}`)) as Array<Record<string, string>>;
  return Object.fromEntries(tables.map((t, i) => [t, row![`f${i}`]!]));
}

export function changedTables(before: Record<string, string | number>, after: Record<string, string | number>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
