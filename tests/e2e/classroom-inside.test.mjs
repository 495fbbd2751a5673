// See inside (issue 4): the three stages of one step in the step inspector
// and its chart, the unit view (heatmap rows sorted by similarity, the text
// coloured by one unit, the units that follow features of the text), the
// intervention, the gate statistics, the guided tour and the "How to read"
// note of every chart. Everything is found by role and accessible name or by
// its visible label; the numbers are read as the page shows them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, trainTo, description, alertMatching } from './classroom.mjs';

// A small model of the counting preset trains thousands of updates a second.
const counting = url + '#v=1&preset=counting&h=16&seed=1';
const H = 16;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// num reads a number as the page writes it ("−0.123", "(−0.123)", "0.48").
function num(s) {
  const v = Number(String(s).trim().replace(/[()]/g, '').replace(/−/g, '-'));
  assert.ok(Number.isFinite(v), `a number: ${JSON.stringify(s)}`);
  return v;
}

// pct reads "62%", "0.4%" as a number of percent.
function pct(s) {
  const m = String(s).trim().match(/^([0-9.]+)%$/);
  assert.ok(m, `a percentage: ${JSON.stringify(s)}`);
  return Number(m[1]);
}

function pearson(x, y) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

// poll calls f until it returns a value other than undefined.
async function poll(page, f, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await f();
      if (v !== undefined) return v;
    } catch (e) { last = e; }
    await page.waitForTimeout(150);
  }
  throw new Error(`${what}: not within ${timeout} ms${last ? ` (${last.message})` : ''}`);
}

// ---- the step inspector ----

// inspector reads the step inspector: its heading line, its named values
// (term → definition), its prediction line, its equations and the note that
// describes the three-stages chart.
async function inspector(page) {
  const r = page.getByRole('region', { name: 'Time-step inspector', exact: true });
  const head = (await r.locator('p').first().textContent()).trim();
  const m = head.match(/^Time step t = (\d+) of (\d+) · reads (.+) · unit (\d+) of (\d+)$/);
  assert.ok(m, `the inspector's heading: ${head}`);
  const terms = await r.getByRole('term').allTextContents();
  const defs = await r.getByRole('definition').allTextContents();
  assert.equal(terms.length, defs.length);
  const v = {};
  terms.forEach((t, i) => { v[t.replace(/^.*?(forget gate|previous c|input gate|candidate|cell state|output gate|hidden state)$/s, '$1').trim()] = num(defs[i]); });
  const text = await r.innerText();
  const pred = (text.match(/^Its guess for the next character: .*$/m) || [''])[0];
  const bars = await description(page.getByRole('img', { name: 'The three stages at this step, every unit', exact: true }));
  return { head, t: Number(m[1]), T: Number(m[2]), reads: m[3], unit: Number(m[4]), H: Number(m[5]), v, text, pred, bars };
}

// half a unit in the last place of a value shown with three decimals
const ulp = 0.0005;

