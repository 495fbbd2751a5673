// The engines' pace (issue 13's frame target): when the page runs more
// training engines than the machine has cores to spare — Compare LSTM and RNN
// on a two-core machine — it asks each engine to rest 60 % of its time and to
// take turns (protocol.SetPace, client.Rest), so that the two never train at
// once and leave the page a core to paint on; alone, or with cores to spare,
// they train without rest. The test sets navigator.hardwareConcurrency and
// reads the SetPace messages the page posts to its workers (the protocol's
// bytes: "LP", version, type 15, the ID, the rest in percent, the turn and
// the number of turns).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, waitStat, pollUntil, stat, until } from './classroom.mjs';
import { request } from './engine.mjs';

const contexts = [];
after(async () => { for (const c of contexts) await c.close(); });

// spy runs in the page before its scripts: it says the machine has cores
// logical processors and notes every SetPace posted to a worker, with the
// worker's number in the order the page first posted to them (0: the page's
// engine).
function spy(cores) {
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => cores, configurable: true });
  const ids = new WeakMap();
  let workers = 0;
  globalThis.__paces = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (!ids.has(this)) ids.set(this, workers++);
    const b = msg instanceof Uint8Array ? msg : null;
    if (b && b.length === 11 && b[0] === 0x4c && b[1] === 0x50 && b[3] === 15) {
      globalThis.__paces.push({ worker: ids.get(this), rest: b[8], turn: b[9], turns: b[10] });
    }
    return post.call(this, msg, ...rest);
  };
}

async function start(cores) {
  const context = await launch();
  contexts.push(context);
  await context.addInitScript(spy, cores);
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&h=16');
  return { page, problems };
}

const paces = (page) => page.evaluate(() => globalThis.__paces.map((p) => ({ ...p })));

test('on two cores, Compare has both engines rest 60 % of their time, taking turns; one engine alone never rests', async () => {
  const { page, problems } = await start(2);
  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 50, 60000);
  assert.deepEqual(await paces(page), [], 'one engine: no rest asked');

  await button(page, 'Compare LSTM and RNN').click();
  await button(page, 'Stop comparing').waitFor({ timeout: 10000 });
  const asked = await pollUntil(page, () => paces(page), (p) => p.length >= 2, 60000);
  assert.equal(asked.length, 2, `one SetPace to each engine: ${JSON.stringify(asked)}`);
  assert.deepEqual(asked.map((p) => p.worker).sort(), [0, 1], 'to the page\'s engine (worker 0) and the second');
  assert.ok(asked.every((p) => p.rest === 60 && p.turns === 2), `each rests 60 % of its time, in turns of two: ${JSON.stringify(asked)}`);
  assert.deepEqual(asked.map((p) => p.turn).sort(), [0, 1], `each its own turn: ${JSON.stringify(asked)}`);
  await waitStat(page, 'Update', (n) => n >= 200, 60000); // both still train

  await button(page, 'Stop comparing').click();
  await button(page, 'Compare LSTM and RNN').waitFor({ timeout: 10000 });
  const back = await pollUntil(page, () => paces(page), (p) => p.length >= 3, 30000);
  assert.deepEqual(back.slice(2), [{ worker: 0, rest: 0, turn: 0, turns: 0 }], 'the page\'s engine trains without rest again');
  assert.deepEqual(problems, []);
});

test('with cores to spare, Compare asks no engine to rest', async () => {
  const { page, problems } = await start(8);
  await button(page, 'Train').click();
  await button(page, 'Compare LSTM and RNN').click();
  await button(page, 'Stop comparing').waitFor({ timeout: 10000 });
  await page.getByText('Hidden state h of the RNN', { exact: false }).first().waitFor({ timeout: 60000 });
  await waitStat(page, 'Update', (n) => n >= 200, 60000);
  assert.deepEqual(await paces(page), [], 'eight cores: no rest asked');
  assert.deepEqual(problems, []);
});

// The engine's warm-up (protocol.Warm): once the page is on screen and idle,
// the page has its engine train a throwaway model for a moment, so that the
// browser has its training code compiled at full speed before the person
// presses Train. The person's model is not touched: still at update 0, and
// the model file (every parameter) the same as before the warm-up. The page
// marks the warm-up's end (performance mark lstm:engine-warm) for tools.
test('once the page is idle its engine warms up on a throwaway model; the person\'s model stays as it was', async () => {
  const context = await launch();
  contexts.push(context);
  // Hold the warm-up back until the model is read: the page's idle callback
  // is the one that asks for it.
  await context.addInitScript(() => {
    const ric = globalThis.requestIdleCallback;
    globalThis.__idle = [];
    globalThis.requestIdleCallback = (f, o) => { globalThis.__idle.push(() => ric(f, o)); return 0; };
  });
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&h=16');
  await until(page, () => globalThis.__idle.length > 0 && !!globalThis.lstmPlayground.worker, 'the page to ask for its idle callback');
  const before = await request(page, 'file');
  const cold = await request(page, 'diagnose');
  assert.equal(cold.warmed, 0, 'no warm-up before the page is idle');
  await page.evaluate(() => { for (const f of globalThis.__idle.splice(0)) f(); });
  await until(page, () => performance.getEntriesByName('lstm:engine-warm').length > 0, 'the warm-up to end', 20000);
  const d = await request(page, 'diagnose');
  assert.ok(d.warmed > 0, `the engine trained a throwaway model: ${d.warmed} updates`);
  assert.equal(d.update, 0, 'the person\'s model is at update 0');
  assert.ok((await request(page, 'file')).equals(before), 'the model file is as before the warm-up');
  assert.equal(await stat(page, 'Update'), 0, 'the top bar says update 0');
  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 20, 60000);
  assert.deepEqual(problems, []);
});
