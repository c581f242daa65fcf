// Sharing for real: a real `waymark-service` process on loopback, the real app, and Robin's
// social worker's laptop (`waymark-worker`). The young person pastes the invite code, sees who it
// is from, connects, chooses their social worker and shares; only the worker's laptop opens it
// (the service's operator cannot), and the worker's read receipt and reply reach Robin's
// timeline; the service's database holds none of the words.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { createProfile, freshDataDir, root, startApp, waitForText } from './driver.mjs';
import { connectApp, sayAndOfferToShare, startService } from './service.mjs';

const WORDS = 'My phone got taken away and I want it back zz-marker-5521';

let running;
after(() => running?.stop());

test('a statement shared from the app reaches only the chosen worker\'s laptop, their receipt and reply and a plan come back, and withdrawing deletes it at the service', async () => {
  running = await startService();
  const service = running.run;
  const { code, person } = running.invite('Robin', `http://127.0.0.1:${running.port}`);

  const app = await startApp(freshDataDir());
  let sam;
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');

    await connectApp(b, code);
    // Robin reads the code the app shows to their worker, who approves this laptop with it; Sam
    // is made Robin's social worker, and Sam's laptop is approved too.
    const waiting = await b.$('[data-testid="approval"]').getText();
    const deviceCode = /Read them this code: (\S+)/.exec(waiting)[1];
    running.approve(deviceCode);
    sam = running.socialWorkerFor(person, 'Sam Okafor');
    await b.$('[data-testid="check-now"]').click();
    await waitForText(b, '[data-testid="approval"]', 'has approved this laptop');

    await sayAndOfferToShare(b, WORDS);
    await waitForText(b, '[data-testid="ask-consent"]', 'Who should get');
    await b.$('[data-testid="yes-share-social_worker"]').click();
    await b.$('p*=Sent to Northvale').waitForExist({ timeout: 15000 });
    await waitForText(b, '[data-testid="statement"]', 'Shared:');

    // The operator, beside the server, sees it came and cannot open it; Sam's laptop can.
    const inbox = service(['inbox']);
    assert.match(inbox, /#1 from Robin — statement received/);
    assert.ok(!inbox.includes(WORDS) && inbox.includes('only they can open it'), inbox);
    const shared = sam.laptop(['shared']);
    assert.ok(shared.includes(WORDS), shared);
    const item = /— item ([0-9a-f-]+)/.exec(shared)[1];
    sam.laptop(['read', item]);
    sam.laptop(['reply', item, '--words', 'I will ask about your phone today.']);
    service(['admin', 'publish-plan', path.join(root, 'examples/pathway-plan-v1.json'), '--to', person]);
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="check-now"]').click();
    await b.$('p*=Done. Anything new').waitForExist({ timeout: 15000 });
    await b.$('[data-testid="go-plan"]').click();
    await b.$('[data-testid="plan"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="go-shared"]').click();
    await waitForText(b, '[data-testid="statement"]', 'Read:');
    assert.doesNotMatch(await b.$('[data-testid="statement"]').getText(), /Read: not yet/);
    await waitForText(b, '[data-testid="response-replied"]', 'Sam Okafor (your social worker) replied');
    await waitForText(b, '[data-testid="response-replied"]', 'I will ask about your phone today.');

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

  // Neither the service nor Sam's laptop keeps the words in the clear.
  for (const dir of [running.dir, sam?.laptopDir].filter(Boolean)) {
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(path.join(dir, f));
      assert.equal(bytes.includes(Buffer.from('zz-marker-5521')), false, `${f} holds the words in the clear`);
    }
  }
});
