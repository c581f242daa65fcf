// The app's start and memory, measured on the real binary under Xvfb through tauri-driver:
// - launch → the first interactive screen (the start screen's unlock form can be used);
// - memory (RSS and PSS, summed over the app and every process it started: WebKit's web and
//   network processes) just after start;
// - unlocking a vault of N records (the real KDF) → the home screen shown with its data;
// - memory again after opening every record: home, My notes and What I've shared.
//
// Usage (from the repository root, under a display or xvfb-run):
//   node bench/app.mjs [--records 10000] [--runs 5] [--app target/release/waymark-app]
// The vault is made by `waymark-seed` (crates/waymark-bench). Prints text and one JSON line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, treeMemory } from './memory.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    app: { type: 'string', default: path.join(root, 'target/release/waymark-app') },
    seed: { type: 'string', default: path.join(root, 'target/release/waymark-seed') },
    kdf: { type: 'string', default: 'default' },
  },
});
// The driver reads which binary to start when it loads, so it is loaded after this is set.
process.env.WAYMARK_APP_BIN = values.app;
const { startApp, waitForText } = await import('../tests/e2e/driver.mjs');
const records = Number(values.records);
const runs = Number(values.runs);

/** RSS and PSS of the app's whole process tree (see bench/memory.mjs). */
function memory() {
  return treeMemory(Number(execFileSync('pgrep', ['-x', 'waymark-app']).toString().trim().split('\n')[0]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const settle = () => new Promise((r) => setTimeout(r, 1500));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-app-'));
execFileSync(values.seed, [dataDir, '--records', String(records), '--kdf', values.kdf], { stdio: 'inherit' });

const starts = [], unlocks = [];
let atStart, afterRecords;
for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  const app = await startApp(dataDir);
  try {
    const b = app.browser;
    await b.$('[data-testid="passphrase"]').waitForClickable({ timeout: 30000 });
    starts.push(performance.now() - t0);
    await settle();
    if (run === 0) atStart = memory();

    await b.$('input[name="profile"][value="Bench Robin"]').click();
    await b.$('[data-testid="passphrase"]').setValue('bench lantern otter');
    const t1 = performance.now();
    await b.$('[data-testid="unlock"]').click();
    // Shown means with its data: the seeded statements are all ready to share, and the home
    // screen says so only once they have been read from the vault.
    await waitForText(b, '[data-testid="todo"]', 'ready to share', 60000);
    unlocks.push(performance.now() - t1);

    if (run === 0) {
      await b.$('[data-testid="go-notes"]').click();
      await b.$('[data-testid="note"]').waitForExist({ timeout: 60000 });
      await b.$('[data-testid="go-shared"]').click();
      await b.$('[data-testid="statement"]').waitForExist({ timeout: 60000 });
      await settle();
      afterRecords = memory();
    }
  } finally {
    await app.stop();
  }
}

assert.ok(atStart && afterRecords);
const result = {
  records,
  runs,
  binary: values.app,
  launch_to_interactive_ms: { median: median(starts), all: starts.map(Math.round) },
  unlock_to_home_ms: { median: median(unlocks), all: unlocks.map(Math.round) },
  memory_after_start: atStart,
  memory_after_opening_records: afterRecords,
};
console.log(`launch → start screen usable: median ${median(starts).toFixed(0)} ms over ${runs} runs`);
console.log(`unlock (real KDF) → home with ${records} records: median ${median(unlocks).toFixed(0)} ms`);
console.log(`memory after start: ${describe(atStart)}`);
console.log(`memory after opening all records: RSS ${afterRecords.rss_mib.toFixed(0)} MiB, PSS ${afterRecords.pss_mib.toFixed(0)} MiB`);
console.log(JSON.stringify(result));
