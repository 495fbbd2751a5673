// RNN beside LSTM (issue 4, "See inside"): one click trains both models on
// the same data; the loss race chart draws two curves, and on the
// long-memory preset (Counting aⁿXbⁿ) the RNN's gradient reach falls faster
// than the LSTM's. The figures are read from what the page shows: the race
// chart's note and its pixels (one colour per model), and the gradient
// reach's note ("the LSTM keeps … of it k steps back").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, stat, waitStat, pause, description } from './classroom.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// The series colours of the page (wasm/ui/panels/chart_js.go): LSTM blue, RNN vermilion.
const colours = { LSTM: [0x00, 0x72, 0xb2], RNN: [0xd5, 0x5e, 0x00] };

// curveColumns counts, per model, the pixel columns of the race chart's plot
// (below its legend) that hold that model's colour.
async function curveColumns(page) {
  return page.getByRole('img', { name: 'Loss race: LSTM and RNN' }).evaluate((cv, colours) => {
    const { width, height } = cv;
    const px = cv.getContext('2d').getImageData(0, 0, width, height).data;
    const top = Math.round(height * 0.15); // below the legend line
    const out = {};
    for (const [name, [r, g, b]] of Object.entries(colours)) {
      let cols = 0;
      for (let x = 0; x < width; x++) {
        for (let y = top; y < height; y++) {
          const i = 4 * (y * width + x);
          if (px[i + 3] > 200 && Math.abs(px[i] - r) < 40 && Math.abs(px[i + 1] - g) < 40 && Math.abs(px[i + 2] - b) < 40) { cols++; break; }
        }
      }
      out[name] = cols;
    }
    out.width = width;
    return out;
  }, colours);
}

// raceNote reads the race chart's note: each model's smoothed loss and update.
async function raceNote(page) {
  const text = await description(page.getByRole('img', { name: 'Loss race: LSTM and RNN' }));
  const got = {};
  for (const m of text.matchAll(/(LSTM|RNN): ([0-9.e+-]+) after ([0-9,]+) updates/g)) {
    got[m[1]] = { loss: Number(m[2]), updates: Number(m[3].replace(/,/g, '')) };
  }
  return { text, ...got };
}

// reachK reads how many steps back a reach note measures.
function reachK(text) {
  return Number((text.match(/of it (\d+) steps back/) || [])[1]);
}

// reachNote reads the gradient reach's note: how much of the gradient at
// k = 0 each model keeps k steps back.
async function reachNote(page) {
  const text = await description(page.getByRole('img', { name: 'Gradient reach' }));
  const got = {};
  for (const m of text.matchAll(/the (LSTM|RNN) keeps ([0-9.e+-]+) of it (\d+) steps back/g)) {
    got[m[1]] = { kept: Number(m[2]), k: Number(m[3]) };
  }
  return { text, ...got };
}

test('Compare LSTM and RNN: one click trains both, the race draws two curves, and the RNN\'s gradient reach falls faster', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=counting&h=16&seed=3');
  assert.equal(await page.getByRole('combobox', { name: 'Preset' }).inputValue(), '2', 'the counting preset');
  const race = page.getByRole('img', { name: 'Loss race: LSTM and RNN' });
  assert.equal(await race.count(), 0, 'no race chart before comparing');

  // One click: both models train.
  const toggle = button(page, 'Compare LSTM and RNN');
  await toggle.click();
  await button(page, 'Stop comparing').waitFor({ timeout: 5000 });
  assert.equal(await button(page, 'Stop comparing').getAttribute('aria-pressed'), 'true');
  await button(page, 'Pause').waitFor({ timeout: 5000 });
  await race.waitFor({ state: 'visible', timeout: 5000 });
  await waitStat(page, 'Update', (n) => n >= 400, 90000);
  // The second engine trains too: the race note names both models' updates.
  let note;
  const end = Date.now() + 60000;
  for (;;) {
    note = await raceNote(page);
    if (note.LSTM && note.RNN && note.RNN.updates >= 400) break;
    assert.ok(Date.now() < end, `both models train: ${note.text}`);
    await page.waitForTimeout(250);
  }
  await pause(page);
  await page.waitForTimeout(500);
  note = await raceNote(page);
  console.log(`# race: ${note.text}`);
  assert.ok(Number.isFinite(note.LSTM.loss) && note.LSTM.loss > 0, 'the LSTM has a loss');
  assert.ok(Number.isFinite(note.RNN.loss) && note.RNN.loss > 0, 'the RNN has a loss');
  assert.ok(note.LSTM.updates >= 400 && note.RNN.updates >= 400, 'both trained');

  // Two curves on the chart, each across most of the plot.
  const cols = await curveColumns(page);
  console.log(`# race chart: ${cols.width} px wide; LSTM's colour in ${cols.LSTM} columns, RNN's in ${cols.RNN}`);
  // Each curve spans its own updates on the shared update axis (the faster
  // engine's run is longer): expect at least half of that span coloured.
  const last = Math.max(note.LSTM.updates, note.RNN.updates);
  for (const m of ['LSTM', 'RNN']) {
    const span = cols.width * 0.75 * (note[m].updates / last);
    assert.ok(cols[m] > span * 0.5, `the ${m}'s curve is drawn: its colour in ${cols[m]} of ${cols.width} columns, its run spans about ${Math.round(span)}`);
  }

  // The gradient reach of both, and the RNN's falls faster. One reading is
  // one moment of training (the RNN's reach swings by orders of magnitude
  // from update to update), so the page's figures are read while both train,
  // every quarter second for a few seconds.
  await button(page, 'Train').click();
  const samples = [];
  let seen = '';
  const end2 = Date.now() + 60000;
  while (samples.length < 12) {
    assert.ok(Date.now() < end2, `the gradient reach shows both models, again and again: ${seen}`);
    await page.waitForTimeout(250);
    const reach = await reachNote(page);
    if (!reach.LSTM || !reach.RNN || reach.text === seen) continue;
    seen = reach.text;
    assert.equal(reach.RNN.k, reach.LSTM.k, 'both measured as far back');
    assert.ok(reach.LSTM.k >= 8, 'over several steps');
    samples.push([reach.LSTM.kept, reach.RNN.kept]);
  }
  await pause(page);
  console.log(`# gradient reach ${reachK(seen)} steps back, LSTM / RNN, in ${samples.length} readings: ${samples.map(([l, r]) => `${l} / ${r}`).join(', ')}`);
  const decades = samples.map(([l, r]) => (r === 0 ? Infinity : Math.log10(l / r))).sort((a, b) => a - b);
  const below = samples.filter(([l, r]) => r < l).length;
  assert.ok(below >= 0.75 * samples.length, `the RNN keeps less of its gradient than the LSTM in ${below} of ${samples.length} readings`);
  const median = decades[Math.floor(decades.length / 2)];
  assert.ok(median >= 2, `the RNN keeps at least 100 times less than the LSTM in the median reading (${median.toFixed(1)} decades)`);
  const reachImg = page.getByRole('img', { name: 'Gradient reach' });
  assert.ok(await reachImg.isVisible(), 'the gradient reach chart is shown');

  // Stop comparing: one model again, the race goes away.
  await button(page, 'Stop comparing').click();
  await toggle.waitFor({ timeout: 5000 });
  await race.waitFor({ state: 'hidden', timeout: 5000 });
  assert.ok((await stat(page, 'Update')) > 0);
  assert.deepEqual(problems, []);
  await page.close();
});
