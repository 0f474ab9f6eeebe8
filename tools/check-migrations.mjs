#!/usr/bin/env node
/**
 * Fails when a migration that has landed was changed or removed since. A database migrated before
 * the change never sees it (the migrations table says the migration ran), so a change to the
 * schema goes into a new migration instead.
 *
 * For every migration file git has ever added under the migrations folder, its content at HEAD
 * must equal its content in the commit that first added it (`git log --diff-filter=A`). A file
 * not yet committed is not checked (it has not landed). Needs the full history: in a shallow clone
 * every file would look as first added at the graft, so that is refused rather than passed.
 *
 * Usage: node tools/check-migrations.mjs [migrations folder, relative to the repository root]
 * Exit codes: 0 unchanged, 1 a landed migration changed or was removed, 2 cannot check.
 */
import { execFileSync } from 'node:child_process';

const DEFAULT_DIR = 'libs/persistence/src/migrations';
/** index.ts only lists the migrations: adding one to it is the point. */
const NOT_MIGRATIONS = new Set(['index.ts']);

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function fail(code, message) {
  process.stderr.write(`check-migrations: ${message}\n`);
  process.exit(code);
}

function isMigration(path, dir) {
  const name = path.slice(dir.length + 1);
  return path.startsWith(`${dir}/`) && !name.includes('/') && name.endsWith('.ts') && !name.endsWith('.spec.ts') && !NOT_MIGRATIONS.has(name);
}

function main() {
  const dir = (process.argv[2] ?? DEFAULT_DIR).replace(/\/+$/, '');
  let root;
  try {
    root = git(['rev-parse', '--show-toplevel']).trim();
  } catch {
    fail(2, 'not inside a git repository');
  }
  process.chdir(root);
  if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    fail(2, 'this is a shallow clone, so when each migration landed is unknown; fetch the full history (git fetch --unshallow)');
  }

  // The first (oldest) commit that added each path; git log lists newest first.
  const firstAdded = new Map();
  let commit = null;
  for (const line of git(['log', '--diff-filter=A', '--format=@%H', '--name-only', 'HEAD', '--', dir]).split('\n')) {
    if (line.startsWith('@')) commit = line.slice(1);
    else if (line && isMigration(line, dir)) firstAdded.set(line, commit);
  }
  if (firstAdded.size === 0) fail(2, `no migrations found under ${dir} in the history of HEAD`);

  const atHead = new Set(git(['ls-tree', '-r', '--name-only', 'HEAD', '--', dir]).split('\n').filter(Boolean));
  const problems = [];
  for (const [path, added] of [...firstAdded].sort(([a], [b]) => a.localeCompare(b))) {
    const short = added.slice(0, 10);
    if (!atHead.has(path)) {
      problems.push(`${path}: removed after it landed in ${short}`);
      continue;
    }
    const landed = git(['show', `${added}:${path}`]);
    const now = git(['show', `HEAD:${path}`]);
    if (landed !== now) {
      const edits = git(['log', '--format=%h %s', `${added}..HEAD`, '--', path]).trim();
      problems.push(`${path}: changed after it landed in ${short}${edits ? ` by\n    ${edits.split('\n').join('\n    ')}` : ''}`);
    }
  }
  if (problems.length > 0) {
    fail(
      1,
      `a migration that has landed was changed; databases migrated before the change never see it. ` +
        `Restore it (git show <commit>:<file>) and put the change in a new migration.\n  ${problems.join('\n  ')}`,
    );
  }
  process.stdout.write(`check-migrations: ${firstAdded.size} landed migrations unchanged\n`);
}

main();
