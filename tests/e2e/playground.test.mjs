// Browser tests of the playground page, in headless Chromium. The page is found
// by role and label, as a person finds it. Run by ./build.sh test, which builds
// static/, starts the server and sets E2E_URL; it runs them again with
// E2E_LANG=zh-CN, on the page in Chinese (its text read through words.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { stat, waitStat, engineName } from './classroom.mjs';
import { L, withLang } from './words.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// open loads the page (with query, a search string such as '?kernels=exact',
// if given) and collects console problems.
async function open(viewport, query) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  const target = new URL(url);
  if (query) target.search = query;
  await page.goto(withLang(target.href));
  await page.getByRole('button', { name: L('Train'), exact: true }).waitFor({ state: 'visible', timeout: 60000 });
  await assert.doesNotReject(page.waitForFunction(() => !document.getElementById('boot') || document.getElementById('boot').hidden, null, { timeout: 60000 }));
  return { page, problems };
}

async function setTrainingText(page, text) {
  const box = page.getByRole('textbox', { name: L('Training text') });
  await box.fill(text);
}

test('loads, trains, pauses, and shows no console errors', async () => {
  const { page, problems } = await open();
  for (const title of ['Cell state c', 'Hidden state h', 'Input gate zⁱ', 'Forget gate zᶠ', 'Output gate zᵒ', 'Candidate z', 'Loss'].map(L)) {
    await assert.doesNotReject(page.getByText(title, { exact: true }).first().waitFor({ timeout: 5000 }), `chart "${title}"`);
  }
  assert.equal(await stat(page, 'Update'), 0);
  await page.getByRole('button', { name: L('Train'), exact: true }).click();
  await waitStat(page, 'Update', (n) => n >= 20);
  // The loss is read with its update: on a loaded machine the first reading
  // can come late, so the second waits for 250 updates more than the first.
  const early = await stat(page, 'Loss');
  const earlyUpdate = await stat(page, 'Update');
  await waitStat(page, 'Update', (n) => n >= Math.max(300, earlyUpdate + 250), 60000);
  const later = await stat(page, 'Loss');
  // A model that knows nothing of the text has loss ln V (V = 35 characters
  // in the default rhyme); after 300 updates it must be well below that.
  assert.ok(later < Math.log(35) - 1, `loss after ${earlyUpdate + 250}+ updates: ${later}, want below ln 35 − 1`);
  if (earlyUpdate < 100) assert.ok(later < early, `loss fell: ${early} (update ${earlyUpdate}) → ${later}`);
  // The engine reports a speed once it has trained for a quarter of a second.
  assert.ok(await waitStat(page, 'Chars/s', (v) => v > 0, 10000) > 0, 'chars/s shown');

  // Pause takes effect within about one chunk: the label switches at once, and
  // the count stops moving as soon as the engine's last Progress has arrived.
  const t0 = Date.now();
  await page.getByRole('button', { name: L('Pause'), exact: true }).click();
  await page.getByRole('button', { name: L('Train'), exact: true }).waitFor({ timeout: 2000 });
  let n1 = await stat(page, 'Update');
  for (;;) {
    await page.waitForTimeout(150);
    const n = await stat(page, 'Update');
    if (n === n1) break;
    n1 = n;
    assert.ok(Date.now() - t0 < 3000, 'training stops within 3 s of Pause');
  }
  const stoppedAfter = Date.now() - t0;
  await page.waitForTimeout(500);
  const n2 = await stat(page, 'Update');
  assert.equal(n2, n1, 'no updates after Pause');
  console.log(`# the update count stopped ${stoppedAfter} ms after Pause was clicked (polled every 150 ms)`);

  // Step trains exactly one update.
  await page.getByRole('button', { name: L('One update'), exact: true }).click();
  await waitStat(page, 'Update', (n) => n === n2 + 1, 5000);
  assert.deepEqual(problems, []);
  await page.close();
});

test('user text is text, never HTML', async () => {
  const { page, problems } = await open();
  await setTrainingText(page, '<b>x</b><img src=x onerror=alert(1)> <b>x</b>');
  await page.getByRole('textbox', { name: L('Probe text') }).fill('<b>x</b>');
  await page.getByRole('button', { name: L('One update'), exact: true }).click();
  await page.waitForTimeout(1000);
  // (the LSTM cell figure's own images aside)
  assert.equal(await page.locator('b, img:not(.cell-img)').count(), 0, 'no element made from the text');
  await page.getByRole('button', { name: L('Generate'), exact: true }).click();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('b, img:not(.cell-img)').count(), 0, 'no element made from generated text');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input gets a clear message and loses nothing', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: L('One update'), exact: true }).click();
  await waitStat(page, 'Update', (n) => n === 1, 5000);
  // Empty text: a message; the model keeps its update.
  await setTrainingText(page, '');
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: L('The training text is empty: type something or pick a preset.') }).first().waitFor({ timeout: 5000 }));
  assert.equal(await stat(page, 'Update'), 1);
  // Numbers mode with a word in the list: the message names it.
  await page.getByLabel(L('Numbers')).check();
  await setTrainingText(page, '0, 0.5, 1, banana, 0');
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: /banana/ }).first().waitFor({ timeout: 5000 }));
  assert.equal(await page.getByRole('textbox', { name: L('Training text') }).inputValue(), '0, 0.5, 1, banana, 0', 'the text stays as typed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('works at phone width', async () => {
  const { page, problems } = await open({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 400, `no horizontal scrolling (page is ${width}px wide)`);
  await page.getByRole('button', { name: L('Train'), exact: true }).click();
  await waitStat(page, 'Update', (n) => n >= 5);
  await page.getByRole('button', { name: L('Pause'), exact: true }).click();
  assert.deepEqual(problems, []);
  await page.close();
});

// Chromium has relaxed SIMD: the page picks the kernels' FMA build, unless its
// address asks for the exact one.
test('the engine uses the WebAssembly SIMD kernels in Chromium, their FMA build unless ?kernels=exact', async () => {
  for (const [query, want] of [['', /\(SIMD kernels, FMA\)$/], ['?kernels=exact', /\(SIMD kernels\)$/]]) {
    const { page, problems } = await open(undefined, query);
    const engine = await engineName(page);
    assert.match(engine, want, `at ${query || 'the plain address'} the engine reports ${engine}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('works from a sub-path of a plain static server', { skip: !process.env.E2E_SUBPATH_URL && 'E2E_SUBPATH_URL is not set' }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(withLang(process.env.E2E_SUBPATH_URL));
  await page.getByRole('button', { name: L('Train'), exact: true }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: L('One update'), exact: true }).click();
  await waitStat(page, 'Update', (n) => n === 1, 10000);
  // Every request stayed under the sub-path.
  const outside = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name)).filter((u) => u.protocol.startsWith('http') && !u.pathname.startsWith('/repo/')).map((u) => u.pathname));
  assert.deepEqual(outside.filter((p) => !p.startsWith('/repo/')), [], 'requests outside /repo/');
  assert.deepEqual(problems, []);
  await page.close();
});
