// The LSTM cell figure (issue 15): drawn for the unit and step under the
// time cursor with the step inspector's numbers. The cursor is moved with
// the arrow keys and with the mouse; the figure's values are read from its
// part list (role button, "zᶠ = 0.731") and compared with the inspector and
// with the exported trace CSV. Hover and focus show a part's equation; the
// figure exports as SVG (the same numbers) and PNG; Play walks the probe.
// The page's text is read through the catalogue (words.mjs): build.sh runs
// this file in English and in Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, trainTo, download, parseCSV, pollUntil } from './classroom.mjs';
import { L, T, R, I } from './words.mjs';

let context, page, problems, rows;

const H = 8;
const symbols = { zi: 'zⁱ', zf: 'zᶠ', z: 'z', zo: 'zᵒ', c: 'cᵗ', h: 'hᵗ', cprev: 'cᵗ⁻¹' };
const inspectorName = { zi: 'input gate', zf: 'forget gate', z: 'candidate', zo: 'output gate', c: 'cell state', h: 'hidden state', cprev: 'previous c' };
const fmt = (s) => Math.fround(Number(s)).toFixed(3).replace(/^-/, '−').replace(/^−0\.000$/, '0.000');

before(async () => {
  context = await launch({ context: { acceptDownloads: true } });
  ({ page, problems } = await open(context, url + '#v=1&preset=rhyme&h=8&seed=4'));
  await trainTo(page, 150);
  await page.waitForTimeout(500);
  rows = parseCSV((await download(page, 'Download trace (CSV)')).bytes.toString('utf8'));
});
after(async () => { await context?.close(); });

function figure() { return page.getByRole('region', { name: L('LSTM cell'), exact: true }); }

// cellValues reads the figure's part list: symbol → value as written.
async function cellValues() {
  const out = {};
  for (const [id, sym] of Object.entries(symbols)) {
    const name = (await figure().getByRole('button', { name: new RegExp(`^${sym} = `) }).first().textContent()).trim();
    out[id] = name.slice(sym.length + 3);
  }
  return out;
}

