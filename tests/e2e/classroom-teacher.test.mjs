// Teacher links (issue 4, "Keep and share"): hide=… hides the chosen
// controls, only=… shows a single chart, embed=1 drops the page's chrome for
// an iframe; the page's Link options for teachers make such links and the
// iframe code, and both work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch } from './browser.mjs';
import { url, open, button, waitStat, watch, linkFromPage } from './classroom.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// shown reports, for each [role, name] pair, whether the page shows it (a
// hidden element has no role in the accessibility tree).
async function shown(page, pairs) {
  const out = {};
  for (const [role, name] of pairs) {
    const l = page.getByRole(role, { name, exact: true });
    out[`${role} ${name}`] = (await l.count()) > 0 && (await l.first().isVisible());
  }
  return out;
}

const everything = [
  ['button', 'Train'], ['button', 'One update'], ['button', 'Reset'], ['textbox', 'Training text'], ['combobox', 'Preset'],
  ['spinbutton', 'Hidden units'], ['spinbutton', 'Sequence length'], ['textbox', 'Probe text'], ['button', 'Generate'],
  ['button', 'Compare LSTM and RNN'], ['button', 'Save model'], ['button', 'Link to this setup'],
  ['img', 'Cell state c'], ['img', 'Hidden state h'], ['img', 'Loss'], ['img', 'Gradient reach'],
  ['heading', 'Time-step inspector'], ['heading', 'Units: what each one does'],
];
const expect = (hidden) => Object.fromEntries(everything.map(([r, n]) => [`${r} ${n}`, !hidden.includes(n)]));

test('hide=… hides the chosen controls and nothing else', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&hide=train,data,generate,export');
  await page.getByRole('img', { name: 'Cell state c' }).waitFor({ timeout: 10000 });
  assert.deepEqual(await shown(page, everything), expect(['Train', 'One update', 'Reset', 'Training text', 'Preset', 'Generate', 'Save model', 'Link to this setup']));
  assert.equal(await page.getByRole('button', { name: /as PNG$/ }).count(), 0, 'hide=export hides the PNG buttons too');
  assert.deepEqual(problems, []);
  await page.close();

  const other = await open(context, url + '#v=1&preset=rhyme&hide=settings,inspector,units,compare');
  await other.page.getByRole('img', { name: 'Cell state c' }).waitFor({ timeout: 10000 });
  assert.deepEqual(await shown(other.page, everything), expect(['Hidden units', 'Sequence length', 'Time-step inspector', 'Units: what each one does', 'Compare LSTM and RNN']));
  assert.deepEqual(other.problems, []);
  await other.page.close();
});