function checkStep(s) {
  const where = s.head;
  const { v } = s;
  for (const k of ['forget gate', 'previous c', 'input gate', 'candidate', 'cell state', 'output gate', 'hidden state']) {
    assert.ok(k in v, `${where}: the inspector shows the ${k}`);
  }
  const zf = v['forget gate'], cp = v['previous c'], zi = v['input gate'], z = v['candidate'];
  const c = v['cell state'], zo = v['output gate'], h = v['hidden state'];
  for (const [name, g] of [['zf', zf], ['zi', zi], ['zo', zo]]) assert.ok(g >= 0 && g <= 1, `${where}: ${name} = ${g} is a gate in [0, 1]`);
  assert.ok(z >= -1 && z <= 1 && h >= -1 && h <= 1, `${where}: z and h within [−1, 1]`);
  // c_t = zf·c_{t−1} + zi·z and h_t = zo·tanh(c_t), each figure rounded to three decimals
  const tolC = ulp * (Math.abs(zf) + Math.abs(cp) + Math.abs(zi) + Math.abs(z)) + ulp + 1e-6;
  assert.ok(Math.abs(c - (zf * cp + zi * z)) <= tolC, `${where}: c = ${c}, zf·c_{t−1} + zi·z = ${zf * cp + zi * z}`);
  const tolH = ulp * (1 + Math.abs(zo)) + ulp + 1e-6;
  assert.ok(Math.abs(h - zo * Math.tanh(c)) <= tolH, `${where}: h = ${h}, zo·tanh(c) = ${zo * Math.tanh(c)}`);
  // the equation written out: "= kept + written = c"
  const eq = s.text.match(/^= (\S+) \+ (\S+) = (\S+)$/m);
  assert.ok(eq, `${where}: the cell equation ends in "= kept + written = c": ${s.text}`);
  const [kept, written, cEq] = [num(eq[1]), num(eq[2]), num(eq[3])];
  assert.equal(cEq, c, `${where}: the equation's c is the inspector's c`);
  assert.ok(Math.abs(kept - zf * cp) <= ulp * (Math.abs(zf) + Math.abs(cp)) + ulp + 1e-6, `${where}: kept ${kept} = zf·c_{t−1}`);
  assert.ok(Math.abs(written - zi * z) <= ulp * (Math.abs(zi) + Math.abs(z)) + ulp + 1e-6, `${where}: written ${written} = zi·z`);
  assert.ok(Math.abs(kept + written - c) <= 3 * ulp + 1e-6, `${where}: kept ${kept} + written ${written} = c ${c}`);
  // the three-stages chart's note says the same of the same unit
  const b = s.bars.match(/^Unit (\d+): forget keeps (\S+), select memory writes (\S+), so c = (\S+); output shows h = (\S+) × tanh\(c\) = (\S+)\./);
  assert.ok(b, `${where}: the three-stages chart's description: ${s.bars}`);
  assert.equal(Number(b[1]), s.unit, `${where}: the chart marks the inspector's unit`);
  assert.deepEqual([num(b[2]), num(b[3]), num(b[4]), num(b[5]), num(b[6])], [kept, written, c, zo, h], `${where}: the chart's note agrees with the inspector`);
}

test('three stages at the chosen step: the inspector obeys the equations, kept + written = c, and the arrow keys move the step', async () => {
  const { page, problems } = await open(context, counting);
  await trainTo(page, 1000);
  const probe = await page.getByRole('textbox', { name: 'Probe text', exact: true }).inputValue();
  const chars = [...probe];
  const stack = page.getByRole('group', { name: /^Heatmaps over the probe text/ });
  await stack.focus();
  await stack.press('Home');
  let s = await poll(page, async () => { const x = await inspector(page); return x.t === 1 ? x : undefined; }, 'the inspector at step 1');
  assert.equal(s.H, H);
  assert.equal(s.T, Math.min(chars.length, 60), 'the inspector counts the probe\'s steps');
  const chart = page.getByRole('img', { name: 'The three stages at this step, every unit', exact: true });
  const pixels = new Set();
  let prevC = null;
  let unit = s.unit;
  const steps = 12;
  for (let i = 0; i < steps; i++) {
    checkStep(s);
    assert.equal(s.unit, unit);
    assert.ok(s.reads.includes(chars[s.t - 1]) || chars[s.t - 1] === '\n', `step ${s.t} reads the probe's character ${JSON.stringify(chars[s.t - 1])}: ${s.reads}`);
    if (s.t === 1) assert.equal(s.v['previous c'], 0, 'the probe starts from a zero state');
    else assert.equal(s.v['previous c'], prevC, `step ${s.t}: c_{t−1} is the c shown at step ${s.t - 1}`);
    prevC = s.v['cell state'];
    pixels.add(await chart.evaluate((c) => c.toDataURL()));
    const t = s.t;
    await stack.press('ArrowRight');
    s = await poll(page, async () => { const x = await inspector(page); return x.t === t + 1 ? x : undefined; }, `ArrowRight moves the step from ${t} to ${t + 1}`);
  }
  assert.ok(pixels.size >= steps / 2, `the three-stages chart changes with the step (${pixels.size} different pictures of ${steps})`);
  // ArrowLeft goes back, ArrowDown and ArrowUp change the unit
  const t = s.t;
  await stack.press('ArrowLeft');
  s = await poll(page, async () => { const x = await inspector(page); return x.t === t - 1 ? x : undefined; }, 'ArrowLeft moves the step back');
  assert.equal(s.v['cell state'], prevC, 'back at the step before, the same c');
  await stack.press('ArrowDown');
  s = await poll(page, async () => { const x = await inspector(page); return x.unit === unit + 1 ? x : undefined; }, 'ArrowDown chooses the next unit');
  checkStep(s);
  unit = s.unit;
  for (let i = 0; i < 3; i++) {
    await stack.press('ArrowDown');
    s = await poll(page, async () => { const x = await inspector(page); return x.unit === unit + 1 ? x : undefined; }, 'ArrowDown chooses the next unit');
    checkStep(s);
    unit = s.unit;
  }
  await stack.press('End');
  s = await poll(page, async () => { const x = await inspector(page); return x.t === x.T ? x : undefined; }, 'End goes to the last step');
  checkStep(s);
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- units ----

// featureTable reads the "Units that follow the text" table: feature, unit
// (its button's name and number), r.
async function featureTable(page) {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'feature', exact: true }) });
  const out = [];
  for (const row of await table.getByRole('row').all()) {
    if (!(await row.isVisible())) continue;
    const cells = await row.getByRole('cell').all();
    if (cells.length !== 3) continue; // the header
    const btn = cells[1].getByRole('button');
    out.push({
      feature: (await cells[0].textContent()).trim(),
      unit: Number((await btn.textContent()).trim()),
      name: await btn.getAttribute('aria-label'),
      button: btn,
      r: num(await cells[2].textContent()),
    });
  }
  return out;
}