// inspector reads the step inspector: its head and value by name.
async function inspector() {
  const region = page.getByRole('region', { name: L('Time-step inspector') });
  const shown = await region.evaluate((e) => Object.fromEntries(Array.from(e.querySelectorAll('dl > div'),
    (d) => [d.querySelector('dt .name').textContent.trim(), d.querySelector('dd').textContent.trim()])));
  const values = Object.fromEntries(Object.values(inspectorName).map((n) => [n, shown[L(n)]]));
  const heads = ['reads “{3}” · unit {4} of {5}', 'reads space · unit {3} of {4}', 'reads newline · unit {3} of {4}']
    .map((r) => R('Time step t = {1} of {2} · ' + r, { start: true, end: true }));
  const head = (await region.getByText(new RegExp(heads.map((r) => r.source.replace(/\(\?<p\d>/g, '(')).join('|'))).textContent()).trim();
  const m = heads.map((r) => head.match(r)).find(Boolean);
  const unit = m.groups.p5 === undefined ? m.groups.p3 : m.groups.p4;
  return { t: Number(m.groups.p1), j: Number(unit), values };
}

// settled reads the inspector and the figure once both show the same step
// and unit, and neither changed while the other was read (the page paints
// its parts over the next frames when a frame's budget is spent, so right
// after a key press, or a trace, one may show the new and the other the
// last).
async function settled() {
  const shows = (alt, ins) => alt.startsWith(T('LSTM cell, unit {1}, step {2}', ins.j, ins.t));
  const alt = () => figure().getByRole('img').first().getAttribute('aria-label');
  let last, lastIns;
  for (const end = Date.now() + 10000; Date.now() < end;) {
    // Both are read again each time: the inspector read first may show a
    // step the figure has already left (a key press landed in between).
    const ins = lastIns = await inspector();
    if (!shows(last = await alt(), ins)) {
      await page.waitForTimeout(100);
      continue;
    }
    const cell = await cellValues();
    await page.waitForTimeout(100);
    const again = await inspector();
    const cellAgain = await cellValues();
    if (JSON.stringify([again, cellAgain]) === JSON.stringify([ins, cell]) && shows(last = await alt(), ins)) return { ins, cell };
  }
  throw new Error(`the figure and the inspector never showed one step and unit for 10 s (figure: ${last}; inspector: step ${lastIns?.t}, unit ${lastIns?.j})`);
}

// agree checks the figure against the inspector and the CSV at the cursor.
async function agree(what) {
  const { ins, cell } = await settled();
  const row = rows.find((r) => r[0] === String(ins.t) && r[2] === '1' && r[3] === String(ins.j));
  const prev = rows.find((r) => r[0] === String(ins.t - 1) && r[2] === '1' && r[3] === String(ins.j));
  for (const [id, name] of Object.entries(inspectorName)) {
    assert.equal(cell[id], ins.values[name], `${what}: ${id} at step ${ins.t}, unit ${ins.j}: figure and inspector`);
    const csv = id === 'cprev' ? (prev ? prev[rows[0].indexOf('c')] : '0') : row[rows[0].indexOf(id)];
    assert.equal(cell[id], fmt(csv), `${what}: ${id} at step ${ins.t}, unit ${ins.j}: figure and trace CSV`);
  }
  return ins;
}

test('arrow keys move the cursor; the cell shows the inspector\'s and the CSV\'s numbers', async () => {
  const heatmaps = page.getByRole('group', { name: L('Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit.') });
  await heatmaps.focus();
  for (const k of ['Home', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await heatmaps.press(k);
  const a = await agree('keys');
  assert.deepEqual([a.t, a.j], [3, 2]);
  for (const k of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) await heatmaps.press(k);
  const b = await agree('keys again');
  assert.deepEqual([b.t, b.j], [7, 4]);
});

test('the mouse moves the cursor; the cell follows', async () => {
  const heat = page.getByRole('img', { name: L('Cell state c'), exact: true });
  await heat.scrollIntoViewIfNeeded();
  const box = await heat.boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.8);
  await page.mouse.down();
  await page.mouse.up();
  const ins = await agree('mouse');
  assert.ok(ins.t > 7 && ins.j >= 6, `the cursor moved under the pointer: step ${ins.t}, unit ${ins.j}`);
});

test('hover and focus show a part\'s equation with its numbers', async () => {
  const ins = await inspector();
  const img = figure().getByRole('img').first();
  await img.scrollIntoViewIfNeeded();
  const box = await img.boundingBox();
  const s = box.width / 720; // the viewBox is 720 × 450
  await page.mouse.move(box.x + 200 * s, box.y + (box.height - 450 * s) / 2 + 270 * s); // z^f's box
  const eq = page.locator('#cell-eq');
  await pollUntil(page, () => eq.textContent(), (t) => t.startsWith(I('cell.part.zf') + ': zᶠ = σ('), 3000);
  assert.ok((await eq.textContent()).includes(ins.values['forget gate']), 'the equation carries z^f\'s value');
  await figure().getByRole('button', { name: /^cᵗ = / }).focus();
  const c = await pollUntil(page, () => eq.textContent(), (t) => t.startsWith(I('cell.part.c') + ': cᵗ = zᶠ ⊙ cᵗ⁻¹ + zⁱ ⊙ z'), 3000);
  assert.ok(c.endsWith(ins.values['cell state']), `c's sum ends in c: ${c}`);
  const desc = await img.evaluate((e) => e.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.ok(desc.includes(ins.values['forget gate']) && desc.includes(ins.values['cell state']), 'the screen reader\'s text has the values');
});

test('the figure exports as SVG with the same numbers, and as PNG', async () => {
  const ins = await inspector();
  const svg = await download(page, 'Download SVG');
  assert.equal(svg.name, `lstm-cell-unit-${ins.j}-step-${ins.t}.svg`);
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const name of ['forget gate', 'input gate', 'output gate', 'cell state']) {
    assert.ok(text.includes(`>${ins.values[name]}<`), `the SVG writes ${name} ${ins.values[name]}`);
  }
  // The page paints the figure on a canvas from the same marks: drawn at the
  // canvas's size, the SVG covers it but for the edges of shapes and text
  // (measured: 0.001 % of the pixels differ; the figure one step on: 3.9 %).
  const same = await figure().getByRole('img').first().evaluate(async (c, svgText) => {
    const im = new Image();
    im.src = 'data:image/svg+xml;base64,' + btoa(String.fromCharCode(...new TextEncoder().encode(svgText)));
    await im.decode();
    const o = document.createElement('canvas');
    o.width = c.width; o.height = c.height;
    o.getContext('2d').drawImage(im, 0, 0, c.width, c.height);
    const a = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const b = o.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let far = 0, ink = 0;
    for (let i = 0; i < a.length; i += 4) {
      const d = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
      if (d > 64) far++;
      if (a[i] + a[i + 1] + a[i + 2] < 600) ink++;
    }
    return { far: far / (a.length / 4), ink: ink / (a.length / 4), w: c.width };
  }, text);
  console.log('canvas against SVG', JSON.stringify(same));
  assert.ok(same.ink > 0.1, `the canvas is painted (${(same.ink * 100).toFixed(1)} % of it not white)`);
  assert.ok(same.far < 0.005, `the canvas shows the SVG's figure: ${(same.far * 100).toFixed(2)} % of its pixels differ`);
  const png = await download(page, 'Download PNG');
  assert.equal(png.name, `lstm-cell-unit-${ins.j}-step-${ins.t}.png`);
  assert.ok(png.bytes.subarray(1, 4).toString('latin1') === 'PNG', 'a PNG');
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [1440, 900], 'twice the viewBox');
});

test('Play walks the probe one step at a time, Pause stops it', async () => {
  const start = (await inspector()).t;
  await page.getByRole('combobox', { name: L('Pace') }).selectOption({ index: 2 });
  await figure().getByRole('button', { name: L('Play'), exact: true }).click();
  await pollUntil(page, async () => (await inspector()).t, (t) => t !== start, 5000);
  await figure().getByRole('button', { name: L('Pause'), exact: true }).click();
  const stopped = (await inspector()).t;
  await page.waitForTimeout(1000);
  assert.equal((await inspector()).t, stopped, 'paused');
  await agree('after play');
});

test('an RNN gets its own cell; Compare draws both side by side', async () => {
  await page.getByRole('button', { name: L('Compare LSTM and RNN') }).click();
  await button(page, 'Pause').click({ timeout: 15000 }); // Compare trains both at once
  await button(page, 'Train').waitFor({ timeout: 5000 });
  const imgs = figure().getByRole('img');
  await pollUntil(page, () => imgs.count(), (n) => n === 2, 10000);
  const alts = await imgs.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label')));
  assert.match(alts[0], R('LSTM cell, unit {1}, step {2}', { start: true }));
  assert.match(alts[1], R('RNN cell, unit {1}, step {2}', { start: true }));
  assert.deepEqual(problems, []);
});
