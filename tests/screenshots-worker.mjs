// Takes two of the README's screenshots of the worker app (the duty view and a plan's preview) from
// its UI as built for the browser tests (ui/dist-browser-test, after `./waymark.sh test browser`),
// in Debian's Chromium, with the worker's in-memory fake backend and its invented people:
//   cd tests && node screenshots-worker.mjs
// The others come from the real worker window (screenshots-worker-real.mjs); these two need a team
// of workers and a plan history this page has without a service, and WebKitWebDriver does not
// answer a screenshot of the real duty view.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launch, serve } from './browser/browser.mjs';
import { root } from './e2e/driver.mjs';

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
  await page.goto(`${server.url}worker-browser-test.html`);
  await page.getByLabel('Passphrase', { exact: true }).fill('otter lantern biscuit');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByTestId('urgent-item').waitFor();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: 'Duty' }).click();
  await page.getByTestId('duty-alert').first().waitFor();
  await page.screenshot({ path: path.join(out, 'worker-duty.png') });
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: 'My people' }).click();
  await page.getByTestId('person').first().getByTestId('plan').click();
  await page.getByTestId('goal-text').first().fill('Find a flat near college');
  await page.getByTestId('preview-plan').click();
  await page.getByTestId('plan-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, 'worker-plan.png') });
} finally {
  await browser.close();
  await server.close();
}
