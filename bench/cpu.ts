// How busy the machine was during a measurement, and how much of that was not us (the server and
// this process): a benchmark on a shared box is only as good as that number. Linux /proc only.
import fs from 'node:fs';
import os from 'node:os';

type Snapshot = { busy: number; ours: number; server: number; wall: number };

function processTicks(pid: number): number {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** `pids`: everything that is ours; `serverPids`: the part of it that is the server being measured. */
export function snapshot(pids: readonly number[], serverPids: readonly number[] = []): Snapshot {
  const line = fs.existsSync('/proc/stat') ? fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]! : '';
  const values = line.split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (values[i] ?? 0), 0);
  return {
    busy,
    ours: pids.reduce((sum, pid) => sum + processTicks(pid), 0),
    server: serverPids.reduce((sum, pid) => sum + processTicks(pid), 0),
    wall: Date.now(),
  };
}

/**
 * serverMs: CPU time the server spent, in ms. Divided by the requests answered it is what a page costs,
 * a figure that other load on the machine moves far less than requests per second.
 */
export type CpuUse = { machinePercent: number; othersPercent: number; serverMs: number };

/** Percent of all cores: everything busy, and everything busy that wasn't `pids`. */
export function cpuBetween(before: Snapshot, after: Snapshot): CpuUse {
  const ticksPerSecond = 100;
  const capacity = ((after.wall - before.wall) / 1000) * ticksPerSecond * os.cpus().length;
  const serverMs = ((after.server - before.server) * 1000) / ticksPerSecond;
  if (capacity <= 0) return { machinePercent: 0, othersPercent: 0, serverMs };
  const busy = after.busy - before.busy;
  const ours = after.ours - before.ours;
  return {
    serverMs,
    machinePercent: Math.round((busy / capacity) * 100),
    othersPercent: Math.max(0, Math.round(((busy - ours) / capacity) * 100)),
  };
}

