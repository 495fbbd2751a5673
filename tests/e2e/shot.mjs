// shot.mjs — opens a URL in headless Chromium, waits, and saves a screenshot.
//   node tests/e2e/shot.mjs URL out.png [width] [height] [waitMs] [clickButtonName]
// It prints the page's console errors, if any.
import { launch } from './browser.mjs';

const [url, out = 'shot.png', w = '1440', h = '900', wait = '3000', click] = process.argv.slice(2);
const context = await launch({ viewport: { width: +w, height: +h } });
const page = context.pages()[0] || await context.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
await page.goto(url);
if (click) {
  await page.getByRole('button', { name: click, exact: true }).click();
}
await page.waitForTimeout(+wait);
await page.screenshot({ path: out, fullPage: true });
for (const e of errors) console.log(e);
await context.close();
