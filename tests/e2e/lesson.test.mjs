// The lesson (issue 15): a teacher link opens chapter 1; each chapter shows
// only its panels; every question is answered both ways (each answer picked,
// then "Check with the model"), and the page's verdict must match what the
// model did, read from the step inspector, the cell figure and the verdict's
// own numbers; back/next, progress, the chapter link, and "Leave the lesson"
// to the full playground with the same model. The page's text is read
// through the catalogue (words.mjs): build.sh runs this file in English and
// in Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, trainTo, stat, pollUntil, waitStat } from './classroom.mjs';
import { L, R, RI, I, lang } from './words.mjs';

let context, page, problems;

before(async () => {
  context = await launch();
  ({ page, problems } = await open(context, url + '#v=1&preset=rhyme&h=8&seed=4&lesson=1'));
});
after(async () => { await context?.close(); });

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const titles = ['rnn', 'states', 'gates', 'stages', 'memory'].map((c) => esc(I(`lesson.${c}.title`)));
const lesson = () => page.getByRole('region', { name: new RegExp(`^(${titles.join('|')})`) });
const chapter = (n) => lesson().getByText(I('lesson.progress', n, 5));
const verdict = () => lesson().getByRole('status');

// answerBoth picks each answer in turn, checks, and returns the two verdicts.
async function answerBoth() {
  const out = [];
  for (const radio of await lesson().getByRole('radio').all()) {
    await radio.check();
    await button(page, 'Check with the model').click();
    const v = verdict();
    await pollUntil(page, () => v.getAttribute('data-verdict'), (s) => s && s !== 'unpicked', 3000);
    out.push({ state: await v.getAttribute('data-verdict'), answer: await v.getAttribute('data-answer'), text: (await v.textContent()).trim() });
  }
  return out;
}

// agreeOnce: a model that can answer confirms exactly one pick and refutes
// the other, with the same reason; it returns the answer it confirmed.
function agreeOnce(vs) {
  assert.equal(vs.length, 2);
  assert.deepEqual(vs.map((v) => v.state).sort(), ['confirm', 'refute'], JSON.stringify(vs));
  // The two sentences are joined as the language writes them: a space after
  // an English full stop, none after a Chinese one.
  const sep = lang === 'en' ? ' ' : '';
  const [yes, no] = [I('lesson.confirm') + sep, I('lesson.refute') + sep];
  assert.ok(vs[vs[0].state === 'confirm' ? 0 : 1].text.startsWith(yes), vs[0].text);
  assert.ok(vs[vs[0].state === 'confirm' ? 1 : 0].text.startsWith(no), vs[1].text);
  const reason = (t) => (t.startsWith(yes) ? t.slice(yes.length) : t.slice(no.length));
  assert.equal(reason(vs[0].text), reason(vs[1].text));
  return vs[0].state === 'confirm' ? 0 : 1;
}

async function cursorTo(t, j) {
  const heat = page.getByRole('group', { name: L('Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit.') });
  await heat.focus();
  await heat.press('Home');
  for (let i = 1; i < t; i++) await heat.press('ArrowRight');
  for (let i = 0; i < 8; i++) await heat.press('ArrowUp');
  for (let i = 1; i < j; i++) await heat.press('ArrowDown');
}

async function inspectorValue(name) {
  return page.getByRole('region', { name: L('Time-step inspector') }).evaluate((e, name) => {
    for (const d of e.querySelectorAll('dl > div')) if (d.querySelector('dt .name').textContent.trim() === name) return d.querySelector('dd').textContent.trim();
    return null;
  }, L(name));
}
const num = (s) => Number(s.replace('−', '-'));

// traceSettled waits until the trace of the paused model has arrived: the
// Step inspector's text holds still over half a second (a trace of an earlier
// update, asked while training, can land just after Pause and change it).
async function traceSettled() {
  const read = () => page.getByRole('region', { name: L('Time-step inspector') }).textContent();
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const now = await read();
    if (now === last) return;
    last = now;
  }
}

