// chromium.mjs — one run in a fresh headless Chromium (fresh profile), one JSON
// line on stdout:
//
//   node tests/bench/chromium.mjs --impl engine --hidden 64 --site <the playground's URL> [--gobench build/bench/gobench]
//   node tests/bench/chromium.mjs --impl tfjs-wasm --hidden 64 --batch 16 --site <the peers' bench site's URL>
//   node tests/bench/chromium.mjs --impl handjs --hidden 64 --site <the peers' bench site's URL>
//
// engine: this project's engine in a Web Worker, started exactly as the
// playground starts it: the page boots, and lstmPlayground.startWorker() (boot.js)
// starts a second engine from the same compiled module, with whatever the loader
// gives it. The harness then speaks the engine's protocol like the UI does
// (SetConfig, SetData, Train, from gobench -messages), records every reply with
// its arrival time on the page, and measures from the Progress messages (update
// counts and per-update losses, decoded by gobench -decode with package protocol).
//
// tfjs-wasm: TensorFlow.js's wasm backend training on a page (page/tfjs.html).
//
// handjs: the hand-written JavaScript LSTM (handjs-peer.mjs) training in a Web
// Worker of page/handjs.html, as this project's engine trains in one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launch } from '../e2e/browser.mjs';
import { settings, lossUpdates, workloadName, line, Meter } from './common.mjs';
import { args } from './cli.mjs';
import { descendantsCPU, CPUSampler } from './cpu.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const a = args();
const impl = a.impl;
const H = Number(a.hidden || 64);
const B = Number(a.batch || 1);
const site = a.site;
const gobench = a.gobench || resolve(root, 'build/bench/gobench');
const s = settings(process.env);
if (!site) throw new Error('--site is required');

