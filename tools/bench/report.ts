/** The run's results: a table on stdout, bench-results.json and the "Latest run" of BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Mode, Sizes } from './context';
import type { ConsoleResult } from './console';
import type { MemoryResult } from './memory';
import type { P1Result } from './p1-throughput';
import type { P2Result } from './p2-reads';
import type { P3Result } from './p3-submission';
import { ratio } from './stats';
import type { WorkloadShape } from './workload';

export const TARGETS = { p1Ratio: 0.8, p2Ratio: 2, p3Ratio: 1.5 } as const;

export interface Machine {
  cpu: string;
  cores: number;
  ramBytes: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

export interface BenchResults {
  mode: Mode;
  date: string;
  durationSeconds: number;
  machine: Machine;
  sizes: Sizes;
  /** One dueflow pipeline's Temporal work, counted from its history; the baseline does the same. */
  workload: WorkloadShape;
  ratios: { p1Ratio?: number; p2Ratio?: number; p3Ratio?: number; memoryRatio?: number };
  /**
   * CPU seconds (all processes) per operation, bare ÷ dueflow for P1 and dueflow ÷ bare for P2/P3:
   * what the ratios tend to once the machine is CPU-bound, whatever else runs on it.
   */
  cpuRatios: { p1?: number; p2?: number; p3?: number };
  targets: typeof TARGETS;
  p1?: P1Result;
  p2?: P2Result;
  p3?: P3Result;
  memory?: MemoryResult;
  console?: ConsoleResult;
  notes: string[];
}

