// Memory of a process and every process it started (WebKit's web and network processes), read
// from /proc/<pid>/smaps_rollup. RSS counts a shared library once per process that maps it; PSS
// shares each page among the processes using it, so PSS summed is what the tree really costs.
import { readdirSync, readFileSync } from 'node:fs';

/** Every process id in the tree under `pid`, itself included. */
function tree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  const out = [];
  const walk = (p) => { out.push(p); for (const c of children.get(p) ?? []) walk(c); };
  walk(pid);
  return out;
}

/** RSS and PSS in MiB, summed over the tree under `pid`, with each process's name. */
export function treeMemory(pid) {
  let rss = 0, pss = 0;
  const processes = [];
  for (const p of tree(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)[1]);
      rss += kib('Rss');
      pss += kib('Pss');
      processes.push({ name: readFileSync(`/proc/${p}/comm`, 'utf8').trim(), rss_mib: kib('Rss') / 1024, pss_mib: kib('Pss') / 1024 });
    } catch { /* gone meanwhile */ }
  }
  return { rss_mib: rss / 1024, pss_mib: pss / 1024, processes };
}

/** One line: totals, then each process's PSS. */
export function describe(m) {
  return `RSS ${m.rss_mib.toFixed(0)} MiB, PSS ${m.pss_mib.toFixed(0)} MiB (${m.processes.map((p) => `${p.name} ${p.pss_mib.toFixed(0)}`).join(', ')} MiB PSS)`;
}
