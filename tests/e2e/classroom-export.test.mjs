// Exports (issue 4, "Keep and share"): a chart as PNG (a real PNG, of the
// chart's size, with the chart's pixels), the trace and the loss history as
// CSV (the header, and rows that match what the page shows), and the weights
// as PyTorch JSON (nn.LSTM's keys and shapes, and values that give the
// trace's gates and states when PyTorch's equations are run on them).
// Downloads are taken from playwright's download events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { installListener } from './engine.mjs';
import { url, open, button, stat, trainTo, download, parseCSV } from './classroom.mjs';

let context, page, problems, trained;

before(async () => {
  context = await launch({ context: { acceptDownloads: true } });
  ({ page, problems } = await open(context, url + '#v=1&preset=rhyme&h=8&seed=4'));
  await installListener(page);
  trained = await trainTo(page, 150);
  // The charts show the model as it is now.
  await page.getByText(`Model after update ${trained.toLocaleString('en-US')}`).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
});
after(async () => { await context?.close(); });

// pngSize reads a PNG's signature and IHDR: its width and height.
function pngSize(b) {
  assert.ok(b.length > 33 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG signature');
  assert.equal(b.toString('latin1', 12, 16), 'IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('a chart as PNG: a real PNG with the chart\'s pixels under a title', async () => {
  const chart = page.getByRole('img', { name: 'Loss', exact: true });
  const file = await download(page, 'Save Loss as PNG');
  assert.match(file.name, new RegExp(`^lstm-playground-loss-update-${trained}\\.png$`));
  const { width, height } = pngSize(file.bytes);
  const canvas = await chart.evaluate((c) => ({ width: c.width, height: c.height }));
  assert.equal(width, canvas.width, 'as wide as the chart');
  assert.ok(height > canvas.height && height <= canvas.height + 60, `the chart's height ${canvas.height} and a title band: ${height}`);
  // Decoded by the browser, the PNG holds the chart (on white) below its title band.
  const cmp = await chart.evaluate(async (c, b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const w = c.width, h = c.height, head = img.naturalHeight - h;
    const ref = document.createElement('canvas');
    ref.width = w; ref.height = h;
    const rc = ref.getContext('2d');
    rc.fillStyle = '#fff'; rc.fillRect(0, 0, w, h); rc.drawImage(c, 0, 0);
    const want = rc.getImageData(0, 0, w, h).data;
    const out = document.createElement('canvas');
    out.width = img.naturalWidth; out.height = img.naturalHeight;
    const oc = out.getContext('2d');
    oc.drawImage(img, 0, 0);
    const all = oc.getImageData(0, 0, w, head + h).data; // one read of each canvas
    const got = all.subarray(4 * w * head);
    let same = 0, inked = 0;
    for (let i = 0; i < want.length; i += 4) {
      if (Math.abs(want[i] - got[i]) <= 2 && Math.abs(want[i + 1] - got[i + 1]) <= 2 && Math.abs(want[i + 2] - got[i + 2]) <= 2) same++;
      if (want[i] < 200 || want[i + 1] < 200 || want[i + 2] < 200) inked++;
    }
    let titleInk = 0;
    for (let i = 0; i < 4 * w * head; i += 4) if (all[i] < 128) titleInk++;
    return { pixels: w * h, same, inked, titleInk };
  }, file.bytes.toString('base64'));
  assert.ok(cmp.inked > 500, `the chart has a drawing (${cmp.inked} inked pixels)`);
  assert.ok(cmp.same / cmp.pixels > 0.995, `the PNG's pixels are the chart's: ${cmp.same} of ${cmp.pixels}`);
  assert.ok(cmp.titleInk > 50, 'a title is written above the chart');

  // A heatmap: one cell per step and unit, scaled up without blurring.
  const heat = await download(page, 'Save Cell state c as PNG');
  const hs = pngSize(heat.bytes);
  const cell = await page.getByRole('img', { name: 'Cell state c', exact: true }).evaluate((c) => ({ width: c.width, height: c.height }));
  assert.ok(hs.width >= cell.width && hs.width % cell.width === 0, `whole pixels per step: ${hs.width} for ${cell.width} steps`);
  assert.ok(hs.width >= 300, 'scaled up to a readable size');
});

test('the trace as CSV: its header, one row per step and unit, and the values the step inspector shows', async () => {
  const file = await download(page, 'Download trace (CSV)');
  assert.match(file.name, new RegExp(`^lstm-playground-trace-update-${trained}\\.csv$`));
  const rows = parseCSV(file.bytes.toString('utf8'));
  assert.deepEqual(rows[0], ['t', 'char', 'layer', 'unit', 'zi', 'zf', 'z', 'zo', 'c', 'h']);
  const probe = Array.from(await page.getByRole('textbox', { name: 'Probe text', exact: true }).inputValue()).slice(0, 60);
  const H = 8;
  assert.equal(rows.length - 1, probe.length * H, `${probe.length} steps × ${H} units`);
  for (let t = 0; t < probe.length; t++) {
    assert.equal(rows[1 + t * H][1], probe[t], `step ${t + 1} reads the probe's character`);
    assert.equal(rows[1 + t * H][0], String(t + 1));
  }

  // Move the time cursor to step 3, unit 2 with the keyboard and read the inspector.
  const heatmaps = page.getByRole('group', { name: /^Heatmaps over the probe text/ });
  await heatmaps.focus();
  for (const k of ['Home', 'ArrowRight', 'ArrowRight', 'ArrowDown']) await heatmaps.press(k);
  const inspector = page.getByRole('region', { name: 'Time-step inspector' });
  await inspector.getByText(/^Time step t = 3 of \d+ · reads .* · unit 2 of 8$/).waitFor({ timeout: 5000 });
  const shown = await inspector.evaluate((e) => Object.fromEntries(Array.from(e.querySelectorAll('dl > div'), (d) => [d.querySelector('dt .name').textContent.trim(), d.querySelector('dd').textContent.trim()])));
  const row = rows.find((r) => r[0] === '3' && r[2] === '1' && r[3] === '2');
  const fmt = (s) => Math.fround(Number(s)).toFixed(3).replace(/^-/, '−').replace(/^−0\.000$/, '0.000');
  const names = { zi: 'input gate', zf: 'forget gate', z: 'candidate', zo: 'output gate', c: 'cell state', h: 'hidden state' };
  for (const [col, name] of Object.entries(names)) {
    assert.equal(fmt(row[rows[0].indexOf(col)]), shown[name], `${col} (${name}) at step 3, unit 2`);
  }
  const prevC = rows.find((r) => r[0] === '2' && r[3] === '2');
  assert.equal(fmt(prevC[8]), shown['previous c'], 'c at step 2 is the previous c of step 3');
});

test('the loss history as CSV: one row per update kept, the losses the engine reported', async () => {
  const file = await download(page, 'Download loss history (CSV)');
  assert.match(file.name, new RegExp(`^lstm-playground-loss-update-${trained}\\.csv$`));
  const rows = parseCSV(file.bytes.toString('utf8'));
  assert.equal(await stat(page, 'Update'), trained);
  const reported = await page.evaluate(() => globalThis.__lpLosses);
  // Up to 8,192 updates (wasm/client's MaxLossEntries) every update has its
  // own row. Beyond, the older ones are kept in blocks, each row the block's
  // last update, mean, number of updates, least and largest loss: a tiny
  // model on a loaded machine can train that far before Pause takes.
  if (trained <= 8192) {
    assert.deepEqual(rows[0], ['update', 'loss']);
    const data = rows.slice(1).map(([u, l]) => [Number(u), Number(l)]);
    assert.ok(data.length >= Math.min(trained, 100), `${data.length} rows`);
    assert.equal(data.at(-1)[0], trained, 'the last row is the update the page shows');
    for (let i = 0; i < data.length; i++) {
      const [u, l] = data[i];
      if (i > 0) assert.ok(u > data[i - 1][0], 'updates in order');
      assert.equal(Math.fround(l), reported[u - 1], `the loss of update ${u}`);
    }
    return;
  }
  console.log(`# ${trained} updates: the older ones in blocks`);
  assert.deepEqual(rows[0], ['update', 'loss', 'updates', 'loss_min', 'loss_max']);
  const data = rows.slice(1).map((r) => r.map(Number));
  assert.equal(data.at(-1)[0], trained, 'the last row is the update the page shows');
  assert.ok(data.some((r) => r[2] > 1), 'some rows are blocks');
  let next = data[0][0] - data[0][2] + 1;
  for (const [last, mean, n, lo, hi] of data) {
    assert.equal(last - n + 1, next, `the block ending at update ${last} follows the one before`);
    const ls = reported.slice(last - n, last).filter(Number.isFinite); // a block's figures are of its finite losses
    const span = `updates ${last - n + 1}…${last}`;
    assert.equal(Math.fround(lo), ls.length ? Math.min(...ls) : NaN, `the least loss of ${span}`);
    assert.equal(Math.fround(hi), ls.length ? Math.max(...ls) : NaN, `the largest loss of ${span}`);
    if (ls.length) assert.ok(Math.abs(mean - ls.reduce((a, b) => a + b, 0) / ls.length) <= 1e-5 * Math.max(1, Math.abs(mean)), `the mean loss of ${span}`);
    next = last + 1;
  }
});

test('the weights as PyTorch JSON: nn.LSTM\'s keys and shapes, and PyTorch\'s equations on them give the trace', async () => {
  const file = await download(page, 'Download weights (PyTorch JSON)');
  assert.match(file.name, new RegExp(`^lstm-playground-weights-update-${trained}\\.json$`));
  const d = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(d.module, 'torch.nn.LSTM');
  assert.deepEqual(d.gate_order, ['i', 'f', 'g', 'o']);
  assert.equal(d.updates, trained);
  const H = d.hidden_size, X = d.input_size;
  assert.equal(H, 8);
  const vocab = Array.from(d.vocabulary);
  assert.equal(X, vocab.length);
  const w = d.weights;
  const shape = (a) => (Array.isArray(a[0]) ? [a.length, a[0].length] : [a.length]);
  assert.deepEqual(shape(w.weight_ih_l0), [4 * H, X], 'weight_ih_l0 is 4H×X');
  assert.deepEqual(shape(w.weight_hh_l0), [4 * H, H], 'weight_hh_l0 is 4H×H');
  assert.deepEqual(shape(w.bias_ih_l0), [4 * H], 'bias_ih_l0 is 4H');
  assert.deepEqual(shape(w.bias_hh_l0), [4 * H], 'bias_hh_l0 is 4H');
  assert.ok(w.weight_ih_l0.every((r) => r.length === X) && w.weight_hh_l0.every((r) => r.length === H), 'every row full');

  // PyTorch's LSTM equations, here in JavaScript, from a zero state over the
  // first steps of the probe, against the trace the page exports.
  const trace = parseCSV((await download(page, 'Download trace (CSV)')).bytes.toString('utf8'));
  const col = (name) => trace[0].indexOf(name);
  const sig = (x) => 1 / (1 + Math.exp(-x));
  let h = new Array(H).fill(0), c = new Array(H).fill(0);
  let worst = 0;
  for (let t = 0; t < 3; t++) {
    const ch = trace[1 + t * H][1];
    const k = vocab.indexOf(ch);
    assert.ok(k >= 0, `the probe's character ${JSON.stringify(ch)} is in the vocabulary`);
    const pre = Array.from({ length: 4 * H }, (_, r) => w.weight_ih_l0[r][k] + w.bias_ih_l0[r] + w.bias_hh_l0[r] +
      w.weight_hh_l0[r].reduce((s, u, j) => s + u * h[j], 0));
    const zi = pre.slice(0, H).map(sig), zf = pre.slice(H, 2 * H).map(sig);
    const z = pre.slice(2 * H, 3 * H).map(Math.tanh), zo = pre.slice(3 * H).map(sig);
    c = c.map((cj, j) => zf[j] * cj + zi[j] * z[j]);
    h = c.map((cj, j) => zo[j] * Math.tanh(cj));
    for (let j = 0; j < H; j++) {
      const row = trace[1 + t * H + j];
      for (const [name, v] of [['zi', zi[j]], ['zf', zf[j]], ['z', z[j]], ['zo', zo[j]], ['c', c[j]], ['h', h[j]]]) {
        const want = Number(row[col(name)]);
        const err = Math.abs(v - want);
        worst = Math.max(worst, err);
        assert.ok(err <= 1e-6 + 1e-6 * Math.abs(want), `step ${t + 1}, unit ${j + 1}, ${name}: ${v} from the JSON, ${want} in the trace`);
      }
    }
  }
  console.log(`# PyTorch JSON: ${X} inputs, ${H} units; its equations give the trace's first 3 steps within ${worst.toExponential(1)}`);
  assert.deepEqual(problems, []);
});
