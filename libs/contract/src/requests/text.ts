import { z } from 'zod';

/**
 * What no text field of any request may hold: control characters other than tab and newline
 * (PostgreSQL refuses NUL outright; the rest are invisible and break logs, CSV and terminals),
 * unpaired surrogates (no UTF-8 encoding exists, so neither JSON on the wire nor PostgreSQL can keep
 * them) and noncharacters (reserved for a program's internal use, never for interchange).
 */
const FORBIDDEN_IN_TEXT = /(?![\t\n])\p{Cc}|\p{Cs}|\p{Noncharacter_Code_Point}/u;

/**
 * The rule's control-character part as a JSON Schema pattern, for the OpenAPI document (and the
 * fuzzer, which finds text fields by it). Unpaired surrogates and noncharacters are refused too.
 */
export const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$';

export const FORBIDDEN_TEXT_PROBLEM = 'must not contain control characters (other than tab and newline), unpaired surrogates or noncharacters';

/** The first character the text rule refuses, or undefined when the text is fine. */
export function forbiddenCharacter(value: string): string | undefined {
  return FORBIDDEN_IN_TEXT.exec(value)?.[0];
}

/** Length in characters (code points), as PostgreSQL counts them: an emoji is one, not two. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export interface TextOptions {
  /** At least this many characters; 1 or more also refuses blank (whitespace-only) text. */
  min?: number;
  max: number;
}

function lengthProblem(min: number, max: number): string {
  return min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
}

/**
 * THE text rule, for every free-text field of every request: a string, none of the characters above,
 * normalised to NFC (so the same words typed on two systems compare and index equal), at most `max`
 * characters (counted after normalising) and, when `min` ≥ 1, not blank. checkRequest keeps the first
 * refusal per field. (No `abort`: an aborted field would stop the object's own cross-field checks.)
 */
export function text({ min = 0, max }: TextOptions) {
  return z
    .string({ error: 'must be a string' })
    .refine((s) => forbiddenCharacter(s) === undefined, { error: FORBIDDEN_TEXT_PROBLEM })
    .overwrite((s) => s.normalize('NFC'))
    .refine((s) => {
      const n = charLength(s);
      return n >= min && n <= max;
    }, { error: lengthProblem(min, max) })
    .refine((s) => min === 0 || s.trim() !== '', { error: 'must not be blank' })
    // JSON Schema counts code points too, so the document states the same limits the rule enforces.
    .meta({ ...(min > 0 ? { minLength: min } : {}), maxLength: max, pattern: TEXT_PATTERN });
}

/** A list of texts, each under the text rule. */
export function texts(item: TextOptions, { min = 0, max }: { min?: number; max: number }) {
  const count = min > 0 ? `must list ${min} to ${max} entries` : `must list at most ${max} entries`;
  return z.array(text(item), { error: 'must be an array of strings' }).min(min, { error: count }).max(max, { error: count });
}
