import { z } from 'zod';
import { CURRENCIES } from '@dueflow/domain';
import { text } from './text';

/**
 * Field builders shared by the request schemas. Each carries its own wording, so a refusal reads
 * the same whichever request it is in: `{field: "totalInvestment.amount", problem: "must be …"}`.
 */

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

export function int(min: number, max: number) {
  const problem = `must be an integer from ${min} to ${max}`;
  return z.int({ error: problem }).min(min, { error: problem }).max(max, { error: problem });
}

export const bool = () => z.boolean({ error: 'must be true or false' });

export const uuid = () => z.uuid({ error: 'must be a UUID' });

/**
 * An e-mail address, ASCII only: internationalised addresses would need SMTPUTF8 all the way to the
 * mail server, and an ASCII address cannot carry a control or invisible character.
 */
export const email = () =>
  z
    .string({ error: 'must be an email address' })
    .max(254, { error: 'must be an email address of at most 254 characters' })
    .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, { error: 'must be an email address' })
    .meta({ format: 'email' });

/** Integer yuan; `min` 1 where nothing (0) makes no sense, e.g. an agreed investment. */
export function money({ min = 0 }: { min?: number } = {}) {
  const amount = min > 0 ? `must be a positive integer (yuan)` : 'must be a non-negative integer (yuan)';
  return z.strictObject(
    {
      amount: z.int({ error: amount }).min(min, { error: amount }).max(Number.MAX_SAFE_INTEGER, { error: amount }).describe('integer yuan'),
      currency: oneOf(CURRENCIES),
    },
    { error: 'must be an object {amount, currency}' },
  );
}

/**
 * An object that refuses unknown fields (each reported as "is not a known field"); every request
 * object is one, so a typo never passes silently as "not given".
 */
/** The paging of a list: `limit` (1–100, from the query string's text) and the opaque `cursor` a page gave. */
export const pageParameters = () => ({
  limit: z.coerce
    .number({ error: 'must be an integer from 1 to 100' })
    .int({ error: 'must be an integer from 1 to 100' })
    .min(1, { error: 'must be an integer from 1 to 100' })
    .max(100, { error: 'must be an integer from 1 to 100' })
    .optional(),
  cursor: text({ max: 200 }).optional(),
});

export const closed = <S extends z.ZodRawShape>(shape: S, what: string) => z.strictObject(shape, { error: `must be an object ${what}` });

/** The usual money field (any non-negative amount), one schema so the document names it once. */
export const MoneyInput = money();