test('chapter 1: an RNN, only its panels, and the next-symbol question', async () => {
  await chapter(1).waitFor();
  assert.equal(await page.getByRole('combobox', { name: L('Cell'), exact: true }).inputValue(), '1', 'an RNN');
  await trainTo(page, 300);
  await traceSettled();
  assert.ok(await page.getByRole('img', { name: L('Hidden state h'), exact: true }).isVisible());
  assert.ok(!(await page.getByRole('img', { name: L('Cell state c'), exact: true }).isVisible()), 'c comes in chapter 2');
  assert.ok(await page.getByRole('region', { name: L('RNN cell'), exact: true }).isVisible(), 'the RNN cell');
  await cursorTo(5, 1);
  const right = agreeOnce(await answerBoth());
  const pred = (await page.locator('.insp-pred').textContent()).trim();
  // (a character is quoted, a space or a new line named: the quotes are part of the match)
  const guess = new RegExp(R('Its guess for the next character: “{1}” ({2}%); the actual next, “{3}”, got {4}%.', { start: true }).source.replace(/“(\(\?<p[13]>\.\+\?\))”/g, '$1'));
  const m = pred.match(guess);
  assert.ok(m, `${pred} against ${guess}`);
  assert.equal(right, m.groups.p1 === m.groups.p3 ? 0 : 1, `the model guessed ${m.groups.p1}, the text has ${m.groups.p3}`);
});

test('chapter 2: two states, the relative change instead of |Δc| and |Δh|', async () => {
  await button(page, '#lessonui.next').click();
  await chapter(2).waitFor();
  assert.equal(await page.getByRole('combobox', { name: L('Cell'), exact: true }).inputValue(), '0', 'an LSTM');
  await trainTo(page, 300);
  await traceSettled();
  assert.ok(await page.getByRole('img', { name: L('Cell state c'), exact: true }).isVisible());
  assert.ok(!(await page.getByText(L('Mean change per step: |Δc| and |Δh|')).isVisible()), 'not the absolute chart');
  const extra = await lesson().getByText(RI('lesson.states.mean', { start: true })).textContent();
  assert.ok(extra.includes(I('lesson.states.explain')), extra);
  await cursorTo(6, 2);
  const a = agreeOnce(await answerBoth());
  const v = await verdict().textContent();
  const [c, h] = ['lesson.states.why0', 'lesson.states.why1'].map((id) => v.match(RI(id)));
  assert.ok(c || h, v);
  assert.equal(a, c ? 0 : 1);
  const share = (p) => Number(p.replace('%', ''));
  const { p1, p2 } = (c || h).groups; // c's share, h's share
  assert.ok(c ? share(p1) >= share(p2) : share(p2) >= share(p1), `the larger share moved more: ${v}`);
});

test('chapter 3: the four z, the cell figure, and the forget-gate question', async () => {
  await button(page, '#lessonui.next').click();
  await chapter(3).waitFor();
  assert.ok(await page.getByRole('region', { name: L('LSTM cell'), exact: true }).isVisible());
  assert.ok(await page.getByRole('img', { name: L('Forget gate zᶠ'), exact: true }).isVisible());
  await cursorTo(1, 3); // "T": it comes again? if not, try a space (step 8)
  let vs = await answerBoth();
  if (vs[0].state === 'none') { await cursorTo(8, 3); vs = await answerBoth(); }
  const a = agreeOnce(vs);
  // the cursor moved to the step that answered: its forget gate says which
  const zf = num(await inspectorValue('forget gate'));
  assert.equal(a, zf < 0.5 ? 0 : 1, `z^f = ${zf}`);
  assert.ok((await verdict().textContent()).includes(await inspectorValue('forget gate')));
});

test('chapter 4: three stages, kept against written', async () => {
  await button(page, '#lessonui.next').click();
  await chapter(4).waitFor();
  assert.ok(await page.getByRole('figure', { name: L('The three stages at this step, every unit') }).isVisible(), 'the three-stages chart');
  await cursorTo(10, 2);
  const a = agreeOnce(await answerBoth());
  const fig = page.getByRole('region', { name: L('LSTM cell'), exact: true });
  const value = async (sym) => num((await fig.getByRole('button', { name: new RegExp(`^${sym} = `) }).textContent()).split(' = ')[1]);
  const kept = await value('zᶠ ⊙ cᵗ⁻¹'), written = await value('zⁱ ⊙ z');
  assert.equal(a, Math.abs(kept) >= Math.abs(written) ? 0 : 1, `kept ${kept}, written ${written}`);
});

