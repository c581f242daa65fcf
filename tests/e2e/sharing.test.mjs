// Sharing for real: a real `waymark-service` process on loopback and the real app. The young
// person pastes the invite code, sees who it is from, connects, says something and shares it;
// the service's operator opens it with `waymark-service inbox`, and the service's database holds
// none of the words.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { createProfile, freshDataDir, root, startApp, waitForText } from './driver.mjs';
import { connectApp, sayAndOfferToShare, startService } from './service.mjs';

const WORDS = 'My phone got taken away and I want it back zz-marker-5521';

let running;
after(() => running?.stop());

test('a statement shared from the app reaches the service sealed, only its key opens it, its plan and receipts come back, and withdrawing deletes it there', async () => {
  running = await startService();
  const service = running.run;
  const { code, person } = running.invite('Robin', `http://127.0.0.1:${running.port}`);

  const app = await startApp(freshDataDir());
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');

    await connectApp(b, code);
    // Robin reads the code the app shows to their worker, who approves this laptop with it.
    const waiting = await b.$('[data-testid="approval"]').getText();
    const deviceCode = /Read them this code: (\S+)/.exec(waiting)[1];
    running.approve(deviceCode);
    await sayAndOfferToShare(b, WORDS);
    await b.$('[data-testid="yes-share"]').click();
    await b.$('p*=Sent to Northvale').waitForExist({ timeout: 15000 });
    await waitForText(b, '[data-testid="statement"]', 'Shared:');

    // The operator reads it and sends a plan; the app picks both up.
    const inbox = service(['inbox']);
    assert.match(inbox, /#1 from Robin — statement received/);
    assert.ok(inbox.includes(WORDS), inbox);
    service(['mark-read', '1']);
    service(['admin', 'publish-plan', path.join(root, 'examples/pathway-plan-v1.json'), '--to', person]);
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="check-now"]').click();
    await b.$('p*=Done. Anything new').waitForExist({ timeout: 15000 });
    await waitForText(b, '[data-testid="approval"]', 'has approved this laptop');
    await b.$('[data-testid="go-plan"]').click();
    await b.$('[data-testid="plan"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="go-shared"]').click();
    await waitForText(b, '[data-testid="statement"]', 'Read:');
    assert.doesNotMatch(await b.$('[data-testid="statement"]').getText(), /Read: not yet/);

    // Robin changes their mind: the service deletes what it had and its signed receipt is checked.
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="consent"] button').click();
    await b.$('p*=signed receipt checks out').waitForExist({ timeout: 15000 });
    assert.match(await b.$('p*=signed receipt checks out').getText(), /deleted 1 thing it had from you/);
    assert.match(service(['inbox']), /Nothing new\./);
    // The receipt is kept: leaving the page and coming back, it is read from the vault.
    await b.$('[data-testid="go-shared"]').click();
    await b.$('[data-testid="go-privacy"]').click();
    await waitForText(b, '[data-testid="deletion"]', 'they deleted 1 thing, and their signed receipt checks out');
  } finally {
    await app.stop();
  }

  for (const f of readdirSync(running.dir)) {
    const bytes = readFileSync(path.join(running.dir, f));
    assert.equal(bytes.includes(Buffer.from('zz-marker-5521')), false, `${f} holds the words in the clear`);
  }
});
