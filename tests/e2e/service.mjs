// A real `waymark-service` for end-to-end tests: its own folder, keys made with `init`, and
// `serve` on a free loopback port. Also a relay that can hold back the service's answers, to
// stand in for a network that dies after an upload has arrived.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root, unlock, waitForText } from './driver.mjs';

const serviceBinary = process.env.WAYMARK_SERVICE_BIN ?? path.join(root, 'target/debug/waymark-service');
const workerBinary = process.env.WAYMARK_WORKER_BIN ?? path.join(root, 'target/debug/waymark-worker');
export const SERVICE_NAME = 'Northvale Children’s Services';

export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const portOpen = (port) =>
  new Promise((r) => net.connect(port, '127.0.0.1').once('connect', function () { this.destroy(); r(true); }).once('error', () => r(false)));

/**
 * Makes the service's keys, and the organisation's root key and roster in an administrator's
 * folder of their own, and starts serving. Returns { dir, port, run(args), invite(name, url),
 * approve(deviceCode), socialWorkerFor(person, name), stop() }.
 */
export async function startService() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'waymark-service-e2e-'));
  const adminDir = mkdtempSync(path.join(os.tmpdir(), 'waymark-admin-e2e-'));
  const env = {
    ...process.env, WAYMARK_SERVICE_DIR: dir, WAYMARK_KDF: 'floor', WAYMARK_SERVICE_PASSPHRASE: 'harbour lantern meadow',
    WAYMARK_ADMIN_DIR: adminDir, WAYMARK_ADMIN_PASSPHRASE: 'copper kettle orchard',
  };
  const run = (args) => execFileSync(serviceBinary, args, { env }).toString();
  run(['init', '--name', SERVICE_NAME]);
  run(['admin', 'init', '--org-name', SERVICE_NAME]);
  /** An invite for a young person: the code, and the id the roster gave them. */
  const invite = (name, url) => {
    const out = spawnSync(serviceBinary, ['admin', 'invite', '--name', name, '--role', 'young_person', '--url', url], { env });
    if (out.status !== 0) throw new Error(out.stderr.toString());
    return { code: out.stdout.toString().trim(), person: /is person ([0-9a-f-]+)\./.exec(out.stderr.toString())[1] };
  };
  /** A worker approves the one device waiting, with the code its person read out. */
  const approve = (deviceCode) => {
    const [, device, person] = /^device (\S+) for person (\S+)/m.exec(run(['admin', 'pending']));
    run(['admin', 'approve', '--device', device, '--person', person, '--code', deviceCode]);
  };
  const port = await freePort();
  const server = spawn(serviceBinary, ['serve', '--listen', `127.0.0.1:${port}`], { env, stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 100));
  const stop = () => server.kill('SIGTERM');
  /**
   * A social worker for `person`: in the roster, allocated, with a laptop of their own
   * (`waymark-worker`) enrolled and approved with the code it printed. Returns that laptop's
   * runner, `laptop(args)`, and the folder it keeps its keys in.
   */
  const socialWorkerFor = (person, name) => {
    const worker = /is worker ([0-9a-f-]+)\./.exec(run(['admin', 'add-worker', '--name', name, '--role', 'social_worker']))[1];
    run(['admin', 'allocate', '--person', person, '--worker', worker]);
    const laptopDir = mkdtempSync(path.join(os.tmpdir(), 'waymark-worker-e2e-'));
    const laptopEnv = { ...env, WAYMARK_WORKER_DIR: laptopDir, WAYMARK_WORKER_PASSPHRASE: 'kestrel pebble lighthouse' };
    const laptop = (args) => execFileSync(workerBinary, args, { env: laptopEnv }).toString();
    const enrolled = laptop(['enrol', run(['admin', 'invite-worker', '--worker', worker, '--url', `http://127.0.0.1:${port}`]).trim()]);
    const device = / as device ([^,]+),/.exec(enrolled)[1];
    const deviceCode = /approves this laptop with it: (\S+)/.exec(enrolled)[1];
    run(['admin', 'approve', '--device', device, '--person', worker, '--code', deviceCode]);
    return { laptop, laptopDir };
  };
  return { dir, port, run, invite, approve, socialWorkerFor, stop };
}

/**
 * Passes bytes to `upstream`; while `hold` is set, the service's answers to uploads (requests to
 * `POST /v1/envelope…`) are dropped (and counted). Other answers (the roster the sync pass reads
 * first) pass, so the upload is reached.
 */
