// The desktop app itself killed with SIGKILL mid-upload: the service has stored the statement,
// but its answer never reached the app (a relay holds it back) when the app dies. After a
// restart the outbox still holds the item; sending again delivers it, and the service keeps
// exactly one copy.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, test } from 'node:test';
import { cliBinary, createProfile, freshDataDir, startApp, unlock, waitForText } from './driver.mjs';
import { connectApp, sayAndOfferToShare, startRelay, startService } from './service.mjs';

const WORDS = 'Please can I stay at my school next year zz-crash-3317';
const PASSPHRASE = 'otter lantern biscuit';

let running, relay;
after(() => { running?.stop(); relay?.stop(); });

/** Kills every running copy of the app (one runs at a time) with SIGKILL: no clean-up at all. */
function killApp() {
  const pids = execFileSync('pgrep', ['-x', 'waymark-app']).toString().trim().split('\n').map(Number);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.length;
}

test('the app killed while an upload waits for its answer sends it again after a restart, and the service keeps one copy', async () => {
  running = await startService();
  relay = await startRelay(running.port);
  const { code, person } = running.invite('Robin', `http://127.0.0.1:${relay.port}`);
  const dataDir = freshDataDir();
  const cli = (args) => execFileSync(cliBinary, args, { env: { ...process.env, WAYMARK_DATA_DIR: dataDir, WAYMARK_PASSPHRASE: PASSPHRASE } }).toString();

  let app = await startApp(dataDir);
  let sam;
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', PASSPHRASE);
    await connectApp(b, code);
    // Approved, with a social worker whose laptop it can be sealed to.
    running.approve(/Read them this code: (\S+)/.exec(await b.$('[data-testid="approval"]').getText())[1]);
    sam = running.socialWorkerFor(person, 'Sam Okafor');
    await b.$('[data-testid="check-now"]').click();
    await waitForText(b, '[data-testid="approval"]', 'has approved this laptop');
    await sayAndOfferToShare(b, WORDS);
    await waitForText(b, '[data-testid="ask-consent"]', 'Who should get');

    // From here the service's answers are held back: the upload arrives, the reply does not.
    relay.hold = true;
    await b.$('[data-testid="yes-share-social_worker"]').click();
    await b.waitUntil(async () => relay.held > 0, { timeout: 15000, timeoutMsg: 'the upload never reached the service' });
    assert.ok(killApp() >= 1, 'the app was running');
  } finally {
    await app.stop();
  }
  assert.equal(running.run(['inbox']).split(' from Robin').length - 1, 1, 'the service stored it before the crash');
  assert.doesNotMatch(cli(['outbox']), /Nothing is waiting/, 'the app never heard back, so the item is still queued');

  // A restart with the network back: sending again delivers it, and the service keeps one copy.
  relay.hold = false;
  app = await startApp(dataDir);
  try {
    const b = app.browser;
    await unlock(b, 'Robin', PASSPHRASE);
    await b.$('[data-testid="go-privacy"]').click();
    await waitForText(b, '[data-testid="sync-status"]', '1 waiting to be sent.');
    await b.$('[data-testid="check-now"]').click();
    await waitForText(b, '[data-testid="sync-status"]', 'Nothing is waiting to be sent.', 20000);
    await b.$('[data-testid="go-shared"]').click();
    await waitForText(b, '[data-testid="statement"]', 'Shared:');
  } finally {
    await app.stop();
  }
  const inbox = running.run(['inbox']);
  assert.equal(inbox.split(' from Robin').length - 1, 1, inbox);
  const shared = sam.laptop(['shared']);
  assert.equal(shared.split(WORDS).length - 1, 1, shared);
  assert.match(cli(['outbox']), /Nothing is waiting/);
});
