// Serves the browser-test build of the UI (ui/dist-browser-test, where an in-memory fake backend
// answers the UI's calls) on loopback and opens it in Debian's Chromium through Playwright.
// Nothing is downloaded: the browser is /usr/bin/chromium.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ui/dist-browser-test');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = path.join(dist, url.pathname === '/' ? 'browser-test.html' : path.normalize(url.pathname));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** Every WCAG 2.x A and AA rule axe has, colour contrast included. Returns the violations. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
}

/** Opens `url` in a fresh 1024×600 window and waits for the app's status line; the page keeps a
 *  list of any errors it throws, which `checkPage` requires to be empty. */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('lock-status').waitFor();
  page.errors = errors;
  return page;
}

/** axe at normal size and at 200% text, and no sideways scrolling at 200% in 1024×600. */
export async function checkPage(page, name) {
  await page.waitForTimeout(50);
  const normal = await axeViolations(page);
  assert.deepEqual(normal, [], `${name}: axe found problems:\n  ${normal.join('\n  ')}`);
  await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: at 200% text the page scrolls sideways by ${overflow}px`);
  const big = await axeViolations(page);
  assert.deepEqual(big, [], `${name} at 200% text: axe found problems:\n  ${big.join('\n  ')}`);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  assert.deepEqual(page.errors, [], `${name}: the page threw errors`);
}
