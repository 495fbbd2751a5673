// The memory-gap task (issue 15): the preset's lines are a letter, n dashes
// and the same letter, n set by a slider; the chart of recall against the
// gap shows each model's score on fresh lines of the task (as many as fit a
// trace), the LSTM's above chance once it has trained; the other model of a
// comparison trains at its own learning rate, which the note names; the
// colour scale of c is robust or per unit, and says which.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, pollUntil } from './classroom.mjs';

let context, page, problems;

before(async () => {
  context = await launch();
  ({ page, problems } = await open(context, url + '#v=1&preset=rhyme&seed=1'));
});
after(async () => { await context?.close(); });

const fig = () => page.getByRole('figure', { name: 'Memory gap: recall against the gap' });
const note = () => page.locator('#gap-note');
const maxProbe = 2000; // lstm.MaxProbe: the recall's lines fit one trace

// recall reads a model's score from the chart's note.
function recall(cell, text) {
  const m = text.match(new RegExp(`The ${cell} recalled (\\d+(?:\\.\\d+)?)% of the letters over a gap of (\\d+) \\((\\d+) of (\\d+)\\) at update [\\d,]+, at learning rate ([\\d.e-]+)\\.`));
  return m && { pct: Number(m[1]), gap: Number(m[2]), right: Number(m[3]), all: Number(m[4]), lr: Number(m[5]) };
}

// consistent: the share is right/all, and all is the number of lines of
// gap n that fit one trace.
function consistent(s, n) {
  assert.equal(s.gap, n);
  assert.equal(s.all, Math.floor((maxProbe - 1) / (n + 3)), `lines of ${n + 3} characters in a trace: ${JSON.stringify(s)}`);
  assert.equal(s.pct, Math.round((100 * s.right) / s.all), JSON.stringify(s));
}

test('the chart shows only with the memory-gap text; its lines are letter, gap, letter', async () => {
  assert.ok(!(await fig().isVisible()), 'hidden on the rhyme');
  const preset = page.locator('#preset');
  await preset.selectOption(await preset.locator('option', { hasText: /^Memory gap/ }).getAttribute('value'));
  await fig().waitFor({ timeout: 10000 });
  const text = await page.getByRole('textbox', { name: 'Training text', exact: true }).inputValue();
  const lines = text.split('\n').filter(Boolean);
  assert.ok(lines.length >= 100, `${lines.length} lines`);
  for (const l of lines) assert.match(l, /^([a-d])-{20}\1$/);
});

test('the LSTM and the RNN at their own learning rates: recall measured on each', async () => {
  await page.locator('#cmp-lr').selectOption('0.001');
  await button(page, 'Compare LSTM and RNN').click();
  // The LSTM learns to recall over a gap of 20: above chance (25%) in time.
  const said = await pollUntil(page, () => note().textContent(), (t) => {
    const l = recall('LSTM', t);
    return l && recall('RNN', t) && l.pct > 50;
  }, 150000, 500);
  const l = recall('LSTM', said), r = recall('RNN', said);
  consistent(l, 20);
  consistent(r, 20);
  assert.equal(l.lr, 0.01, 'the page\'s model at the page\'s rate');
  assert.equal(r.lr, 0.001, 'the other at its own');
});

test('moving the slider trains another gap and adds its point', async () => {
  const slider = page.locator('#gap-n');
  await slider.fill('10');
  await pollUntil(page, () => page.getByRole('textbox', { name: 'Training text', exact: true }).inputValue(),
    (t) => /^([a-d])-{10}\1\n/.test(t), 10000);
  const said = await pollUntil(page, () => note().textContent(), (t) => recall('LSTM', t)?.gap === 10 && recall('RNN', t)?.gap === 10, 30000, 300);
  consistent(recall('LSTM', said), 10);
  consistent(recall('RNN', said), 10);
  assert.equal(await fig().locator('output').textContent(), '10');
  await button(page, 'Stop comparing').click();
});