export function machine(): Machine {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    ramBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

type Row = [figure: string, dueflow: string, bare: string, ratio: string, target: string, result: string];

function rows(r: BenchResults): Row[] {
  const out: Row[] = [];
  const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');
  if (r.p1) {
    const { p1 } = r;
    out.push([
      `P1 throughput, ${p1.dueflow.pipelines} pipelines at C=${p1.dueflow.concurrency}`,
      `${fixed(p1.dueflow.perSecond)}/s (p50 ${fixed(p1.dueflow.latency.p50Ms, 0)} ms)`,
      `${fixed(p1.bare.perSecond)}/s (p50 ${fixed(p1.bare.latency.p50Ms, 0)} ms)`,
      fixed(p1.ratio),
      `≥ ${TARGETS.p1Ratio}`,
      verdict(p1.ratio >= TARGETS.p1Ratio),
    ]);
  }
  if (r.p2) {
    const { p2 } = r;
    out.push([
      `P2 GET /projects p99, ${p2.rows} rows, ${p2.dueflow.clients} clients`,
      `${fixed(p2.dueflow.latency.p99Ms)} ms (p50 ${fixed(p2.dueflow.latency.p50Ms)})`,
      `pg ${fixed(p2.bare.latency.p99Ms)} ms (p50 ${fixed(p2.bare.latency.p50Ms)})`,
      fixed(p2.ratio),
      `≤ ${TARGETS.p2Ratio}`,
      verdict(p2.ratio <= TARGETS.p2Ratio),
    ]);
  }
  if (r.p3) {
    const { p3 } = r;
    out.push([
      `P3 POST /projects p99, ${p3.dueflow.requests} at ${p3.dueflow.concurrency} concurrent`,
      `${fixed(p3.dueflow.latency.p99Ms)} ms (p50 ${fixed(p3.dueflow.latency.p50Ms)})`,
      `start ${fixed(p3.bare.latency.p99Ms)} ms (p50 ${fixed(p3.bare.latency.p50Ms)})`,
      fixed(p3.ratio),
      `≤ ${TARGETS.p3Ratio}`,
      verdict(p3.ratio <= TARGETS.p3Ratio),
    ]);
  }
  if (r.memory) {
    const { memory } = r;
    const counts = ['0', ...memory.openProjects.map(String)];
    out.push([
      `Worker RSS at ${counts.join(' / ')} open`,
      counts.map((n) => mib(memory.dueflow.rssBytes[n] ?? 0)).join(' / '),
      counts.map((n) => mib(memory.bare.rssBytes[n] ?? 0)).join(' / '),
      '',
      '',
      'info',
    ]);
    out.push([
      'Worker bytes per open project',
      kib(memory.dueflow.bytesPerOpen),
      kib(memory.bare.bytesPerOpen),
      fixed(memory.ratio),
      '',
      'info',
    ]);
  }
  if (r.console) {
    const c = r.console;
    const t = c.targets;
    out.push([
      `Console initial JS (sign-in + reviewer inbox), ${c.initialJs.files} files`,
      `${c.initialJs.gzipKb} KB gzip (${c.initialJs.rawKb} KB raw)`,
      '',
      '',
      `≤ ${t.initialJsGzipKb} KB`,
      verdict(c.initialJs.gzipKb <= t.initialJsGzipKb),
    ]);
    const page = (name: string, f: { medianMs: number; maxMs: number }, target: number) =>
      out.push([
        `${name}, click to usable, CPU ${c.throttling.cpuSlowdown}× + Fast 3G, median of ${c.taskPage.runs}`,
        `${f.medianMs} ms (max ${f.maxMs})`,
        `empty page ${c.emptyPage.medianMs} ms`,
        fixed(f.medianMs / c.emptyPage.medianMs),
        `median ≤ ${target} ms`,
        verdict(f.medianMs <= target),
      ]);
    page('Console reviewer task page', c.taskPage, t.taskPageMs);
    page('Console manager report page', c.reportPage, t.reportPageMs);
  }
  return out;
}

const HEADER: Row = ['Figure', 'dueflow', 'bare', 'ratio', 'target', 'result'];

export function textTable(r: BenchResults): string {
  const all = [HEADER, ...rows(r)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: Row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const total = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);

/** Fills `cpuRatios` from the per-process CPU each figure recorded. */
export function computeCpuRatios(r: BenchResults): void {
  if (r.p1) r.cpuRatios.p1 = ratio(total(r.p1.bare.cpuSecondsPerPipeline), total(r.p1.dueflow.cpuSecondsPerPipeline));
  if (r.p2) r.cpuRatios.p2 = ratio(total(r.p2.dueflow.cpuMsPerRequest), total(r.p2.bare.cpuMsPerRequest));
  if (r.p3) r.cpuRatios.p3 = ratio(total(r.p3.dueflow.cpuSecondsPerRequest), total(r.p3.bare.cpuSecondsPerRequest));
}

function cpuLines(r: BenchResults): string[] {
  const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
  const lines: string[] = [];
  if (r.p1) lines.push(`P1 per pipeline: dueflow ${ms(total(r.p1.dueflow.cpuSecondsPerPipeline))}, bare ${ms(total(r.p1.bare.cpuSecondsPerPipeline))} (bare ÷ dueflow ${fixed(r.cpuRatios.p1 ?? NaN)})`);
  if (r.p2) lines.push(`P2 per request: through the API ${total(r.p2.dueflow.cpuMsPerRequest).toFixed(2)} ms, through pg ${total(r.p2.bare.cpuMsPerRequest).toFixed(2)} ms (${fixed(r.cpuRatios.p2 ?? NaN)}×)`);
  if (r.p3) lines.push(`P3 per submission: dueflow ${ms(total(r.p3.dueflow.cpuSecondsPerRequest))}, bare start ${ms(total(r.p3.bare.cpuSecondsPerRequest))} (${fixed(r.cpuRatios.p3 ?? NaN)}×)`);
  return lines;
}

function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 2 ** 30).toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}; load average ${m.loadAverageAtStart.join(' / ')} at start${m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' / ')} at end` : ''}`;
}

