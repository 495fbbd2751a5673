// Hidden tabs (issue 7): while the tab is hidden the page draws nothing and
// training goes on (or pauses, per the setting "When this tab is hidden");
// shown again, the charts catch up at once with the newest update. The page
// visibility API is driven from the test: document.visibilityState and
// document.hidden overridden, and a visibilitychange event dispatched. Drawing
// is counted by wrapping the canvas drawing calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { installListener } from './engine.mjs';
import { pollUntil } from './classroom.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// setHidden hides or shows the tab and returns the engine's newest update at
// that moment.
async function setHidden(page, hidden) {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    const at = globalThis.__lpLosses.length;
    document.dispatchEvent(new Event('visibilitychange'));
    return at;
  }, hidden);
}

// engineUpdate is the newest update the engine reported (engine.mjs listens
// to its Progress messages beside the page).
const engineUpdate = (page) => page.evaluate(() => globalThis.__lpLosses.length);
const draws = (page) => page.evaluate(() => globalThis.__draws);

test('hidden: no drawing; training goes on or pauses per the setting; shown: the charts catch up', async (t) => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(url);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor({ state: 'visible', timeout: 60000 });
  await installListener(page);
  await page.evaluate(() => {
    globalThis.__draws = 0;
    const P = CanvasRenderingContext2D.prototype;
    for (const name of ['putImageData', 'stroke', 'fill', 'fillRect', 'fillText', 'clearRect', 'drawImage']) {
      const f = P[name];
      P[name] = function (...args) { globalThis.__draws++; return f.apply(this, args); };
    }
  });
  const lossNote = page.locator('#loss-note');

  await t.test('keep training (the default)', async () => {
    assert.equal(await page.getByRole('combobox', { name: 'When this tab is hidden' }).inputValue(), 'train');
    await train.click();
    await pollUntil(page, () => engineUpdate(page), (n) => n > 50);
    assert.ok(await draws(page) > 0, 'the page draws while shown');
    await setHidden(page, true);
    await page.waitForTimeout(200); // a frame asked for before may still run
    const d0 = await draws(page);
    const u0 = await engineUpdate(page);
    const note0 = await lossNote.textContent();
    await page.waitForTimeout(1500);
    assert.equal(await draws(page), d0, 'no drawing while hidden');
    const u1 = await engineUpdate(page);
    assert.ok(u1 > u0 + 20, `training goes on while hidden: update ${u0} → ${u1}`);
    assert.equal(await lossNote.textContent(), note0, 'the loss chart is not redrawn while hidden');
    const shownAt = await setHidden(page, false);
    await pollUntil(page, () => draws(page), (d) => d > d0, 2000, 50);
    // The loss chart's first paint after showing has the newest update, not
    // an old frame (another part, such as the cell figure's canvas, may draw
    // first).
    const note = await pollUntil(page, () => lossNote.textContent(), (n) => n !== note0, 2000, 20);
    const m = note.replace(/,/g, '').match(/^Update (\d+):/);
    assert.ok(m, `loss note: ${note}`);
    assert.ok(Number(m[1]) >= shownAt, `the loss chart shows update ${m[1]}; the engine was at ${shownAt} when the tab was shown`);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await train.waitFor();
  });

  await t.test('pause training while hidden', async () => {
    await page.getByRole('combobox', { name: 'When this tab is hidden' }).selectOption({ label: 'Pause training' });
    await train.click();
    await pollUntil(page, async () => (await engineUpdate(page)), (n) => n > 0);
    const start = await engineUpdate(page);
    await pollUntil(page, () => engineUpdate(page), (n) => n > start + 30);
    await setHidden(page, true);
    await page.waitForTimeout(500); // Pause reaches the engine
    const u0 = await engineUpdate(page);
    const d0 = await draws(page);
    await page.waitForTimeout(1500);
    assert.equal(await engineUpdate(page), u0, 'training paused while hidden');
    assert.equal(await draws(page), d0, 'no drawing while hidden');
    await setHidden(page, false);
    await pollUntil(page, () => engineUpdate(page), (n) => n > u0 + 30);
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 5000 });
    assert.ok(await draws(page) > d0, 'drawing again');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await train.waitFor();
  });
  assert.deepEqual(problems, []);
  await page.close();
});