// gobenchRun runs gobench and returns its stdout.
function gobenchRun(argv, input) {
  const r = spawnSync(gobench, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`gobench ${argv.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

// runEngine drives a fresh engine worker on the playground's page.
async function runEngine(page) {
  const { messages } = JSON.parse(gobenchRun(['-messages', '-hidden', String(H)]));
  await page.goto(site);
  await page.waitForFunction(() => globalThis.lstmPlayground && typeof globalThis.lstmPlayground.startWorker === 'function', null, { timeout: 60000 });
  // Start as a visitor would: once the page is interactive (its Train button
  // enabled) and idle. Before, the page's own start-up held its main thread
  // while the engine trained, and the Progress messages, timed on arrival,
  // came seconds late in a burst (the time to a loss counted that wait).
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor({ state: 'visible', timeout: 60000 });
  for (let i = 0; !(await train.isEnabled()); i++) {
    if (i > 600) throw new Error('the Train button stayed disabled for a minute');
    await page.waitForTimeout(100);
  }
  // The page has its engine warm up once it is on screen and idle (protocol
  // Warm): the compiled code is the module's, so this engine, started from the
  // same module, starts fast as the page's own would. Wait for that warm-up
  // to end, so that it does not train beside this one.
  await page.waitForFunction(() => performance.getEntriesByName('lstm:engine-warm').length > 0, null, { timeout: 30000 })
    .catch(() => { throw new Error('the page never said its engine had warmed up (performance mark lstm:engine-warm)'); });
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })));
  const warmupMs = s.warmup * 1000;
  const windowMs = s.window * 1000;
  const needUpdates = s.fullLoss ? lossUpdates(s.lossChars, 1)[1] : 0;
  const cpu0 = descendantsCPU(); // the page is up; the engine's worker starts now
  const sampler = new CPUSampler();
  const { recs: records, t0Epoch } = await page.evaluate(({ messages, warmupMs, windowMs, needUpdates }) => new Promise((done, fail) => {
    const fromB64 = (m) => Uint8Array.from(atob(m), (c) => c.charCodeAt(0));
    const toB64 = (u8) => {
      let str = '';
      for (let i = 0; i < u8.length; i += 0x8000) str += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000));
      return btoa(str);
    };
    const { worker, early } = globalThis.lstmPlayground.startWorker();
    const recs = [];
    let t0 = null;
    let setUp = 0; // replies to the set-up (every message but the last, Train) still due
    // The Meter's phases (common.mjs), over the Progress messages that bring
    // updates, so that the run stops once the Meter has its window.
    let phase = 'warmup', ws = 0, last = 0;
    const stop = (err) => {
      worker.terminate();
      clearTimeout(timer);
      if (err) fail(err); else done({ recs, t0Epoch: performance.timeOrigin + t0 });
    };
    const limit = warmupMs + windowMs + 600000;
    const timer = setTimeout(() => stop(new Error(`no result after ${limit / 1000} s`)), limit);
    const onData = (data) => {
      const t = performance.now();
      // worker.js's own news (its liveness beacon) comes as plain objects.
      if (!(data instanceof Uint8Array || data instanceof ArrayBuffer)) return;
      const u8 = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (u8.length < 4 || u8[0] !== 0x4c || u8[1] !== 0x50) return stop(new Error('the engine sent something that is not a protocol message'));
      const type = u8[3];
      if (t0 === null) {
        // The data and the model are set up first, as the page sets them up
        // when the text is typed, and as the peers make theirs before their
        // clocks start; the clock starts when Train is posted.
        const post = (m) => { const b = fromB64(m); worker.postMessage(b, [b.buffer]); };
        if (type === 64 && setUp === 0) { // Ready
          recs.push({ t: -1, b: toB64(u8) });
          setUp = messages.length - 1;
          messages.slice(0, -1).forEach(post);
          return;
        }
        if (setUp === 0) return; // before Ready
        recs.push({ t: -1, b: toB64(u8) });
        if (type === 71) return stop(); // Error: the decoder reports it
        if (type === 70 && --setUp === 0) {
          post(messages[messages.length - 1]);
          t0 = performance.now(); // Train is posted: training starts
        }
        return;
      }
      recs.push({ t: t - t0, b: toB64(u8) });
      if (type === 71) return stop(); // Error: the decoder reports it
      if (type === 65) { // Progress: Update follows ID and Gen (protocol 2)
        const update = Number(new DataView(u8.buffer, u8.byteOffset, u8.byteLength).getBigUint64(12, true));
        if (update > last) {
          last = update;
          const at = t - t0;
          if (phase === 'warmup') { if (at >= warmupMs) phase = 'first'; }
          else if (phase === 'first') { ws = at; phase = 'window'; }
          else if (phase === 'window' && at - ws >= windowMs && at > ws) phase = 'done';
        }
        if (phase === 'done' && update >= needUpdates) stop();
      }
    };
    worker.onmessage = (e) => onData(e.data);
    worker.onerror = (e) => stop(new Error('worker error: ' + (e.message || e)));
    for (const d of early) onData(d);
  }), { messages, warmupMs, windowMs, needUpdates });
  const cpu1 = descendantsCPU();
  sampler.stop();

  const decoded = gobenchRun(['-decode'], records.map((r) => JSON.stringify(r)).join('\n') + '\n')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const meter = new Meter(s, 1);
  meter.start(0);
  let engine = null;
  for (const d of decoded) {
    if (d.type === 'Error') throw new Error(`the engine: ${d.message}`);
    if (d.type === 'Ready') engine = d.message;
    if (d.type !== 'Progress') continue;
    meter.record(d.t, d.losses || []);
    if (meter.updates !== (d.update || 0)) throw new Error(`update ${d.update} came with ${meter.updates} losses in all`);
  }
  const build = await page.evaluate(() => globalThis.lstmPlayground.build);
  const res = meter.result();
  const cpuWindow = windowCPU(sampler, t0Epoch + res.windowStart, t0Epoch + res.windowEnd, res.windowUpdates);
  return { peer: 'lstm-playground', ...res, ...cpuPerUpdate(cpu0, cpu1, meter.updates), ...cpuWindow, ...reachCPU(sampler, t0Epoch, res.reachSec), version: build.go, float: 'float64', simd: /SIMD/.test(engine || ''), engine, build: build.hash };
}

// cpuPerUpdate is the CPU time of the browser's processes between two readings
// of descendantsCPU, per update trained (it includes what the page did meanwhile).
function cpuPerUpdate(cpu0, cpu1, updates) {
  if (cpu0 === null || cpu1 === null || !(updates > 0)) return {};
  return { cpuSec: cpu1 - cpu0, cpuMsPerUpdate: ((cpu1 - cpu0) * 1000) / updates };
}

// windowCPU is the CPU time of the browser's processes per update over the
// timed window (epoch ms from..to): as chars/s, without the warm-up, when
// WebAssembly still runs its baseline code.
function windowCPU(sampler, from, to, updates) {
  const sec = sampler.between(from, to);
  if (sec === null || !(updates > 0)) return {};
  return { cpuWindowSec: sec, cpuWindowMsPerUpdate: (sec * 1000) / updates };
}

// reachCPU is the CPU time of the browser's processes from the start of
// training (epoch ms) until the loss reached REACH_LOSS (reachSec later).
function reachCPU(sampler, start, reachSec) {
  if (!Number.isFinite(reachSec)) return {};
  const sec = sampler.between(start, start + reachSec * 1000);
  return sec === null ? {} : { cpuReachSec: sec };
}

// runPeerPage loads a peer's bench page (the query: its settings and the
// BENCH_* protocol) and waits for its result.
async function runPeerPage(page, file, params) {
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('BENCH_')) q.set(k, v);
  // The page trains as soon as it loads: its load is in the CPU time.
  const cpu0 = descendantsCPU();
  const sampler = new CPUSampler();
  await page.goto(new URL(`page/${file}?${q}`, site).href);
  await page.waitForFunction(() => globalThis.benchResult || globalThis.benchError, null, { timeout: 0, polling: 500 });
  const cpu1 = descendantsCPU();
  sampler.stop();
  const { result, error } = await page.evaluate(() => ({ result: globalThis.benchResult, error: globalThis.benchError }));
  if (error) throw new Error(`the page ${file}: ${error}`);
  return { ...result, ...cpuPerUpdate(cpu0, cpu1, result.updates), ...windowCPU(sampler, result.windowStart, result.windowEnd, result.windowUpdates), ...reachCPU(sampler, result.startAt, result.reachSec) };
}

async function runTfjs(page, backend) {
  return { peer: `tfjs-${backend}`, ...(await runPeerPage(page, 'tfjs.html', { backend, hidden: String(H), batch: String(B) })) };
}

async function runHandjs(page) {
  return { peer: 'hand-written JS LSTM (one-hot gather)', ...(await runPeerPage(page, 'handjs.html', { hidden: String(H) })) };
}

const context = await launch();
try {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  let r;
  if (impl === 'engine') r = await runEngine(page);
  else if (impl === 'tfjs-wasm') r = await runTfjs(page, 'wasm');
  else if (impl === 'handjs') r = await runHandjs(page);
  else throw new Error(`unknown --impl ${impl}`);
  if (problems.length) throw new Error('page errors: ' + problems.join('; '));
  const browser = context.browser();
  const version = browser ? browser.version() : (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1];
  const { peer, ...rest } = r;
  console.log(line({ peer, runtime: 'chromium', workload: workloadName(H), batch: impl === 'tfjs-wasm' ? B : 1, ...rest, chromium: version }));
} finally {
  await context.close();
}
