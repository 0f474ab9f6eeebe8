import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint arrives as a string; amounts in yuan stay well inside Number.MAX_SAFE_INTEGER. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** numeric arrives as a string too. */
export const numericNumber: ValueTransformer = bigintNumber;
