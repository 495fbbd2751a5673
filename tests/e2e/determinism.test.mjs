// Determinism as a guarantee (issue 7): the same link, opened in two fresh
// browser contexts (separate profiles: no saved session, no shared cache),
// trains to the same losses, bit for bit, for the first 500 updates. The
// losses are read from the engine's Progress messages (engine.mjs) while the
// page trains with Train and Pause, as a person does it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { installListener } from './engine.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
const N = Number(process.env.DETERMINISM_UPDATES || 500);
// A link with every setting that decides the run; small enough to train 500
// updates in a few seconds.
const link = '#v=1&preset=counting&mode=text&cell=lstm&layers=1&h=16&seq=16&lr=0.01&opt=adam&mom=0.9&clip=5&clipmode=element&fbias=1&seed=7';

// run opens the link in a fresh context, trains to at least N updates and
// returns the float32 bits of the losses of updates 1 … N, in hex.
async function run(hash, hidden, seed) {
  const context = await launch();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    await page.goto(url + hash);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await installListener(page);
    assert.equal(await page.getByRole('spinbutton', { name: 'Hidden units', exact: true }).inputValue(), hidden, 'the hidden units');
    assert.equal(await page.getByRole('spinbutton', { name: 'Seed', exact: true }).inputValue(), seed, 'the seed');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction((n) => globalThis.__lpLosses.length >= n, N, { timeout: 120000, polling: 100 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 5000 });
    const got = await page.evaluate((n) => {
      const l = globalThis.__lpLosses;
      const bits = new Uint32Array(new Float32Array(l.slice(0, n)).buffer);
      let holes = 0;
      for (let i = 0; i < n; i++) if (!(i in l)) holes++;
      return { bits: Array.from(bits, (b) => b.toString(16).padStart(8, '0')), holes, resets: globalThis.__lpResets, progress: globalThis.__lpProgress };
    }, N);
    assert.equal(got.holes, 0, 'a loss for every update');
    assert.equal(got.resets, 0, 'the update count never went back');
    assert.deepEqual(problems, []);
    return got;
  } finally {
    await context.close();
  }
}

for (const [name, hash, hidden, seed] of [['the same link', link, '16', '7'], ['the default page', '', '32', '1']]) {
  test(`${name} in two fresh browsers: the same ${N} losses, bit for bit`, async () => {
    const a = await run(hash, hidden, seed);
    const b = await run(hash, hidden, seed);
    let first = -1;
    for (let i = 0; i < N; i++) {
      if (a.bits[i] !== b.bits[i]) { first = i; break; }
    }
    assert.equal(first, -1, first < 0 ? '' : `update ${first + 1}: loss bits ${a.bits[first]} and ${b.bits[first]}`);
    const f = (h) => new Float32Array(new Uint32Array([parseInt(h, 16)]).buffer)[0];
    console.log(`# ${name}: ${N} updates identical in both browsers (${a.progress} and ${b.progress} Progress messages); loss at update 1: ${f(a.bits[0])}, at update ${N}: ${f(a.bits[N - 1])}`);
    assert.ok(f(a.bits[N - 1]) < f(a.bits[0]), 'and the model learned');
  });
}