// featuresAt waits for the feature table of the model at update u.
async function featuresAt(page, u) {
  const note = page.getByText(/^Pearson's r between each feature and /);
  await poll(page, async () => ((await note.textContent()).includes(`(update ${u.toLocaleString('en-US')})`) ? true : undefined),
    `the feature table of update ${u}`);
  return { rows: await featureTable(page), note: (await note.textContent()).trim() };
}

// unitText reads the text coloured by one unit: its heading and, per
// character, the character and its background colour.
async function unitText(page) {
  const head = (await page.getByText(/^Unit \d+ of \d+, [ch], over the first /).textContent()).trim();
  const spans = await page.getByRole('region', { name: 'Training text coloured by the chosen unit', exact: true })
    .evaluate((e) => [...e.querySelectorAll('span')].map((s) => [s.textContent, getComputedStyle(s).backgroundColor]));
  return { head, unit: Number(head.match(/^Unit (\d+)/)[1]), spans };
}

// signedColour maps a background of the diverging scale to a signed number:
// orange (red above blue) positive, blue negative, white 0.
function signedColour(css) {
  const m = css.match(/rgba?\((\d+), (\d+), (\d+)/);
  assert.ok(m, `a colour: ${css}`);
  return (Number(m[1]) - Number(m[3])) / 255;
}

// countSoFar is the feature "count so far" of a line aⁿXbⁿ: 1, 2, …, n at
// the a's, n at X, n−1 … 0 at the b's, 0 at the new line.
function countSoFar(chars) {
  const out = [];
  let n = 0, seenX = false;
  for (const ch of chars) {
    if (ch === '\n') { n = 0; seenX = false; }
    else if (ch === 'X') seenX = true;
    else if (!seenX) n++;
    else n--;
    out.push(n);
  }
  return out;
}

// heatRows reads the rows of a heatmap's pixels (one pixel per step and unit).
async function heatRows(page, name) {
  return page.getByRole('img', { name, exact: true }).evaluate((c) => {
    // read a copy, not the page's own canvas context
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const rows = [];
    for (let y = 0; y < c.height; y++) rows.push(Array.from(d.slice(y * c.width * 4, (y + 1) * c.width * 4)).join(','));
    return rows;
  });
}

// clickRow clicks the middle of row r of a heatmap of H rows.
async function clickRow(page, name, r, rows) {
  const img = page.getByRole('img', { name, exact: true });
  const box = await img.boundingBox();
  await img.click({ position: { x: box.width / 2, y: (r + 0.5) * box.height / rows } });
}

test('units: sorted rows, the text coloured by the chosen unit, and a counting unit found by training', async () => {
  const { page, problems } = await open(context, counting);
  // the untrained model: no unit follows "count so far" closely yet
  const fresh = await featuresAt(page, 0);
  const freshCount = fresh.rows.find((r) => r.feature === 'count so far');
  assert.ok(freshCount, `the untrained model's table lists count so far: ${JSON.stringify(fresh.rows.map((r) => r.feature))}`);
  const u = await trainTo(page, 1000);
  const { rows, note } = await featuresAt(page, u);
  assert.ok(rows.length >= 3, `several features are listed: ${rows.map((r) => r.feature)}`);
  for (const r of rows) {
    assert.ok(r.unit >= 1 && r.unit <= H, `${r.feature}: unit ${r.unit} of ${H}`);
    assert.equal(r.name, `Unit ${r.unit} (${r.feature})`, 'each unit is a button named by its unit and feature');
    assert.ok(Math.abs(r.r) <= 1, `${r.feature}: r = ${r.r} within [−1, 1]`);
  }
  for (let i = 1; i < rows.length; i++) assert.ok(Math.abs(rows[i].r) <= Math.abs(rows[i - 1].r), 'best matches first');
  assert.equal(new Set(rows.map((r) => r.feature)).size, rows.length, 'one row per feature');
  assert.match(note, new RegExp(`The best match: ${rows[0].feature} follows unit ${rows[0].unit} \\(r = `));
  // Measured with seed 1: |r| of the best unit for count so far is 0.77
  // untrained, 0.84 after 50 updates, 0.96 after 100 and about 0.98 from 200
  // updates on; trainTo stops well past 1,000.
  const count = rows.find((r) => r.feature === 'count so far');
  assert.ok(count, 'count so far is listed');
  console.log(`# update ${u}: count so far follows unit ${count.unit}, r = ${count.r} (untrained: unit ${freshCount.unit}, r = ${freshCount.r})`);
  assert.ok(Math.abs(freshCount.r) < 0.8, `untrained, no unit follows count so far at |r| ≥ 0.8 (r = ${freshCount.r})`);
  assert.ok(Math.abs(count.r) >= 0.9, `after training a unit follows count so far: r = ${count.r}`);

  // Pressing the unit colours the text by it: the colours go up and down
  // with the count, with the sign of r.
  const before = await unitText(page);
  const target = count.unit === before.unit ? rows.find((r) => r.unit !== before.unit) : count;
  if (target !== count) {
    // the counting unit is already chosen: choose another one first
    await target.button.click();
    await poll(page, async () => ((await unitText(page)).unit === target.unit ? true : undefined), `the text coloured by unit ${target.unit}`);
  }
  const other = await unitText(page);
  await count.button.click();
  const ct = await poll(page, async () => { const x = await unitText(page); return x.unit === count.unit ? x : undefined; }, `the text coloured by unit ${count.unit}`);
  assert.match(ct.head, new RegExp(`^Unit ${count.unit} of ${H}, c, over the first \\d+ characters`));
  assert.equal(await page.getByRole('spinbutton', { name: 'Clamp unit', exact: true }).inputValue(), String(count.unit), 'the chosen unit is the one to clamp');
  assert.notDeepEqual(ct.spans.map((s) => s[1]), other.spans.map((s) => s[1]), 'another unit, other colours');
  const chars = ct.spans.map((s) => (s[0].startsWith('↵') ? '\n' : s[0]));
  const rc = pearson(ct.spans.map((s) => signedColour(s[1])), countSoFar(chars));
  assert.ok(Math.sign(rc) === Math.sign(count.r) && Math.abs(rc) >= 0.8, `the text's colours follow the count (r = ${rc.toFixed(2)}, the table's r = ${count.r})`);

  // Heatmap rows sorted by similarity: the same rows, in another order;
  // clicking a row chooses the unit shown there; back to unit order.
  const heat = 'Cell state c';
  const byNumber = await poll(page, async () => {
    const a = await heatRows(page, heat);
    await page.waitForTimeout(300);
    const b = await heatRows(page, heat);
    return a.join('|') === b.join('|') ? a : undefined;
  }, 'a still heatmap');
  assert.equal(byNumber.length, H, 'one row of pixels per unit');
  const order = page.getByRole('combobox', { name: 'Heatmap rows', exact: true });
  await order.selectOption({ label: 'Similar units together' });
  const sorted = await poll(page, async () => { const x = await heatRows(page, heat); return x.join('|') !== byNumber.join('|') ? x : undefined; }, 'the heatmap rows in another order');
  assert.deepEqual([...sorted].sort(), [...byNumber].sort(), 'sorting only reorders the rows');
  // the row shown first, and the unit it is
  let row = -1, unit = -1;
  for (let r = 0; r < H && unit < 0; r++) {
    const same = byNumber.flatMap((x, j) => (x === sorted[r] ? [j] : []));
    if (same.length === 1 && same[0] !== r) { row = r; unit = same[0]; }
  }
  assert.ok(unit >= 0, 'a row that moved, with pixels unlike any other row');
  await clickRow(page, heat, row, H);
  await poll(page, async () => ((await unitText(page)).unit === unit + 1 ? true : undefined), `clicking row ${row + 1} of the sorted heatmap colours the text by unit ${unit + 1}`);
  assert.equal((await inspector(page)).unit, unit + 1, 'and the inspector shows that unit');
  await order.selectOption({ label: 'By unit number' });
  await poll(page, async () => ((await heatRows(page, heat)).join('|') === byNumber.join('|') ? true : undefined), 'the rows back in unit order');
  // by unit number, row r is unit r+1
  const r2 = unit === 2 ? 3 : 2;
  await clickRow(page, heat, r2, H);
  await poll(page, async () => ((await unitText(page)).unit === r2 + 1 ? true : undefined), `clicking row ${r2 + 1} colours the text by unit ${r2 + 1}`);
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- intervene ----

// clampResult reads the intervention's result line.
async function clampResult(page) {
  const texts = await page.getByText(/^With [ch] of unit \d+ held at /).allTextContents();
  if (texts.length === 0) return null;
  assert.equal(texts.length, 1, 'one result');
  const text = texts[0].trim();
  const m = text.match(/^With ([ch]) of unit (\d+) held at (\S+) at every step \(model at update ([0-9,]+)\), the top guess changes at (\d+) of (\d+) steps, and the actual next character gets (\S+) on average instead of (\S+)\.$/);
  assert.ok(m, `the intervention's result: ${text}`);
  return { text, state: m[1], unit: Number(m[2]), value: num(m[3]), changed: Number(m[5]), steps: Number(m[6]), after: pct(m[7]), before: pct(m[8]) };
}

test('intervene: clamping a unit changes the predictions, releasing it restores them; bad input is refused', async () => {
  const { page, problems } = await open(context, counting);
  const u = await trainTo(page, 1000);
  const { rows } = await featuresAt(page, u);
  const count = rows.find((r) => r.feature === 'count so far');
  assert.ok(count, 'count so far is listed');

  // The model's own predictions, read step by step from the inspector: the
  // probability it gives the actual next character.
  const stack = page.getByRole('group', { name: /^Heatmaps over the probe text/ });
  await stack.focus();
  await stack.press('Home');
  let s = await poll(page, async () => { const x = await inspector(page); return x.t === 1 ? x : undefined; }, 'step 1');
  const got = [];
  const preds = [];
  for (;;) {
    preds.push(s.pred);
    const m = s.pred.match(/the actual next, .+, got (\S+)\.$/);
    if (!m) break;
    got.push(pct(m[1]));
    const t = s.t;
    await stack.press('ArrowRight');
    s = await poll(page, async () => { const x = await inspector(page); return x.t === t + 1 ? x : undefined; }, `step ${t + 1}`);
  }
  assert.equal(got.length, s.T - 1, 'every step but the last has an actual next character');
  const mean = got.reduce((a, b) => a + b, 0) / got.length;

  const state = page.getByRole('combobox', { name: 'Clamp state', exact: true });
  const unitF = page.getByRole('spinbutton', { name: 'Clamp unit', exact: true });
  const valueF = page.getByRole('spinbutton', { name: 'Clamp value', exact: true });
  const release = button(page, 'Release the unit');

  // A bad input with no intervention: a message, nothing compared.
  await unitF.fill(String(H + 1));
  await valueF.fill('0');
  await button(page, 'Clamp and compare').click();
  assert.match(await alertMatching(page, /Clamp unit/), new RegExp(`^Clamp unit ${H + 1} is out of range`));
  assert.equal(await clampResult(page), null, 'nothing compared');
  assert.equal(await release.isVisible(), false, 'nothing to release');

  // Clamp the counting unit's c to 0 (pressing its button makes it the unit
  // to clamp).
  await count.button.click();
  await poll(page, async () => ((await unitF.inputValue()) === String(count.unit) ? true : undefined), 'the unit pressed is the unit to clamp');
  await state.selectOption('c');
  // Held at 0 the unit may still leave every top guess as it was (how much a
  // model leans on one unit depends on how far it trained); held far out of
  // its range it cannot. Each clamp is compared afresh with the model's own
  // predictions.
  let c1;
  for (const v of [0, 20, -20]) {
    await valueF.fill(String(v));
    await button(page, 'Clamp and compare').click();
    c1 = await poll(page, () => clampResult(page).then((x) => (x && x.value === v ? x : undefined)), `the intervention's result at ${v}`);
    console.log(`# ${c1.text}`);
    assert.equal((await page.getByRole('alert').filter({ hasText: /Clamp/ }).allTextContents()).join(''), '', 'a good clamp clears the message');
    assert.deepEqual([c1.state, c1.unit, c1.value, c1.steps], ['c', count.unit, v, s.T]);
    // The percentages are shown whole: a clamp that moves a top guess may
    // still leave the mean at the same whole percent; a larger one cannot.
    if (c1.changed >= 1 && c1.after !== c1.before) break;
  }
  assert.ok(Math.abs(c1.before - mean) <= 1, `without the clamp, the actual next character gets ${c1.before}%: the inspector's ${mean.toFixed(2)}% on average`);
  assert.notEqual(c1.after, c1.before, 'clamping the counting unit changes the probability of the next character');
  assert.ok(c1.changed >= 1 && c1.changed <= c1.steps, `the top guess changes at ${c1.changed} steps`);
  assert.equal(await release.isVisible(), true);

  // Bad inputs change nothing: the message names the field, the result stays.
  await unitF.fill('0');
  await button(page, 'Clamp and compare').click();
  assert.match(await alertMatching(page, /Clamp unit/), /^Clamp unit 0 is out of range/);
  await unitF.fill(String(count.unit));
  await valueF.fill('');
  await valueF.pressSequentially('e-'); // not a number: the browser keeps no value
  await button(page, 'Clamp and compare').click();
  assert.match(await alertMatching(page, /Clamp value/), /^Clamp value .*(empty|not a number).*number from −50 to 50/);
  assert.equal((await page.getByRole('alert').filter({ hasText: /Clamp unit/ }).allTextContents()).join(''), '',
    'the unit is right now: no message about it is left');
  await valueF.fill('51');
  await button(page, 'Clamp and compare').click();
  assert.match(await alertMatching(page, /Clamp value 51/), /out of range/);
  assert.equal((await clampResult(page)).text, c1.text, 'a refused clamp leaves the comparison as it was');
  assert.equal(await release.isVisible(), true);
  assert.equal((await inspector(page)).pred, preds.at(-1), 'the model\'s own prediction is unchanged');

  // Release: the comparison goes, and the model is as before.
  await release.click();
  await poll(page, async () => ((await clampResult(page)) === null ? true : undefined), 'the comparison gone');
  assert.equal(await release.isVisible(), false);
  await stack.focus();
  await stack.press('Home');
  s = await poll(page, async () => { const x = await inspector(page); return x.t === 1 ? x : undefined; }, 'step 1');
  assert.equal(s.pred, preds[0], 'the model\'s predictions are as before the clamp');
  // Another clamp, of h: its baseline is the original model's.
  await state.selectOption('h');
  const other = count.unit === 1 ? 2 : 1;
  await unitF.fill(String(other));
  await valueF.fill('0.5');
  await button(page, 'Clamp and compare').click();
  const c2 = await poll(page, () => clampResult(page).then((x) => (x && x.state === 'h' ? x : undefined)), 'the second intervention\'s result');
  assert.deepEqual([c2.unit, c2.value], [other, 0.5]);
  assert.equal(c2.before, c1.before, 'the first clamp left the model unchanged');
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- gate statistics ----

async function gateTable(page) {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'shut < 0.1', exact: true }) });
  const out = {};
  for (const row of await table.getByRole('row').all()) {
    if (!(await row.isVisible())) continue;
    const head = row.getByRole('rowheader');
    if ((await head.count()) === 0) continue;
    const name = (await head.textContent()).replace(/\s+/g, ' ').trim();
    const cells = await row.getByRole('cell').allTextContents();
    out[name] = { shut: pct(cells[0]), open: pct(cells[1]) };
  }
  return out;
}

function checkGates(g, when) {
  assert.deepEqual(Object.keys(g).map((k) => k.split(' ').at(-1)), ['input', 'forget', 'output'], `${when}: a row per gate`);
  for (const [name, { shut, open }] of Object.entries(g)) {
    assert.ok(shut >= 0 && shut <= 100 && open >= 0 && open <= 100, `${when}, ${name}: shares ${shut}%, ${open}% within 0–100`);
    // each share is rounded to a whole percent: their sum may show 101
    assert.ok(shut + open <= 101, `${when}, ${name}: shut ${shut}% + open ${open}% ≤ 100`);
  }
}

test('gate statistics: shut and open shares are percentages, and they change as the model trains', async () => {
  const { page, problems } = await open(context, counting);
  const head = page.getByText(/^Unit \d+ of \d+, [ch], over the first /);
  await poll(page, async () => (/model at update 0\)/.test(await head.textContent()) ? true : undefined), 'the untrained model\'s trace');
  const fresh = await gateTable(page);
  checkGates(fresh, 'untrained');
  const note = page.getByText(/^Bars: dark, shut; light, open;/);
  const says = (g) => Object.entries(g).map(([k, v]) => `${k.split(' ').at(-1)} gate ${v.shut}% shut, ${v.open}% open`).join('; ').toLowerCase();
  assert.equal((await note.textContent()).toLowerCase().replace(/^bars: dark, shut; light, open; the rest is in between\. /, '').replace(/\.$/, ''), says(fresh), 'the note says the table\'s figures');
  const u = await trainTo(page, 1000);
  await poll(page, async () => ((await head.textContent()).includes(`model at update ${u.toLocaleString('en-US')})`) ? true : undefined), 'the trained model\'s trace');
  const trained = await gateTable(page);
  checkGates(trained, `update ${u}`);
  console.log(`# untrained ${JSON.stringify(fresh)}; update ${u} ${JSON.stringify(trained)}`);
  assert.notDeepEqual(trained, fresh, 'the shares change with training');
  const total = (g) => Object.values(g).reduce((a, v) => a + v.shut + v.open, 0);
  assert.ok(total(trained) > total(fresh), `training saturates gates: ${total(fresh)} → ${total(trained)} (sum of the shares)`);
  assert.equal((await note.textContent()).toLowerCase().replace(/^bars: dark, shut; light, open; the rest is in between\. /, '').replace(/\.$/, ''), says(trained));
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- guided tour ----

test('guided tour: tips step forward and back, close, reopen, and each preset has its own', async () => {
  const ctx = await launch(); // a fresh profile: no tour closed yet
  try {
    const { page, problems } = await open(ctx, counting);
    const tour = page.getByRole('region', { name: 'Predict before you press Train', exact: true });
    await tour.waitFor({ state: 'visible', timeout: 10000 });
    const tip = async () => {
      const text = (await tour.innerText()).trim();
      const m = text.match(/Tip (\d+) of (\d+)\s+([\s\S]+?)\s+Previous tip/);
      assert.ok(m, `the tour: ${text}`);
      return { n: Number(m[1]), of: Number(m[2]), text: m[3].trim() };
    };
    const first = await tip();
    assert.equal(first.n, 1);
    assert.ok(first.of >= 2, 'more than one tip');
    assert.ok(first.text.length > 20, 'a tip is a sentence or more');
    assert.equal(await button(page, 'Previous tip').isDisabled(), true, 'no tip before the first');
    const texts = [first.text];
    for (let i = 2; i <= first.of; i++) {
      await button(page, 'Next tip').click();
      const t = await tip();
      assert.deepEqual([t.n, t.of], [i, first.of]);
      assert.ok(!texts.includes(t.text), `tip ${i} is a new tip`);
      texts.push(t.text);
    }
    assert.equal(await button(page, 'Next tip').isDisabled(), true, 'no tip after the last');
    await button(page, 'Previous tip').click();
    assert.deepEqual(await tip(), { n: first.of - 1, of: first.of, text: texts.at(-2) });
    await button(page, 'Close tour').click();
    await tour.waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(await button(page, 'Guided tour').evaluate((b) => b === document.activeElement), true, 'focus goes to Guided tour');
    await button(page, 'Guided tour').click();
    await tour.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await tip(), { n: 1, of: first.of, text: first.text }, 'reopened at its first tip');
    await button(page, 'Close tour').click();
    await tour.waitFor({ state: 'hidden', timeout: 5000 });

    // A closed tour stays closed on the next visit, and opens on demand.
    await page.reload();
    await page.locator('#app:not([hidden])').waitFor({ state: 'attached', timeout: 60000 });
    await button(page, 'Guided tour').waitFor({ timeout: 60000 });
    await page.waitForTimeout(500);
    assert.equal(await tour.isVisible(), false, 'a closed tour is remembered');
    await button(page, 'Guided tour').click();
    await tour.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await tip()).text, first.text);

    // Each preset: its own first tip.
    const preset = page.getByRole('combobox', { name: 'Preset', exact: true });
    const firsts = new Map([[await preset.inputValue(), first.text]]);
    const labels = (await preset.locator('option').allTextContents()).filter((l) => l !== 'Your own text');
    assert.ok(labels.length >= 6, `the presets: ${labels}`);
    for (const label of labels) {
      await preset.selectOption({ label });
      const value = await preset.inputValue();
      if (firsts.has(value)) continue;
      await button(page, 'Guided tour').click();
      await tour.waitFor({ state: 'visible', timeout: 5000 });
      // The Chinese presets (rhyme-zh, poem-zh) share the catalogue's first tip with
      // the English ones in English (wasm/words: tour.rhyme-zh …).
      const own = !['Chinese nursery rhymes', 'Tang poems'].includes(label);
      const t = await poll(page, async () => { const x = await tip(); return x.n === 1 && (!own || x.text !== first.text) ? x : undefined; }, `${label}: its tour`);
      if (own) assert.ok(![...firsts.values()].includes(t.text), `${label} has its own first tip: ${t.text}`);
      firsts.set(value, t.text);
    }
    assert.equal(firsts.size, labels.length, 'a tour per preset');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});

// ---- "How to read" ----

// charts lists every chart of the page (a figure, or a canvas drawn as an
// image outside one) with its title and its "How to read" text: in the
// figure, or in the chart's accessible description.
async function charts(page) {
  return page.evaluate(() => {
    const els = new Set();
    for (const f of document.querySelectorAll('figure')) els.add(f);
    for (const c of document.querySelectorAll('canvas[role="img"]')) els.add(c.closest('figure') || c);
    const text = (id) => document.getElementById(id)?.textContent.trim() || '';
    return [...els].map((e) => {
      const canvas = e.matches('canvas') ? e : e.querySelector('canvas[role="img"]');
      const title = (e.getAttribute('aria-labelledby') || canvas?.getAttribute('aria-labelledby') || '').split(/\s+/).map(text).join(' ');
      const notes = [...e.querySelectorAll('p, span')].map((p) => p.textContent.trim());
      if (canvas) notes.push(...(canvas.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map(text));
      const howto = notes.filter((n) => /^How to read\b/.test(n));
      const visible = e.checkVisibility();
      const howtoVisible = visible && [...e.querySelectorAll('p, span'), ...(canvas?.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)).filter(Boolean)]
        .some((p) => /^How to read\b/.test(p.textContent.trim()) && p.checkVisibility());
      return { cls: e.className, title, howto, visible, howtoVisible };
    });
  });
}

test('every chart has a one-line "How to read" note, also on a teacher link that shows one chart', async () => {
  const { page, problems } = await open(context, counting);
  await trainTo(page, 200);
  const list = await charts(page);
  console.log(`# ${list.length} charts: ${list.map((c) => c.title || c.cls).join('; ')}`);
  assert.ok(list.length >= 12, `the page's charts: ${list.length}`);
  for (const name of ['Loss', 'Gradient reach', 'Cell state c', 'Hidden state h', 'Forget gate zᶠ', 'Input gate zⁱ', 'Candidate z', 'Output gate zᵒ',
    'The three stages at this step, every unit', 'Loss race: LSTM and RNN', 'Mean change per step: |Δc| and |Δh|']) {
    assert.ok(list.some((c) => c.title === name), `${name} is one of the charts`);
  }
  for (const c of list) {
    const what = c.title || c.cls;
    assert.ok(c.howto.length >= 1, `${what}: a "How to read" note`);
    for (const h of c.howto) {
      assert.ok(!/\n/.test(h) && h.length >= 30 && h.length <= 400, `${what}: one line that says something: ${h}`);
    }
    if (c.visible) assert.ok(c.howtoVisible, `${what}: its note is on screen with it`);
  }
  assert.deepEqual(problems, []);
  await page.close();

  // A teacher link that shows only the heatmap of zf: its note is shown too.
  const only = await open(context, counting + '&only=zf');
  await trainTo(only.page, 200);
  const zf = (await charts(only.page)).find((c) => c.title === 'Forget gate zᶠ');
  assert.ok(zf && zf.visible, 'the zf heatmap is shown');
  assert.ok(zf.howtoVisible, `the zf heatmap's "How to read" note is shown: ${JSON.stringify(zf)}`);
  assert.deepEqual(only.problems, []);
  await only.page.close();
});
