// One update in slow motion (issue 15, item 3). While paused, the button
// after One update makes one real update and walks through it in 7 numbered
// stages. The test walks every position with the keyboard and checks the
// numbers against each other and against the engine: the update's loss is
// the mean of the steps' losses shown, the steps' losses are −log of the
// probabilities shown, the Update counter goes up by one, and the model
// afterwards is, byte for byte, the model of a second page that pressed One update
// instead. The walk is refused while training, and its words follow the
// page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, waitStat, stat, pause, pollUntil } from './classroom.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from './engine.mjs';

// untranslated returns the English words of s that Chinese text may not keep
// (as words.Untranslated: runs of two or more letters, not on the allow-list,
// not touching a superscript or modifier letter).
const allowed = JSON.parse(readFileSync(new URL('./allowed-english.json', import.meta.url), 'utf8'));
function untranslated(s) {
  const formula = (i, j) => [s.codePointAt(i - 1) ?? 0, s.codePointAt(j) ?? 0].some((r) =>
    (r >= 0x2070 && r <= 0x209f) || /\p{Lm}/u.test(String.fromCodePoint(r || 32)));
  const out = [];
  for (const m of s.matchAll(/[A-Za-z]+/g)) {
    if (m[0].length > 1 && !allowed.includes(m[0]) && !formula(m.index, m.index + m[0].length) && !out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

const setup = '#v=1&preset=rhyme&h=8&seed=4';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axeSerious returns axe's serious and critical findings in the walk's panel.
async function axeSerious(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run('#slowmo', { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
let context, page, problems;

before(async () => {
  context = await launch();
  ({ page, problems } = await open(context, url + setup));
});
after(async () => { await context?.close(); });

// steps presses One update until the Update counter reads n.
async function steps(p, n) {
  for (let u = await stat(p, 'Update'); u < n; u++) {
    await button(p, 'One update').click();
    await waitStat(p, 'Update', (v) => v === u + 1);
  }
}

const caption = () => page.locator('#slowmo-caption').textContent();
const position = async () => {
  const [update, stage, pos, len] = (await page.locator('#slowmo-pos').textContent()).match(/^Replay of update (\d+), already made · stage (\d) of 7 · position (\d+) of (\d+)$/).slice(1);
  return { update: Number(update), stage: Number(stage), pos: Number(pos), len: Number(len) };
};
const num = (s) => Number(s.replace('−', '-'));

test('the walk shows one real update, stage by stage, with its own numbers', async () => {
  await steps(page, 3);
  const before = await request(page, 'export');
  await button(page, 'One update in slow motion').click();
  const panel = page.getByRole('region', { name: 'One update in slow motion' });
  await page.locator('#slowmo-pos').waitFor({ state: 'visible' });
  // The engine made the update when the walk began: the model moved on, the
  // Update counter with it, and the walk says so from its first stage on.
  await waitStat(page, 'Update', (v) => v === 4);
  assert.match(await caption(), /^1 · The window\. Update 4 has already been made: the Update counter above shows it.* It trained on 32 symbols/);
  assert.notEqual((await request(page, 'export')).sha, before.sha);

  const stages = [];
  const losses = [];
  let p = await position();
  assert.deepEqual([p.stage, p.pos], [1, 1]);
  for (;;) {
    const text = await caption();
    stages.push(p.stage);
    assert.equal(p.update, 4, `position ${p.pos} names the update it replays`);
    assert.ok(text.startsWith(`${p.stage} · `), `position ${p.pos}: caption ${text} is not numbered ${p.stage}`);
    const current = await page.getByRole('button', { name: new RegExp(`^${p.stage} `) }).getAttribute('aria-current');
    assert.equal(current, 'step', `stage ${p.stage}'s button is not marked current`);
    if (p.stage === 2) {
      const m = text.match(/step (\d+) of 32: .* gave it [\d.]+%, so the loss of this step is −log ([\d.e−-]+) = ([\d.e−-]+)\.$/);
      assert.ok(m, `forward caption: ${text}`);
      assert.equal(Number(m[1]), losses.length + 1);
      assert.ok(Math.abs(-Math.log(num(m[2])) - num(m[3])) < 2e-3 * Math.max(1, num(m[3])), `−log ${m[2]} ≠ ${m[3]}`);
      assert.ok(await page.locator('#slowmo-cell').isVisible(), 'the cell figure during the forward pass');
      losses.push(num(m[3]));
    }
    if (p.stage === 3) {
      const m = text.match(/: ([\d.]+) ÷ 32 = ([\d.]+)\./);
      assert.ok(m, `loss caption: ${text}`);
      const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
      assert.ok(Math.abs(mean - num(m[2])) < 1e-3 * num(m[2]), `the mean of the steps' losses shown ${mean} ≠ the update's loss ${m[2]}`);
    }
    if (p.stage === 4) {
      const alt = await page.locator('#slowmo-cell').getAttribute('alt');
      const step = Number(text.match(/^4 · Backward, step (\d+):/)[1]);
      assert.equal(step, 32 - (p.pos - 35), `position ${p.pos} goes back to step ${step}`);
      assert.match(alt, new RegExp(`^LSTM cell, unit \\d+, step ${step} `));
      const desc = await page.locator('#slowmo-cell-desc').textContent();
      assert.match(desc, /Gradient flowing back: ∂L\/∂c t = /, 'the figure reads out the gradient along c');
      assert.match(desc, /Gradient flowing back: ∂L\/∂h t = /, 'the figure reads out the gradient along h');
      assert.match(await page.locator('#slowmo-curve').getAttribute('alt'), /^Gradient reaching each step/);
      if (step === 16) assert.deepEqual(await axeSerious(page), [], 'axe on the walk, stage 4');
    }
    if (p.stage === 5) assert.match(text, /‖∇L‖ = [\d.]+/);
    if (p.stage === 6) {
      assert.deepEqual(await axeSerious(page), [], 'axe on the walk, stage 6');
      const rows = await panel.getByRole('table').getByRole('row').count();
      assert.equal(rows, 1 + 5, 'a row per weight matrix of a one-layer model, and the head');
    }
    if (p.stage === 7) assert.match(text, /from 3 to 4 when you opened the walk/);
    if (p.pos === p.len) break;
    await panel.press('ArrowRight');
    const q = await pollUntil(page, position, (v) => v.pos === p.pos + 1, 5000);
    p = q;
  }
  assert.equal(losses.length, 32);
  assert.deepEqual([...new Set(stages)], [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(stages.length, 2 * 32 + 5);
  assert.equal(await stat(page, 'Update'), 4, 'the Update counter +1, once');
  // Keys: Home goes back to stage 1, End to 7, Escape closes.
  await panel.press('Home');
  assert.deepEqual((await position()).pos, 1);
  await panel.press('End');
  assert.deepEqual((await position()).stage, 7);
  await panel.press('Escape');
  assert.ok(await page.locator('#slowmo').isHidden());
});

test('the model after the walk is the model after pressing One update', async () => {
  const other = await open(context, url + setup);
  await steps(other.page, 4);
  const [a, b] = [await request(page, 'export'), await request(other.page, 'export')];
  assert.equal(a.sha, b.sha, 'the model files after slow motion and after One update differ');
  await other.page.close();
});

test('the walk follows the page\'s language', async () => {
  await button(page, 'One update in slow motion').click();
  await page.locator('#slowmo-pos').waitFor({ state: 'visible' });
  await waitStat(page, 'Update', (v) => v === 5);
  await page.locator('#slowmo').press('ArrowRight');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  const zh = await pollUntil(page, caption, (t) => t.startsWith('2 · 前向'), 5000);
  assert.deepEqual(untranslated(zh), [], `English left in ${zh}`);
  const seen = await page.locator('#slowmo').evaluate((e) => [e.innerText,
    ...Array.from(e.querySelectorAll('[alt], [aria-label], [title]'), (x) => ['alt', 'aria-label', 'title'].map((a) => x.getAttribute(a) || '').join(' '))].join('\n'));
  assert.deepEqual(untranslated(seen), [], 'English left in the panel');
  assert.deepEqual(untranslated(await button(page, '慢动作看一次更新').getAttribute('title')), []);
  await page.getByRole('combobox', { name: /语言|Language/ }).selectOption('en');
  await pollUntil(page, caption, (t) => t.startsWith('2 · Forward'), 5000);
  await page.locator('#slowmo').press('Escape');
});

test('refused while training: the button says why, the walk stays closed', async () => {
  await button(page, 'Train').click();
  const u = await waitStat(page, 'Update', (v) => v > 10);
  const slow = button(page, 'One update in slow motion');
  await pollUntil(page, () => slow.getAttribute('aria-disabled'), (v) => v === 'true', 5000);
  await slow.press('Enter'); // aria-disabled: it keeps its focus, and a press says why
  const why = page.locator('#slowmo-why');
  await why.waitFor({ state: 'visible' });
  assert.match(await why.textContent(), /^Pause training first/);
  assert.ok(await page.locator('#slowmo').isHidden(), 'the walk opened while training');
  await waitStat(page, 'Update', (v) => v > u, 10000); // training goes on
  await pause(page);
  await pollUntil(page, () => slow.getAttribute('aria-disabled'), (v) => v === 'false', 5000);
  assert.deepEqual(problems, []);
});
