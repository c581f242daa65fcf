// The app connects to nothing until a person connects it to a service and something is sent,
// and then only to that service. The real app runs under strace, which logs every network call
// that names an address (connect, sendto, sendmsg) in the app and every process it starts
// (WebKit's web and network processes), DNS look-ups included. The same run then connects to a
// real service and shares, which shows the tracing sees connections when there are some.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { appBinary, createProfile, freshDataDir, startApp, waitForText } from './driver.mjs';
import { connectApp, sayAndOfferToShare, startService } from './service.mjs';

let running;
after(() => running?.stop());

/** A wrapper the driver starts instead of the app: the app itself, traced into `log`. */
function tracedApp(log) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'waymark-traced-'));
  const wrapper = path.join(dir, 'waymark-app-traced');
  // WebKitWebDriver tells the app where its control channel listens (WEBKIT_INSPECTOR_SERVER);
  // the wrapper keeps that address so the test can tell the driver's own connection apart.
  writeFileSync(wrapper, `#!/bin/sh\nprintf '%s' "$WEBKIT_INSPECTOR_SERVER" > '${log}.driver'\nexec strace -f -qq -e trace=connect,sendto,sendmsg -o '${log}' '${appBinary}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/**
 * Every IPv4 or IPv6 address and port the traced processes tried to reach so far, except the
 * test's own WebDriver control channel: under automation WebKit connects back to the driver that
 * started it, which an app started by a person never does.
 */
function inetDestinations(log) {
  const driver = readFileSync(`${log}.driver`, 'utf8');
  assert.match(driver, /^127\.0\.0\.1:\d+$/, 'the driver named its control channel');
  const out = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const v4 = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
    const v6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\).*inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    const m = v4 ?? v6;
    if (m && `${m[2]}:${m[1]}` !== driver) out.push(`${m[2]}:${m[1]}`);
  }
  return out;
}

test('with sharing off the app reaches no address at all; once connected it reaches only its service', async () => {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'waymark-strace-')), 'net.log');
  const app = await startApp(freshDataDir(), { application: tracedApp(log) });
  try {
    const b = app.browser;
    // A young person's ordinary use with no service: a profile, something said and kept, the
    // library searched and a page opened, Sharing and privacy looked at.
    await createProfile(b, 'Sam', 'young_person', 'kettle harbour violet');
    await b.$('[data-testid="go-say"]').click();
    await b.$('[data-testid="kind-change_something"]').click();
    await b.$('[data-testid="say-words"]').setValue('I would like to walk to school on my own.');
    await b.$('[data-testid="say-ready"]').click();
    await b.$('[data-testid="statement"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="open-library"]').click();
    await b.$('[data-testid="library-search"]').setValue('childline');
    await b.$('[data-testid="hit-who-to-call"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="hit-who-to-call"]').click();
    await waitForText(b, '[data-testid="article"]', '0800 1111');
    await b.$('[data-testid="close-library"]').click();
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="invite-code"]').waitForExist({ timeout: 10000 });
    await new Promise((r) => setTimeout(r, 2000));
    assert.deepEqual(inetDestinations(log), [], 'no network address was contacted');

    // Now the person connects a service and shares: the tracing sees it, and nothing else.
    running = await startService();
    const code = running.invite('Sam', `http://127.0.0.1:${running.port}`).code;
    await connectApp(b, code);
    await sayAndOfferToShare(b, 'Can my cat come to the review?');
    await b.$('[data-testid="yes-share-social_worker"]').click();
    // Nobody has approved this laptop yet, so it is sealed to no one and waits, and says so.
    await b.$('p*=It waits on this laptop until it can go').waitForExist({ timeout: 15000 });
    const reached = new Set(inetDestinations(log));
    assert.ok(reached.has(`127.0.0.1:${running.port}`), `the service's address was seen: ${[...reached]}`);
    assert.deepEqual([...reached], [`127.0.0.1:${running.port}`], 'only the connected service was contacted');
  } finally {
    await app.stop();
    // Stopping the session ends strace, which detaches rather than ending the app it traced:
    // end that app too, or the next test's app would hand over to it and never start.
    spawnSync('pkill', ['-x', 'waymark-app']);
    for (let i = 0; i < 100 && spawnSync('pgrep', ['-x', 'waymark-app']).status === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
