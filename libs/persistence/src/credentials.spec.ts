import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, verifyPassword } from './credentials';

describe('credentials', () => {
  it('hashes with argon2id and tells every character of a long password apart (bcrypt stopped at 72 bytes)', async () => {
    const password = `${'a'.repeat(72)}${'b'.repeat(25)}`;
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword(`${'a'.repeat(72)}${'c'.repeat(25)}`, stored)).toBe(false);
    expect(await verifyPassword('a'.repeat(72), stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verifies a bcrypt hash from before, and marks it for rehashing', async () => {
    const stored = await bcrypt.hash('an old password', 4);
    expect(await verifyPassword('an old password', stored)).toBe(true);
    expect(await verifyPassword('another password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('matches nothing against a malformed hash, and rehashes argon2 made with other parameters', async () => {
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$garbage')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
  });
});