export function markdown(r: BenchResults): string {
  const table = [HEADER, ...rows(r)].map((row) => `| ${row.join(' | ')} |`);
  table.splice(1, 0, `|${HEADER.map(() => '---').join('|')}|`);
  return [
    `Mode **${r.mode}**${r.mode === 'quick' ? ' (`--quick`: smaller N and fewer rows than the issue asks; see the sizes below)' : ''}, ${r.date}, ${Math.round(r.durationSeconds)} s.`,
    `Machine: ${machineLine(r.machine)}.`,
    '',
    ...table,
    '',
    `Baseline workload, counted from a dueflow pipeline's history at bench start: 1 start, ${r.workload.updates} Updates, ${r.workload.activities} activity calls (batches per segment: \`${JSON.stringify(r.workload.plan.segments)}\`).`,
    `Sizes: \`${JSON.stringify(r.sizes)}\`.`,
    '',
    'CPU time of every process (API, workers, PostgreSQL, Temporal, the load generator) per operation; unlike the latencies these do not drift with what else the machine runs:',
    ...cpuLines(r).map((l) => `- ${l}`),
    '',
    ...r.notes.map((n) => `- ${n}`),
    '',
    'Raw figures (p50/p90/p99/max, throughput, N, C): `bench-results.json`.',
  ].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const SKELETON = `# dueflow benchmarks

\`npm run bench\` (full sizes) or \`npm run bench -- --quick\` (under 5 minutes) starts what it needs
(embedded PostgreSQL or \`DATABASE_URL\`'s server with a fresh database, an in-memory Temporal dev
server, migrations, demo accounts, dueflow's compiled API and worker as child processes, and a
baseline worker), measures, stops everything, prints the table, writes \`bench-results.json\` and
replaces the section below. Every figure is paired with a bare baseline measured in the same run on
the same servers.

## Latest run

${START}
${END}
`;

/** Replaces what lies between the bench markers; everything else in the file stays as it is. */
export function updateBenchmarksMd(path: string, section: string): void {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : SKELETON;
  if (!text.includes(START) || !text.includes(END)) {
    const block = `## Latest run\n\n${START}\n${END}\n`;
    const findings = text.indexOf('\n## Findings');
    text = findings >= 0 ? `${text.slice(0, findings + 1)}${block}\n${text.slice(findings + 1)}` : `${text.trimEnd()}\n\n${block}`;
  }
  const before = text.slice(0, text.indexOf(START) + START.length);
  const after = text.slice(text.indexOf(END));
  writeFileSync(path, `${before}\n${section}\n${after}`);
}

export function writeResults(root: string, results: BenchResults): { json: string; md: string } {
  const json = join(root, 'bench-results.json');
  const md = join(root, 'BENCHMARKS.md');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  updateBenchmarksMd(md, markdown(results));
  return { json, md };
}

/**
 * The last written results with `figures` replaced by this run's: for a figure measured on its own
 * (`--only=… --merge`). A note says which figures come from which run.
 */
export function mergeResults(root: string, fresh: BenchResults, figures: readonly string[]): BenchResults {
  const path = join(root, 'bench-results.json');
  if (!existsSync(path)) return fresh;
  const last = JSON.parse(readFileSync(path, 'utf8')) as BenchResults & Record<string, unknown>;
  const merged = { ...last } as BenchResults & Record<string, unknown>;
  for (const figure of figures) merged[figure] = (fresh as unknown as Record<string, unknown>)[figure];
  const kept = ['p1', 'p2', 'p3', 'memory', 'console'].filter((f) => !figures.includes(f) && merged[f] !== undefined);
  const freshNotes = fresh.notes.filter((n) => !last.notes.includes(n));
  merged.notes = [
    ...last.notes.filter((n) => !n.startsWith('Merged run:')),
    ...freshNotes,
    `Merged run: ${figures.join(', ')} measured ${fresh.date} (${fresh.mode}, load average ${fresh.machine.loadAverageAtStart.join(' / ')} at start); ${kept.join(', ')} from the run of ${last.date}.`,
  ];
  return merged;
}

