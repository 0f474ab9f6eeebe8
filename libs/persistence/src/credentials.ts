import { Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/**
 * Passwords are hashed with argon2id (OWASP's baseline: 19 MiB, 2 passes, 1 lane). bcrypt, used
 * before, reads only the first 72 bytes of a password, so a long password and any other with the
 * same first 72 bytes were one password. Stored bcrypt hashes still verify, and the caller rehashes
 * them (needsRehash) after the next successful sign-in.
 */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The prefix every hash made with today's parameters starts with. */
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** True when `password` matches the stored hash (argon2id, or a bcrypt hash from before). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (/^\$2[aby]\$/.test(stored)) return bcrypt.compare(password, stored);
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash matches nothing.
    return false;
  }
}

/** The stored hash is bcrypt, or argon2 with other parameters: replace it after a successful sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}
