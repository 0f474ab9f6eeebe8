import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * tools/check-migrations.mjs, the CI step that fails when a migration that has landed changes:
 * run on throwaway git repositories (and on this one), as CI runs it.
 */

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'tools/check-migrations.mjs');
const DIR = 'libs/persistence/src/migrations';

function run(cwd: string, command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function check(cwd: string) {
  return run(cwd, process.execPath, [SCRIPT]);
}

describe('check-migrations', () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = run(repo, 'git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args]);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.err}`);
    return result.out;
  };
  const write = (name: string, text: string) => writeFileSync(join(repo, DIR, name), text);
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'dueflow-check-migrations-'));
    mkdirSync(join(repo, DIR), { recursive: true });
    git('init', '-q');
    write('1000-first.ts', 'export class First1000 {}\n');
    write('index.ts', "export * from './1000-first';\n");
    commit('first migration');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('passes while every landed migration is as it landed; new migrations and the index may change', () => {
    expect(check(repo)).toMatchObject({ code: 0 });
    write('2000-second.ts', 'export class Second2000 {}\n');
    write('index.ts', "export * from './1000-first';\nexport * from './2000-second';\n");
    commit('second migration');
    // Not committed yet: not landed, so still free to change.
    write('3000-third.ts', 'export class Third3000 {}\n');
    git('add', '-A');
    const result = check(repo);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('2 landed migrations unchanged');
  });

  it('fails naming the file and the commit that edited it when a landed migration changes', () => {
    write('2000-second.ts', 'export class Second2000 {}\n');
    commit('second migration');
    write('1000-first.ts', 'export class First1000 { edited = true; }\n');
    commit('edit the first migration');
    const result = check(repo);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${DIR}/1000-first.ts: changed after it landed`);
    expect(result.err).toContain('edit the first migration');
    expect(result.err).not.toContain('2000-second.ts');
  });

  it('passes again once the edited migration is restored as it landed', () => {
    write('1000-first.ts', 'export class First1000 { edited = true; }\n');
    commit('edit the first migration');
    expect(check(repo).code).toBe(1);
    write('1000-first.ts', 'export class First1000 {}\n');
    write('2000-the-change.ts', 'export class TheChange2000 { edited = true; }\n');
    commit('restore it; the change in a migration of its own');
    expect(check(repo)).toMatchObject({ code: 0 });
  });

  it('fails when a landed migration is removed', () => {
    unlinkSync(join(repo, DIR, '1000-first.ts'));
    commit('remove the first migration');
    const result = check(repo);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${DIR}/1000-first.ts: removed after it landed`);
  });

  it('refuses to judge from a shallow clone rather than passing it', () => {
    write('2000-second.ts', 'export class Second2000 {}\n');
    commit('second migration');
    const clone = `${repo}-shallow`;
    try {
      expect(run(tmpdir(), 'git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]).code).toBe(0);
      const result = check(clone);
      expect(result.code).toBe(2);
      expect(result.err).toContain('shallow clone');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('passes on this repository (1795704000000 is as it landed again)', () => {
    const result = check(ROOT);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });
});
