// Starts tauri-driver for one test file and opens a WebDriver session on the real built app.
// Must run under Xvfb (see waymark.sh). tauri-driver is stopped with SIGTERM, never SIGKILL, so
// WebKitWebDriver is not orphaned on its port.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appBinary = process.env.WAYMARK_APP_BIN ?? path.join(root, 'target/debug/waymark-app');
export const cliBinary = process.env.WAYMARK_CLI_BIN ?? path.join(root, 'target/debug/waymark');
/** The worker app ("Waymark for Workers"), started with `startApp(dir, { application: workerAppBinary })`. */
export const workerAppBinary = process.env.WAYMARK_WORKER_APP_BIN ?? path.join(root, 'target/debug/waymark-worker-app');

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

async function waitForPorts(ports, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await Promise.all(ports.map(portOpen));
    if (open.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not open ports ${ports.join(', ')} in ${ms} ms`);
}

export function freshDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-'));
}

/** Where the app saves documents a person asks for (exports, the recovery code) in a test. */
export const documentsDir = (dataDir) => `${dataDir}-documents`;

/**
 * Starts the app on `dataDir`; returns { browser, stop }. `application` replaces the binary
 * (a wrapper that runs the real app under a tracer, say).
 */
export async function startApp(dataDir, { application = appBinary } = {}) {
  const driverPath = process.env.TAURI_DRIVER ?? path.join(os.homedir(), '.cargo/bin/tauri-driver');
  const driver = spawn(driverPath, ['--port', '4444', '--native-port', '4445'], {
    env: { ...process.env, WAYMARK_DATA_DIR: dataDir, WAYMARK_DOCUMENTS_DIR: documentsDir(dataDir), WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPorts([4444, 4445], 15000);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application }, 'wdio:enforceWebDriverClassic': true },
  });
  const stop = async () => {
    try { await browser.deleteSession(); } catch { /* the app may already be gone */ }
    driver.kill('SIGTERM');
    await new Promise((r) => driver.once('exit', r));
  };
  return { browser, stop };
}

/** Waits until the element's text contains `expected`. */
export async function waitForText(browser, selector, expected, timeout = 10000) {
  await browser.waitUntil(async () => (await browser.$(selector).getText()).includes(expected), {
    timeout,
    timeoutMsg: `${selector} never showed "${expected}"`,
  });
}

/** Makes a profile on the start screen and gets past the recovery-code step; returns the code. */
export async function createProfile(b, name, role, passphrase) {
  await b.$('[data-testid="new-name"]').waitForExist({ timeout: 10000 });
  await b.$('[data-testid="new-name"]').setValue(name);
  if (role === 'carer') await b.$('input[name="role"][value="carer"]').click();
  await b.$('[data-testid="new-passphrase"]').setValue(passphrase);
  await b.$('[data-testid="create"]').click();
  await waitForText(b, '[data-testid="lock-status"]', `Unlocked: ${name}`);
  return confirmRecoveryCode(b);
}

/** Types the end of the recovery code shown, as a person does to say they kept it. */
export async function confirmRecoveryCode(b) {
  const code = await b.$('[data-testid="recovery-code"]').getText();
  await b.$('[data-testid="code-check"]').setValue(code.slice(-4));
  await b.$('[data-testid="code-confirmed"]').click();
  await b.$('[data-testid="home"]').waitForExist({ timeout: 10000 });
  return code;
}

/** Unlocks `name` from the start screen. */
export async function unlock(b, name, passphrase) {
  await b.$('[data-testid="passphrase"]').waitForExist({ timeout: 10000 });
  await b.$(`input[name="profile"][value="${name}"]`).click();
  await b.$('[data-testid="passphrase"]').setValue(passphrase);
  await b.$('[data-testid="unlock"]').click();
  await waitForText(b, '[data-testid="lock-status"]', `Unlocked: ${name}`);
}
