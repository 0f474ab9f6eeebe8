/**
 * CPU time per service, from /proc (Linux): on a shared, busy machine wall-clock figures drift, but
 * the CPU seconds each process spends on the same work do not, so they show where the time goes.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime of the process itself, and of its waited-for children. */
  ticks: number;
  childTicks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    return {
      pid,
      ppid: Number(fields[1]),
      comm,
      ticks: Number(fields[11]) + Number(fields[12]),
      childTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null; // exited meanwhile
  }
}

function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) out.push(stat);
  }
  return out;
}

/** CPU seconds used so far by each named process and all its descendants (exited ones included). */
export function cpuSeconds(roots: Record<string, number>): Record<string, number> {
  const procs = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(roots)) {
    const root = byPid.get(pid);
    if (!root) continue;
    let ticks = root.childTicks;
    const stack = [root];
    while (stack.length) {
      const p = stack.pop()!;
      ticks += p.ticks;
      stack.push(...(children.get(p.pid) ?? []));
    }
    out[name] = ticks / TICKS_PER_SECOND;
  }
  return out;
}

/** The direct children of this process named for the report: known pids first, else by command. */
function serviceRoots(known: Record<string, number>): Record<string, number> {
  const roots: Record<string, number> = { ...known };
  const taken = new Set(Object.values(known));
  for (const p of allProcesses()) {
    if (p.ppid !== process.pid || taken.has(p.pid)) continue;
    if (p.comm === 'postgres' && !('postgres' in roots)) roots['postgres'] = p.pid;
    else if (p.comm.startsWith('temporal') && !('temporal' in roots)) roots['temporal'] = p.pid;
  }
  return roots;
}

/**
 * CPU seconds so far of every service this bench started (the known children by pid, PostgreSQL
 * and Temporal found among its children) and of the bench process itself (the load generator).
 */
export function cpuSnapshot(known: Record<string, number>): Record<string, number> {
  const usage = process.cpuUsage();
  return { ...cpuSeconds(serviceRoots(known)), bench: (usage.user + usage.system) / 1e6 };
}

/** CPU seconds spent per service between two snapshots. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>, per = 1): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(after)) out[name] = Math.round((((after[name] ?? 0) - (before[name] ?? 0)) / per) * 1e5) / 1e5;
  return out;
}
