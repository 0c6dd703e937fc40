import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where that
 * cannot be read (not Linux, the process is gone). Unlike wall time it does not grow when other
 * work on the machine takes the CPU away, which makes it the steadier figure on a shared machine.
 */
export function processCpuMilliseconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** CPU time used by a set of processes between two readings (ms); processes that appear later count from 0. */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let used = 0;
  for (const [pid, milliseconds] of after) used += milliseconds - (before.get(pid) ?? 0);
  return used;
}

export function cpuOfProcesses(pids: readonly number[]): Map<number, number> {
  const readings = new Map<number, number>();
  for (const pid of pids) {
    const milliseconds = processCpuMilliseconds(pid);
    if (milliseconds !== null) readings.set(pid, milliseconds);
  }
  return readings;
}
