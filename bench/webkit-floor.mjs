// Memory of the smallest WebKitGTK window (bench/webkit-floor.c): the floor any app on this
// engine starts from. Measured the same way and after the same settling time as the app
// (bench/app.mjs), so the two can be set side by side.
//   node bench/webkit-floor.mjs <program> [--runs 3] [-- program arguments…]
// Run under a display or xvfb-run. Prints text and one JSON line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describe, treeMemory } from './memory.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const [program, ...programArgs] = positionals;
assert.ok(program, 'usage: node bench/webkit-floor.mjs <program> [--runs N] [-- args…]');

const settle = () => new Promise((r) => setTimeout(r, 1500));
const results = [];
for (let run = 0; run < Number(values.runs); run++) {
  const child = spawn(program, programArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the page did not load within 30 s')), 30000);
      child.stdout.on('data', (d) => { if (String(d).includes('loaded')) { clearTimeout(timer); resolve(); } });
      child.on('exit', (code) => reject(new Error(`the window exited early (${code})`)));
    });
    await settle();
    results.push(treeMemory(child.pid));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r()));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rss = median(results.map((m) => m.rss_mib)), pss = median(results.map((m) => m.pss_mib));
console.log(`a bare WebKitGTK window${programArgs.length ? ` (${programArgs.join(' ')})` : ''}, after start: median RSS ${rss.toFixed(0)} MiB, PSS ${pss.toFixed(0)} MiB over ${results.length} runs; first run ${describe(results[0])}`);
console.log(JSON.stringify({ runs: results.length, rss_mib: rss, pss_mib: pss, first: results[0] }));
