import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from '../config';
import { readOrCreateJwtSecret } from './jwt-secret';

describe('the JWT secret file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dueflow-jwt-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made on first start, readable by its owner only, and reused afterwards', () => {
    const path = join(dir, 'data', 'jwt-secret');
    const first = readOrCreateJwtSecret(path);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateJwtSecret(path)).toBe(first);
    expect(readFileSync(path, 'utf8').trim()).toBe(first);
  });

  it('refuses a file others can read, or a short secret', () => {
    const path = join(dir, 'jwt-secret');
    writeFileSync(path, 'x'.repeat(40), { mode: 0o644 });
    chmodSync(path, 0o644);
    expect(() => readOrCreateJwtSecret(path)).toThrow(/chmod 600/);
    chmodSync(path, 0o600);
    writeFileSync(path, 'short');
    expect(() => readOrCreateJwtSecret(path)).toThrow(/fewer than 32/);
  });

  it('is what the API signs with unless JWT_SECRET is set; production still needs JWT_SECRET', () => {
    const base = { DATABASE_URL: 'postgres://127.0.0.1/unused', NODE_ENV: 'development' };
    const fromDataDir = loadApiConfig({ ...base, DUEFLOW_DATA_DIR: dir });
    expect(fromDataDir.JWT_SECRET_FILE).toBe(join(dir, 'jwt-secret'));
    expect(fromDataDir.JWT_SECRET).toBe(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim());
    // A second process on the same data dir: the same secret, so its tokens are good on the first.
    expect(loadApiConfig({ ...base, DUEFLOW_DATA_DIR: dir }).JWT_SECRET).toBe(fromDataDir.JWT_SECRET);
    expect(loadApiConfig({ ...base, JWT_SECRET_FILE: join(dir, 'other') }).JWT_SECRET).not.toBe(fromDataDir.JWT_SECRET);
    const explicit = loadApiConfig({ ...base, DUEFLOW_DATA_DIR: dir, JWT_SECRET: 's'.repeat(32) });
    expect(explicit.JWT_SECRET).toBe('s'.repeat(32));
    expect(explicit.JWT_SECRET_FILE).toBeNull();
    expect(() => loadApiConfig({ ...base, NODE_ENV: 'production', DUEFLOW_DATA_DIR: dir })).toThrow(/JWT_SECRET: is required in production/);
  });
});
