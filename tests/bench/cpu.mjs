// cpu.mjs — the CPU time (user + system) of every process descending from this
// one, read from /proc: the Chromium a harness started, all its processes. On a
// machine shared with other work, CPU time per update is the fairer figure
// (wall time counts the time other work held the cores); null where there is
// no /proc.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS = 100; // USER_HZ: clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK)

// descendantsCPU returns the CPU seconds so far of the live descendants of pid.
export function descendantsCPU(pid = process.pid) {
  let entries;
  try { entries = readdirSync('/proc'); } catch { return null; }
  const procs = new Map();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${e}/stat`, 'utf8'); } catch { continue; } // ended meanwhile
    // pid (comm) state ppid … utime(14) stime(15): split after the comm, which may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.set(Number(e), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
  }
  const children = new Map();
  for (const [p, { ppid }] of procs) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(p);
  }
  let ticks = 0;
  const todo = [...(children.get(pid) || [])];
  while (todo.length) {
    const p = todo.pop();
    ticks += procs.get(p).ticks;
    todo.push(...(children.get(p) || []));
  }
  return ticks / TICKS;
}