test('only=… shows a single chart', async () => {
  const pairs = [['img', 'Cell state c'], ['img', 'Hidden state h'], ['img', 'Forget gate zᶠ'], ['img', 'Loss'], ['img', 'Gradient reach'],
    ['textbox', 'Training text'], ['heading', 'Time-step inspector'], ['button', 'Train']];
  for (const [only, want] of [
    ['c', ['Cell state c']],
    ['zf', ['Forget gate zᶠ']],
    ['loss', ['Loss']],
  ]) {
    const { page, problems } = await open(context, url + `#v=1&preset=rhyme&only=${only}`);
    await button(page, 'One update').click();
    await waitStat(page, 'Update', (n) => n === 1, 10000);
    await page.waitForTimeout(500);
    const got = await shown(page, pairs);
    const expected = Object.fromEntries(pairs.map(([r, n]) => [`${r} ${n}`, want.includes(n) || n === 'Train']));
    assert.deepEqual(got, expected, `only=${only}`);
    // The chart is drawn, at a useful size.
    const box = await page.getByRole('img', { name: want[0], exact: true }).boundingBox();
    assert.ok(box.width > 250 && box.height > 50, `only=${only}: the chart is ${box.width}×${box.height}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('embed=1 has no page chrome', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&embed=1');
  const chrome = await shown(page, [['button', 'Guided tour'], ['button', 'Large text'], ['region', 'Predict before you press Train']]);
  assert.ok(!Object.values(chrome).some(Boolean), `no tour or view options: ${JSON.stringify(chrome)}`);
  // The title is kept for screen readers only: it takes no room on the page.
  const title = await page.getByRole('heading', { name: 'LSTM Playground', exact: true }).boundingBox();
  assert.ok(!title || title.width <= 1 || title.height <= 1, `no title shown: ${JSON.stringify(title)}`);
  assert.equal(await page.locator('footer').isVisible(), false, 'no footer');
  assert.ok(await button(page, 'Train').isVisible(), 'the playground itself is there');
  assert.deepEqual(problems, []);
  await page.close();

  // The same page without embed=1 has them.
  const plain = await open(context, url + '#v=1&preset=rhyme');
  assert.ok(await plain.page.getByRole('heading', { name: 'LSTM Playground', exact: true }).isVisible());
  assert.ok(await plain.page.locator('footer').isVisible());
  await plain.page.close();
});

test('Link options for teachers make a link and iframe code that work', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=counting');
  await page.getByText('Link options for teachers', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Hide Train, One update and Reset' }).check();
  await page.getByRole('checkbox', { name: 'Hide the data' }).check();
  await page.getByRole('combobox', { name: 'Charts the link shows' }).selectOption({ label: 'only the loss chart' });
  await page.getByRole('checkbox', { name: 'Embed mode, for an iframe' }).check();
  const link = await linkFromPage(page);
  const frag = new URLSearchParams(new URL(link).hash.slice(1));
  assert.equal(frag.get('hide'), 'data,train');
  assert.equal(frag.get('only'), 'loss');
  assert.equal(frag.get('embed'), '1');
  assert.equal(frag.get('preset'), 'counting');
  const code = await page.getByRole('textbox', { name: 'Embed code', exact: true }).inputValue();
  const m = code.match(/^<iframe src="([^"]+)" [^>]*><\/iframe>$/);
  assert.ok(m, `iframe code: ${code}`);
  assert.equal(m[1].replace(/&amp;/g, '&'), link, 'the iframe opens the link');
  assert.deepEqual(problems, []);

  // The link opens with its options applied, and ticked in the builder.
  const opened = await open(context, link);
  const got = await shown(opened.page, [['button', 'Train'], ['textbox', 'Training text'], ['img', 'Loss'], ['img', 'Cell state c'], ['button', 'Guided tour'], ['button', 'Compare LSTM and RNN']]);
  assert.deepEqual(got, { 'button Train': false, 'textbox Training text': false, 'img Loss': true, 'img Cell state c': false, 'button Guided tour': false, 'button Compare LSTM and RNN': true });
  assert.equal(await opened.page.locator('footer').isVisible(), false, 'embed mode: no footer');
  assert.deepEqual(opened.problems, []);
  await opened.page.close();

  // The iframe code in a course page: the playground starts in the frame,
  // fills it without scrolling sideways, and its loss chart trains
  // (Compare LSTM and RNN is shown beside the loss and trains both).
  const course = await context.newPage();
  const courseProblems = watch(course);
  // A course page on another site: served by the test on another port.
  const site = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Course</title><h1>Week 3</h1>${code}</html>`);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  after(() => site.close());
  await course.goto(`http://127.0.0.1:${site.address().port}/week-3`);
  const frame = course.frameLocator('iframe');
  await frame.locator('#app:not([hidden])').waitFor({ state: 'attached', timeout: 60000 });
  const inner = course.frames().find((f) => f.url().startsWith(url));
  assert.ok(inner, 'the frame loaded the playground');
  await frame.getByRole('img', { name: 'Loss', exact: true }).waitFor({ timeout: 10000 });
  const size = await inner.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(size.scroll <= size.client, `no sideways scrolling in the frame (${size.scroll} > ${size.client})`);
  await frame.getByRole('button', { name: 'Compare LSTM and RNN', exact: true }).click();
  await frame.getByRole('img', { name: 'Loss race: LSTM and RNN' }).waitFor({ timeout: 10000 });
  const end = Date.now() + 30000;
  const updates = frame.getByRole('status', { name: 'Update', exact: true });
  while (Number((await updates.textContent()).replace(/,/g, '')) < 20) {
    assert.ok(Date.now() < end, 'the embedded playground trains');
    await course.waitForTimeout(200);
  }
  assert.deepEqual(courseProblems, []);
  await course.close();
});