test('the colour scale of c: robust or per unit, said in the legend', async () => {
  await page.locator('#preset').selectOption(await page.locator('#preset option', { hasText: /^Counting/ }).getAttribute('value'));
  if (await button(page, 'Train').isVisible()) await button(page, 'Train').click(); // the comparison left it training
  const heat = page.locator('.heat-block', { has: page.getByRole('img', { name: 'Cell state c', exact: true }) });
  const legend = () => heat.locator('.legend').textContent();
  const cnote = () => heat.locator('.heat-note').textContent();
  await pollUntil(page, cnote, (t) => /colours to the 98th percentile of \|c\|/.test(t), 30000);
  await button(page, 'Pause').click();
  await page.waitForTimeout(1000);
  const robust = await legend();
  await page.locator('#c-scale').selectOption('unit');
  await pollUntil(page, cnote, (t) => /colours per unit: ±1 is each unit's largest \|c\|/.test(t), 5000);
  assert.equal((await legend()).replace(/\s+/g, ''), '−101', 'per unit: ±1');
  const bars = page.getByRole('figure', { name: /^The three stages/ });
  assert.match(await bars.textContent(), /Each unit on its own scale, as in the c heatmap/);
  await page.locator('#c-scale').selectOption('robust');
  await pollUntil(page, legend, (t) => t === robust, 5000);
  assert.match(await bars.textContent(), /One scale for all units at this step: ±[\d.]+, the 90th percentile/);
  assert.deepEqual(problems, []);
});

// A teacher's link keeps the gap: the link of a page at gap 12 names it
// (gap=12), and a page opened from it shows 12 on the slider and trains the
// lines of gap 12.
test('a link to this setup carries the gap', async () => {
  const other = await open(context, url + '#v=1&preset=rhyme&seed=1');
  const p = other.page;
  await p.locator('#preset').selectOption(await p.locator('#preset option', { hasText: /^Memory gap/ }).getAttribute('value'));
  await p.locator('#gap-n').fill('12');
  const textbox = (q) => q.getByRole('textbox', { name: 'Training text', exact: true });
  await pollUntil(p, () => textbox(p).inputValue(), (t) => /^([a-d])-{12}\1\n/.test(t), 10000);
  await button(p, 'Link to this setup').click();
  const field = p.getByRole('textbox', { name: 'Share link', exact: true });
  const link = await pollUntil(p, () => field.inputValue(), (v) => v.includes('preset=gap'), 10000);
  assert.match(link, /[#&]gap=12(&|$)/, `the link ${link} names the gap`);
  await p.close();
  const opened = await open(context, link);
  const q = opened.page;
  await pollUntil(q, () => textbox(q).inputValue(), (t) => /^([a-d])-{12}\1\n/.test(t), 10000);
  assert.equal(await q.locator('#gap-n').inputValue(), '12');
  assert.equal(await q.locator('output[for="gap-n"]').textContent(), '12');
  // A reload brings the session back at its gap too (its settings are a link).
  await q.reload();
  await q.waitForFunction(() => !document.getElementById('app').hidden, null, { timeout: 60000 });
  await pollUntil(q, () => textbox(q).inputValue(), (t) => /^([a-d])-{12}\1\n/.test(t), 10000);
  assert.equal(await q.locator('#gap-n').inputValue(), '12', 'the slider after a reload');
  assert.deepEqual(opened.problems, []);
  await q.close();
});

// The Compare hint recommends the presets that show the difference — the
// memory gap among them — each by its name in the picker, in both languages.
test('the Compare hint names the counting, brackets and memory-gap presets', async () => {
  const hint = page.locator('#compare-hint');
  const names = async () => {
    const all = await page.locator('#preset option').allTextContents();
    return [/aⁿXbⁿ/, /bracket|括号/i, /a–a/].map((re) => all.find((n) => re.test(n)));
  };
  for (const lang of ['zh-CN', 'en']) {
    await page.getByRole('combobox', { name: /Language|语言/ }).selectOption(lang);
    await pollUntil(page, () => page.locator('html').getAttribute('lang'), (l) => l === lang, 5000);
    const text = await hint.textContent();
    for (const n of await names()) {
      assert.ok(n, `a preset is missing from the picker (${lang})`);
      assert.ok(text.includes(n), `${lang}: the hint "${text}" does not name the preset "${n}"`);
    }
  }
});
