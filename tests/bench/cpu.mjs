// cpu.mjs — the CPU time (user + system) of every process descending from this
// one, read from /proc: the Chromium a harness started, all its processes. On a
// machine shared with other work, CPU time per update is the fairer figure
// (wall time counts the time other work held the cores); null where there is
// no /proc.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS = 100; // USER_HZ: clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK)

// CPUSampler reads descendantsCPU every period ms, with the epoch time, until
// stop(); between(a, b) is the CPU seconds between two epoch times,
// interpolated between the readings around them (null outside them).
export class CPUSampler {
  constructor(period = 250) {
    this.samples = [];
    this.read();
    this.timer = setInterval(() => this.read(), period);
    this.timer.unref?.(); // a harness that fails still exits
  }

  read() {
    const cpu = descendantsCPU();
    if (cpu !== null) this.samples.push({ t: Date.now(), cpu });
  }

  stop() { clearInterval(this.timer); this.read(); }

  at(t) {
    const s = this.samples;
    for (let i = 1; i < s.length; i++) {
      if (s[i].t >= t && s[i - 1].t <= t) {
        const span = s[i].t - s[i - 1].t;
        return span > 0 ? s[i - 1].cpu + ((s[i].cpu - s[i - 1].cpu) * (t - s[i - 1].t)) / span : s[i].cpu;
      }
    }
    return null;
  }

  between(a, b) {
    const ca = this.at(a), cb = this.at(b);
    return ca === null || cb === null ? null : cb - ca;
  }
}

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