test('chapter 5: LSTM against RNN on the memory gap, measured on both models; the link, back, and leaving', async () => {
  const updates = await stat(page, 'Update');
  await button(page, '#lessonui.next').click();
  await chapter(5).waitFor();
  const preset = page.locator('#preset');
  assert.equal(await preset.inputValue(), await preset.locator('option', { hasText: I('preset.gap.name') }).getAttribute('value'), 'the memory-gap preset');
  const fig = page.getByRole('figure', { name: L('Memory gap: recall against the gap') });
  await fig.waitFor({ timeout: 15000 });
  // Both models train (Compare); the question is answered once their recall
  // differs and one of them clearly recalls (at 1 letter against 0 the next
  // trace of fresh lines may find both at 0, and then the model cannot answer).
  const note = page.locator('#gap-note');
  const recallRe = (cell) => R(`The ${cell} recalled {1}% of the letters over a gap of {2} ({3} of {4}) at update {5}, at learning rate {6}.`);
  const recall = (cell, text) => {
    const m = text.match(recallRe(cell));
    return m && { pct: Number(m.groups.p1), gap: Number(m.groups.p2), right: Number(m.groups.p3), all: Number(m.groups.p4) };
  };
  const answerable = (t) => {
    const l = recall('LSTM', t), r = recall('RNN', t);
    return l && r && l.right !== r.right && Math.max(l.pct, r.pct) >= 50;
  };
  // A model's recall is not steady while it trains (the LSTM's went 98 %,
  // 43 %, 2 %, 100 % in four traces 1.5 s apart at lr 0.01), so the models
  // may pause at a moment when both recall nothing: then the page rightly
  // cannot answer, and they train on and pause again.
  let said, vs;
  for (let round = 0; round < 5; round++) {
    if (round > 0) await button(page, 'Train').click({ timeout: 15000 });
    await pollUntil(page, () => note.textContent(), answerable, 120000, 500);
    await button(page, 'Pause').click({ timeout: 15000 });
    // The last recall traces of the paused models land: the verdicts and the
    // note are read while the note holds still.
    said = undefined;
    for (let i = 0; i < 10; i++) {
      const before = await note.textContent();
      await page.waitForTimeout(1000);
      if ((await note.textContent()) !== before) continue;
      if (!answerable(before)) {
        said = before;
        const l = recall('LSTM', said), r = recall('RNN', said);
        if (l && r && l.right === r.right) { // both recall as often: the page says it cannot tell
          assert.deepEqual((await answerBoth()).map((v) => v.state), ['none', 'none'], said);
        }
        break;
      }
      vs = await answerBoth();
      said = await note.textContent();
      if (said === before) break;
    }
    if (answerable(said)) break;
  }
  assert.ok(answerable(said), said);
  const a = agreeOnce(vs);
  const l = recall('LSTM', said), r = recall('RNN', said);
  assert.equal(a, l.right > r.right ? 0 : 1, said);
  const v = await verdict().textContent();
  if (lang === 'en') {
    assert.ok(v.includes(`the LSTM recalled ${l.pct}% of the letters (${l.right} of ${l.all})`) || v.includes(`the LSTM ${l.pct}% (${l.right} of ${l.all})`), `${v} | ${said}`);
    assert.ok(v.includes(`(${r.right} of ${r.all})`), `${v} | ${said}`);
  } else { // the verdict names both counts, in its language's order
    for (const n of [l.right, l.all, r.right]) assert.ok(v.includes(String(n)), `${n} in ${v} | ${said}`);
  }
  assert.equal(l.gap, 20);
  assert.ok(!(await button(page, '#lessonui.next').isVisible()), 'the last chapter');
  assert.equal(await lesson().getByRole('link', { name: L('Link to this chapter') }).getAttribute('href'), `#lesson=memory&lang=${lang}`, 'the link carries the language');
  await button(page, '#lessonui.back').click();
  await chapter(4).waitFor();
  // Chapter 4 trains the rhyme again: going back sets its text, so a new model
  // comes (update 0) a moment after the chapter shows; it trains a little, so
  // that leaving the lesson with a fresh model instead would show.
  await waitStat(page, 'Update', (n) => n === 0);
  const now = await trainTo(page, 5);
  await button(page, 'Leave the lesson').click();
  await lesson().waitFor({ state: 'hidden' });
  assert.ok(await page.getByRole('textbox', { name: L('Training text'), exact: true }).isVisible(), 'the full playground');
  assert.equal(await stat(page, 'Update'), now, 'the same model');
  assert.ok(updates >= 0);
  assert.deepEqual(problems, []);
});
