/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters that identify a
 * registered organisation in China for good, whatever it renames itself to. The last is a check
 * character over the first 17, so a mistyped code is caught at the door.
 */

/** The code's alphabet, in value order: digits and the capitals but I, O, S, V, Z. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = 31;
const SHAPE = new RegExp(`^[${CREDIT_CODE_CHARSET}]{18}$`);

/** The form a code is compared and stored in: full-width folded (NFKC), no spaces or hyphens, upper-case. */
export function normalizeCreditCode(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** The check character for the first 17 characters of a code (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`not a credit code character at position ${i + 1}: ${JSON.stringify(first17[i])}`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(MODULUS - (sum % MODULUS)) % MODULUS]!;
}

/** Why `code` (already normalised) is not a valid unified social credit code, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (!SHAPE.test(code)) return `must be 18 characters of 0-9 and A-Z without I, O, S, V, Z`;
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'has a wrong check character (mistyped?)';
  return null;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