export async function startRelay(upstream) {
  const relay = { hold: false, held: 0, port: 0 };
  const server = net.createServer((device) => {
    const service = net.connect(upstream, '127.0.0.1');
    // HTTP/1.1 on one connection answers in turn: the answer is to the last request seen.
    let lastRequest = '';
    device.on('data', (bytes) => {
      const line = bytes.toString('latin1', 0, 64);
      if (/^[A-Z]+ \//.test(line)) lastRequest = line;
      service.write(bytes);
    });
    service.on('data', (bytes) => {
      if (relay.hold && lastRequest.startsWith('POST /v1/envelope')) relay.held += bytes.length;
      else device.write(bytes);
    });
    const end = () => { device.destroy(); service.destroy(); };
    device.on('error', end).on('close', end);
    service.on('error', end).on('close', end);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  relay.port = server.address().port;
  relay.stop = () => server.close();
  return relay;
}

/** In the app: pastes the invite code in Sharing and privacy, checks who it is from, connects. */
export async function connectApp(b, code) {
  await b.$('[data-testid="go-privacy"]').click();
  await b.$('[data-testid="invite-code"]').setValue(code);
  await b.$('[data-testid="check-code"]').click();
  await waitForText(b, '[data-testid="service-preview"]', `This code is from ${SERVICE_NAME}.`);
  await b.$('[data-testid="connect"]').click();
  await waitForText(b, '[data-testid="connection"]', `Connected to ${SERVICE_NAME}`);
}

/** In a person's app: connects with `code`, has the administrator approve it with the code the
 *  app shows, and waits until the app says it is approved. */
export async function connectApproved(b, running, code) {
  await connectApp(b, code);
  running.approve(/Read them this code: (\S+)/.exec(await b.$('[data-testid="approval"]').getText())[1]);
  await b.$('[data-testid="check-now"]').click();
  await waitForText(b, '[data-testid="approval"]', 'has approved this laptop');
}

/** In a young person's app: says "I don't feel safe" in `words` (who to call is shown at once)
 *  and shares it with their social worker, waiting until it is sent. */
export async function sayNotSafeToSocialWorker(b, words) {
  await b.$('[data-testid="go-say"]').click();
  await b.$('[data-testid="kind-not_safe"]').click();
  await b.$('[data-testid="helplines"]').waitForExist({ timeout: 10000 });
  await b.$('[data-testid="say-words"]').setValue(words);
  await b.$('[data-testid="say-ready"]').click();
  await b.$('[data-testid="statement"]').waitForExist({ timeout: 10000 });
  await b.$('button*=Share with').click();
  await b.$('[data-testid="yes-share-social_worker"]').click();
  await b.$('p*=Sent to Northvale').waitForExist({ timeout: 15000 });
}

/** In a person's app, freshly started: unlocks their profile and asks for anything new now. */
export async function unlockAndCheckNow(b, name, passphrase) {
  await unlock(b, name, passphrase);
  await b.$('[data-testid="go-privacy"]').click();
  await b.$('[data-testid="check-now"]').click();
}

/** In the app: says `words` as "something to change", marks it ready, and opens "Share with". */
export async function sayAndOfferToShare(b, words) {
  await b.$('[data-testid="go-say"]').click();
  await b.$('[data-testid="kind-change_something"]').click();
  await b.$('[data-testid="say-words"]').setValue(words);
  await b.$('[data-testid="say-ready"]').click();
  await b.$('[data-testid="statement"]').waitForExist({ timeout: 10000 });
  await b.$('button*=Share with').click();
}

/**
 * In the worker app, freshly started: makes the worker's profile, connects this laptop with the
 * invite the administrator makes for `worker`, and has the administrator approve it with the code
 * the app shows. Leaves the app on "This laptop", approved.
 */
export async function setUpWorkerApp(b, running, worker, name, passphrase) {
  await b.$('[data-testid="new-name"]').waitForExist({ timeout: 10000 });
  await b.$('[data-testid="new-name"]').setValue(name);
  await b.$('[data-testid="new-passphrase"]').setValue(passphrase);
  await b.$('[data-testid="create"]').click();
  await waitForText(b, '[data-testid="lock-status"]', `Unlocked: ${name}`);
  const recovery = await b.$('[data-testid="recovery-code"]').getText();
  await b.$('[data-testid="code-check"]').setValue(recovery.slice(-4));
  await b.$('[data-testid="code-confirmed"]').click();
  await b.$('[data-testid="setup"]').waitForExist({ timeout: 10000 });
  const invite = running.run(['admin', 'invite-worker', '--worker', worker, '--url', `http://127.0.0.1:${running.port}`]).trim();
  await b.$('[data-testid="invite-code"]').setValue(invite);
  await b.$('[data-testid="check-code"]').click();
  await waitForText(b, '[data-testid="preview"]', 'Northvale');
  await b.$('[data-testid="connect"]').click();
  await b.$('[data-testid="device-code"]').waitForExist({ timeout: 15000 });
  running.approve(await b.$('[data-testid="device-code"]').getText());
  await b.$('[data-testid="check-again"]').click();
  await waitForText(b, '[data-testid="approval"]', 'This laptop is approved');
}
