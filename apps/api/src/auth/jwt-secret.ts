import { randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const MIN_LENGTH = 32;

/**
 * The token-signing secret kept in a file, made on first start: 48 random bytes, readable by its
 * owner only. Every API process on the same data directory reads the same file, so a token from
 * one is good on the others. Made atomically: the secret is written to a private temporary file
 * and hard-linked into place, which fails if another process got there first (then its secret is
 * used); nobody ever reads a half-written file.
 */
export function readOrCreateJwtSecret(path: string): string {
  const existing = readSecretFile(path);
  if (existing !== null) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const secret = readSecretFile(path);
  if (secret === null) throw new Error(`${path} vanished right after it was created`);
  return secret;
}

/** The secret in `path`, or null when there is no such file. Refuses a file others can read, or a short secret. */
function readSecretFile(path: string): string | null {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    throw new Error(`${path} is readable or writable by others (mode ${(mode & 0o777).toString(8)}); it signs every token: chmod 600 it`);
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_LENGTH) throw new Error(`${path} holds fewer than ${MIN_LENGTH} characters`);
  return secret;
}
