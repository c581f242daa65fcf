// Takes the README's screenshots of the real worker app (the built binary, in its WebKitGTK window
// under Xvfb), against the real service on loopback, with invented people:
//   cd tests && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node screenshots-worker-real.mjs
// (after `cargo build -p waymark-app -p waymark-worker-app -p waymark-service`). Dee, on the duty
// team and made an administrator, sets up her laptop; Robin's app says "I don't feel safe" and
// shares it; Dee's app shows the inbox, the item, the organisation and the audit log. (The duty
// view and the plan preview are taken by screenshots-worker.mjs: WebKitWebDriver's screenshot of
// the duty view here never answers, though the window draws it and sits idle.)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createProfile, freshDataDir, root, startApp, waitForText, workerAppBinary } from './e2e/driver.mjs';
import { connectApproved, sayNotSafeToSocialWorker, setUpWorkerApp, startService } from './e2e/service.mjs';

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const running = await startService();
try {
  const url = `http://127.0.0.1:${running.port}`;
  const { code, person } = running.invite('Robin', url);
  const dee = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Dee Morgan', '--role', 'duty']))[1];
  const sam = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Sam Okafor', '--role', 'social_worker']))[1];
  running.run(['admin', 'allocate', '--person', person, '--worker', sam]);
  running.run(['admin', 'grant-admin', '--worker', dee]);

  const deeDir = freshDataDir();
  let app = await startApp(deeDir, { application: workerAppBinary });
  try {
    await setUpWorkerApp(app.browser, running, dee, 'Dee', 'kestrel pebble lighthouse');
  } finally {
    await app.stop();
  }

  app = await startApp(freshDataDir());
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await connectApproved(b, running, code);
    await sayNotSafeToSocialWorker(b, 'Someone came to the house last night and I do not feel safe going back.');
  } finally {
    await app.stop();
  }

  app = await startApp(deeDir, { application: workerAppBinary });
  const b = app.browser;
  const shot = async (name, { top = true } = {}) => {
    console.log(`screenshot: ${name}`);
    // WebKitWebDriver's screenshot can stall on a page nobody has touched: touch the heading.
    await b.$('main h2').click();
    if (top) await b.execute(() => window.scrollTo(0, 0));
    await b.pause(500);
    await b.saveScreenshot(path.join(out, `${name}.png`));
  };
  const go = async (screen, ready) => {
    await b.$(`[data-testid="go-${screen}"]`).click();
    await b.$(ready).waitForExist({ timeout: 15000 });
  };
  try {
    await b.$('[data-testid="passphrase"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="passphrase"]').setValue('kestrel pebble lighthouse');
    await b.$('[data-testid="unlock"]').click();
    await b.$('[data-testid="inbox"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="refresh"]').click();
    await b.$('[data-testid="urgent-item"]').waitForExist({ timeout: 15000 });
    // Dee gives Robin a name on her laptop (the roster names nobody).
    await go('people', '[data-testid="person"]');
    await b.$('[data-testid="name-person"]').click();
    await b.$('[data-testid="person-name"]').setValue('Robin T.');
    await b.$('[data-testid="save-name"]').click();
    await b.$('h3=Robin T.').waitForExist({ timeout: 10000 });
    await go('inbox', '[data-testid="urgent-item"]');
    await shot('worker-inbox');
    await b.$('[data-testid="urgent-item"] button').click();
    await b.$('[data-testid="written"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="acknowledge"]').click();
    await waitForText(b, '[data-testid="done"]', 'is told someone has it');
    await b.$('[data-testid="reply"]').setValue('I am calling you now, Robin. Stay where you are.');
    await shot('worker-item');
    await b.$('[data-testid="back"]').click();
    await go('organisation', '[data-testid="invite-form"]');
    await b.$('[data-testid="invite-name"]').setValue('Kai M.');
    await b.$('[data-testid="invite-social_worker"]').selectByVisibleText('Sam Okafor');
    await b.$('[data-testid="invite-person"]').click();
    await b.$('[data-testid="invite-code-made"]').waitForExist({ timeout: 15000 });
    await shot('worker-organisation');
    await go('audit', '[data-testid="audit-entry"]');
    await shot('worker-audit');
  } finally {
    await app.stop();
  }
} finally {
  running.stop();
}
