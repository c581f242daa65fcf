// Takes the README's screenshots from the real built app (run under Xvfb):
//   cd tests && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node screenshots.mjs
// Uses a fresh throwaway data folder and invented names.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freshDataDir, root, startApp } from './e2e/driver.mjs';

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const app = await startApp(freshDataDir());
const b = app.browser;
try {
  await b.$('[data-testid="new-name"]').waitForExist({ timeout: 10000 });
  // WebKitWebDriver's screenshot can stall on a page nobody has touched yet; typing a name first
  // also makes the screenshot show the form in use.
  await b.$('[data-testid="new-name"]').setValue('Robin');
  await b.saveScreenshot(path.join(out, 'start.png'));
  await b.$('[data-testid="open-library"]').click();
  await b.$('[data-testid="library-search"]').setValue('iro');
  await b.$('[data-testid="hit-who-is-my-iro"]').waitForExist({ timeout: 10000 });
  await b.saveScreenshot(path.join(out, 'library.png'));
  await b.$('[data-testid="hit-who-is-my-iro"]').click();
  await b.$('[data-testid="article"]').waitForExist({ timeout: 10000 });
  await b.saveScreenshot(path.join(out, 'help-page.png'));
  console.log(`Saved screenshots in ${out}`);
} finally {
  await app.stop();
}
