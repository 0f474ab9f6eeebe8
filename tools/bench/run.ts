/**
 * `npm run bench [-- --quick] [-- --only=p1,p3 [--merge]] [-- --profile]`: starts the stack,
 * measures P1 (pipeline throughput), P3 (submission latency), P2 (list reads over many projects),
 * worker memory and the console (in Chromium), each beside its bare baseline, stops everything,
 * and reports. `--only` (for working on one figure) prints its table but leaves bench-results.json
 * and BENCHMARKS.md alone, unless `--merge`: then its figures replace theirs in the last results,
 * which keep the others (a note says which run each comes from). `--profile` runs the API and the
 * worker with --cpu-prof and keeps the profiles.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchContext, Mode, createContext } from './context';
import { measureConsole } from './console';
import { measureMemory } from './memory';
import { measureP1 } from './p1-throughput';
import { measureP2 } from './p2-reads';
import { measureP3 } from './p3-submission';
import { BenchResults, TARGETS, computeCpuRatios, machine, mergeResults, textTable, writeResults } from './report';
import { ROOT, startBenchStack } from './stack';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const FIGURES = ['p1', 'p3', 'p2', 'memory', 'console'] as const;
type Figure = (typeof FIGURES)[number];

function parseArgs(argv: string[]): { mode: Mode; only: Figure[] | null; profile: boolean; merge: boolean } {
  let mode: Mode = 'full';
  let only: Figure[] | null = null;
  let profile = false;
  let merge = false;
  for (const arg of argv) {
    if (arg === '--quick') mode = 'quick';
    else if (arg === '--profile') profile = true;
    else if (arg === '--merge') merge = true;
    else if (arg.startsWith('--only=')) {
      only = arg.slice('--only='.length).split(',') as Figure[];
      const unknown = only.filter((f) => !FIGURES.includes(f));
      if (unknown.length) throw new Error(`--only: unknown figure(s) ${unknown.join(', ')}; known: ${FIGURES.join(', ')}`);
    } else throw new Error(`unknown argument ${arg}; usage: run.js [--quick] [--only=${FIGURES.join(',')} [--merge]] [--profile]`);
  }
  if (merge && !only) throw new Error('--merge goes with --only');
  return { mode, only, profile, merge };
}

const cleanups: Array<() => Promise<void>> = [];
/** Until the run succeeds the work dir (logs, profiles) is kept for a look afterwards. */
let keepWorkDir = true;
let cleaning: Promise<void> | undefined;

/** Runs every registered cleanup, newest first, once. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => log(`cleanup: ${error instanceof Error ? error.message : String(error)}`));
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const { mode, only, profile, merge } = parseArgs(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping everything`);
      void cleanUp().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  const started = performance.now();
  const results: BenchResults = {
    mode,
    date: new Date().toISOString(),
    durationSeconds: 0,
    machine: machine(),
    sizes: undefined as never,
    workload: undefined as never,
    ratios: {},
    cpuRatios: {},
    targets: TARGETS,
    notes: [],
  };
  log(`mode ${mode}${only ? `, only ${only.join(', ')}` : ''}; load average ${results.machine.loadAverageAtStart.join(' / ')}`);
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'dueflow-bench-profiles-')) : undefined;
  const stack = await startBenchStack(log, cleanups, { keepWorkDir: () => keepWorkDir, profileDir });
  const ctx: BenchContext = await createContext(mode, stack, log, cleanups);
  results.sizes = ctx.sizes;
  results.workload = ctx.shape;
  const wanted = (figure: Figure) => !only || only.includes(figure);

  if (wanted('p1')) {
    results.p1 = await measureP1(ctx);
    results.ratios.p1Ratio = results.p1.ratio;
  }
  if (wanted('p3')) {
    results.p3 = await measureP3(ctx);
    results.ratios.p3Ratio = results.p3.ratio;
  }
  if (wanted('p2')) {
    results.p2 = await measureP2(ctx);
    results.ratios.p2Ratio = results.p2.ratio;
  }
  if (wanted('memory')) {
    results.memory = await measureMemory(ctx);
    results.ratios.memoryRatio = results.memory.ratio;
    results.notes.push(
      `Both workers run the SDK's default cache: maxCachedWorkflows = ${results.memory.maxCachedWorkflowsDefault} on this machine (from the heap limit); open workflows beyond it are evicted and replayed when they next get a task.`,
    );
  }
  if (wanted('console')) {
    results.console = await measureConsole(ctx);
    results.notes.push(
      'Console: the initial JavaScript is every script a fresh browser loads to sign in and show the reviewer\'s inbox, gzip level 9. The page times run from the click on a row of the inbox (the task) or of the decisions list (the report) until the page is usable (the rubric\'s score buttons enabled; the decide panel shown), in Chromium with the CPU throttled 4× and the "Fast 3G" network; the list is shown for 1.5 s first, during which the console prefetches the next page\'s code. The baseline is the same click to a page that loads nothing of its own.',
    );
  }
  results.notes.push(
    'dueflow\'s client polls the task list for its review tasks (after 20 ms, then 1.5× longer each time up to 250 ms) and watches the project for the synthesis (If-None-Match with Prefer: wait=30, answered at the project\'s next step); P1 records both per pipeline.',
    'The worker runs without its start reconciler (RECONCILE_INTERVAL_MS=0): P2\'s generated rows have no process, and it would start some. Its cost in production is one indexed query per 30 s.',
    'The API and the worker log at their production default (info) to files; the API runs with NODE_ENV=production. Reviewers\' maxOpenTasks is raised in the database so thousands of open projects all get full panels.',
  );
  computeCpuRatios(results);
  keepWorkDir = false;
  await cleanUp();
  if (profileDir) log(`CPU profiles of the API and worker: ${profileDir}`);
  results.machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;

  process.stdout.write(`\n${textTable(results)}\n\nCPU per operation, all processes: ${JSON.stringify(results.cpuRatios)}\n\n`);
  if (only && merge) {
    const written = writeResults(ROOT, mergeResults(ROOT, results, only));
    process.stdout.write(`merged ${only.join(', ')} into ${written.json} and the "Latest run" of ${written.md}\n`);
  } else if (only) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n(--only: bench-results.json and BENCHMARKS.md left as they were)\n`);
  } else {
    const written = writeResults(ROOT, results);
    process.stdout.write(`wrote ${written.json} and the "Latest run" of ${written.md} (${results.durationSeconds} s)\n`);
  }
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
