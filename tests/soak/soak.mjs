// soak.mjs — the long-run test of issue 7: the playground trains in headless
// Chromium for a set time while this samples its memory, then reports the
// growth after warm-up as a least-squares slope and whether the counts of live
// references stay flat.
//
//   ./build.sh build && node tests/soak/soak.mjs --minutes 30     # the soak (report; --assert to fail on a leak)
//   node tests/soak/soak.mjs --smoke                            # 20 s, fails on a gross leak (./build.sh test)
//
// Options: --minutes M or --seconds S (default 30 minutes), --interval S
// between samples (default 15; smoke 1), --warmup S (default a sixth of the
// run, at most 5 minutes), --url URL (default: serve static/ with build/web or
// go run ./web on a free port), --json FILE (every sample), --assert.
//
// What it samples, every interval, while the page trains the default preset:
//   page JS heap   performance.memory.usedJSHeapSize after a forced GC
//                  (HeapProfiler.collectGarbage), with --enable-precise-memory-info
//   page, worker   the live Go→JS references of each Go program: the
//   references     wasm_exec.js instance's _values.length − _idPool.length. Every
//                  js.Func and js.Value Go holds is one; a leak of either climbs.
//                  The instances are not global, so this harness records them as
//                  they start (Go.prototype.run, patched by an init script on the
//                  page and by a line prepended to worker.js) — test-only
//                  instrumentation, nothing in the site changes.
//   page, worker   the WebAssembly memory of each (it only grows)
//   memory
//   worker Go heap Diagnostics from the engine (protocol Diagnose): the Go heap
//                  live after the last GC, the js.Func callbacks the worker holds
//   page js.Funcs  the live functions on the page that wrap a Go callback
//                  (one per js.FuncOf), counted on the heap after a GC
//                  (Runtime.queryObjects)
//   DOM            the number of elements on the page
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, chromiumArgs } from '../e2e/browser.mjs';
import { request } from '../e2e/engine.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (!k.startsWith('--')) throw new Error(`unexpected argument ${k}`);
    const name = k.slice(2);
    if (['smoke', 'assert'].includes(name)) a[name] = true;
    else a[name] = argv[++i];
  }
  return a;
}

// The patch that records each Go instance as it starts, for the page (init
// script) and the worker (prepended to worker.js).
const recordGo = `(() => {
  let G;
  Object.defineProperty(globalThis, 'Go', { configurable: true, enumerable: true,
    get() { return G; },
    set(v) {
      G = v;
      const run = v.prototype.run;
      v.prototype.run = function (instance) { (globalThis.__lpGo = globalThis.__lpGo || []).push(this); return run.call(this, instance); };
    } });
})();
`;

// goRefs reads the live references and the memory of the Go instances
// recorded in the current global scope (run by evaluate).
const goRefs = () => (globalThis.__lpGo || []).filter((g) => !g.exited && g._values).map((g) => ({
  refs: g._values.length - g._idPool.length, memory: g.mem.buffer.byteLength,
}));

// pageCallbacks counts the JavaScript functions on the page that wrap a Go
// callback (wasm_exec.js's _makeFuncWrapper: one per js.FuncOf) and are still
// alive: a js.Func never released, and still referenced by a listener or a
// timer, stays in the count. Runtime.queryObjects collects garbage first.
async function pageCallbacks(cdp) {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'Function.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId, returnByValue: true,
    functionDeclaration: `function () {
      let n = 0;
      for (const f of this) {
        let src = '';
        try { src = Function.prototype.toString.call(f); } catch { continue; }
        if (src.startsWith('function () {') && src.includes('go._pendingEvent = event')) n++;
      }
      return n;
    }`,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  return result.value;
}

// serve starts the site's server on a free loopback port and returns its URL
// and a stop function.
async function serve() {
  if (!existsSync(resolve(root, 'static/build.json'))) throw new Error('static/ is not built: run ./build.sh build first');
  const bin = resolve(root, 'build/web');
  const args = ['-dir', 'static', '-data', resolve(root, 'build/soak-data'), '-addr', '127.0.0.1:0'];
  const p = existsSync(bin) ? spawn(bin, args, { cwd: root }) : spawn('go', ['run', './web', ...args], { cwd: root });
  let out = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the server did not start: ' + out)), 120000);
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/LSTM Playground: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    p.stderr.on('data', (d) => { out += d; });
    p.on('exit', (c) => fail(new Error(`the server exited (${c}): ${out}`)));
  });
  return { url, stop: () => p.kill() };
}

// slope returns the least-squares slope of ys over xs and its fit.
export function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return { slope: NaN, r2: NaN };
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { slope: b, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 };
}

// climbs reports whether ys never falls and ends higher than it starts: a
// count that only goes up.
export function climbs(ys) {
  if (ys.length < 4) return false;
  for (let i = 1; i < ys.length; i++) if (ys[i] < ys[i - 1]) return false;
  return ys[ys.length - 1] > ys[0];
}

const MB = 1 << 20;
const fmt = (b) => `${(b / MB).toFixed(2)} MiB`;
const fmtSlope = (s) => `${(s / 1024).toFixed(1)} KiB/min`;

export async function soak(opts) {
  const seconds = opts.smoke ? Number(opts.seconds || 20) : Number(opts.seconds || 60 * Number(opts.minutes || 30));
  const interval = Number(opts.interval || (opts.smoke ? 1 : 15));
  const warmup = Number(opts.warmup ?? Math.min(seconds / 6, 300));
  const server = opts.url ? { url: opts.url, stop() {} } : await serve();
  // Unquantized performance.memory; service workers blocked, so that every
  // request (worker.js too) reaches the route below.
  const context = await launch({ context: { serviceWorkers: 'block', args: [...chromiumArgs, '--enable-precise-memory-info'] } });
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      // Blocking the page's service worker (above) is this harness's doing.
      if ((m.type() === 'error' || m.type() === 'warning') && !/Service Worker registration blocked by Playwright/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    page.on('crash', () => problems.push('the page crashed'));
    await page.addInitScript(recordGo);
    await context.route(/\/worker\.js(\?|$)/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: recordGo + (await res.text()) });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 60000 });
    // (No Progress listener here: engine.mjs's keeps every update's loss in
    // the page's JS heap, 8 bytes an update, which would be measured as the
    // page's growth.)
    // The engine's worker: of the workers running worker.js (the engine and
    // its beacon), the one with a Go program.
    const engine = async () => {
      for (const w of page.workers().filter((w) => /\/worker\.js/.test(w.url()))) {
        if (await w.evaluate(() => (globalThis.__lpGo || []).length > 0).catch(() => false)) return w;
      }
      return undefined;
    };
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 10000 });

    const samples = [];
    const t0 = Date.now();
    console.log(`soak: training in Chromium for ${seconds} s, a sample every ${interval} s, warm-up ${Math.round(warmup)} s (${server.url})`);
    for (;;) {
      const t = (Date.now() - t0) / 1000;
      await cdp.send('HeapProfiler.collectGarbage');
      const pageMem = await page.evaluate(() => ({
        heap: performance.memory ? performance.memory.usedJSHeapSize : NaN,
        dom: document.getElementsByTagName('*').length,
      }));
      const [pageGo] = await page.evaluate(goRefs);
      const w = await engine();
      const [workerGo] = w ? await w.evaluate(goRefs) : [];
      const callbacks = await pageCallbacks(cdp);
      const d = await request(page, 'diagnose');
      const s = {
        t, update: d.update, pageHeap: pageMem.heap, dom: pageMem.dom, pageFuncs: callbacks,
        pageRefs: pageGo ? pageGo.refs : NaN, pageMemory: pageGo ? pageGo.memory : NaN,
        workerRefs: workerGo ? workerGo.refs : NaN, workerMemory: workerGo ? workerGo.memory : NaN,
        goHeapLive: d.heapLive, goHeapAlloc: d.heapAlloc, goHeapSys: d.heapSys, numGC: d.numGC, funcs: d.funcs,
      };
      samples.push(s);
      if (!opts.quiet && (opts.smoke || samples.length % 4 === 1)) {
        console.log(`  t=${t.toFixed(0)}s update ${s.update}: page heap ${fmt(s.pageHeap)}, DOM ${s.dom}, page js.Funcs ${s.pageFuncs}, page refs ${s.pageRefs}, worker refs ${s.workerRefs}, worker Go heap ${fmt(s.goHeapLive)} live (${s.numGC} GCs), js.Funcs ${s.funcs}, wasm memory page ${fmt(s.pageMemory)} worker ${fmt(s.workerMemory)}`);
      }
      if (t >= seconds) break;
      await page.waitForTimeout(Math.max(0, t0 + samples.length * interval * 1000 - Date.now()));
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ seconds, interval, warmup, samples }, null, 1));
    return report(samples, warmup, problems, opts);
  } finally {
    await context.close();
    server.stop();
  }
}

// report prints the figures after warm-up and returns the failures.
function report(samples, warmup, problems, opts) {
  const after = samples.filter((s) => s.t >= warmup);
  const xs = after.map((s) => s.t / 60);
  const first = after[0], last = after[after.length - 1];
  const series = {
    'page JS heap': after.map((s) => s.pageHeap),
    'worker Go heap (live)': after.map((s) => s.goHeapLive),
    'page wasm memory': after.map((s) => s.pageMemory),
    'worker wasm memory': after.map((s) => s.workerMemory),
  };
  const counts = {
    'page js.Funcs (live)': after.map((s) => s.pageFuncs),
    'worker js.Funcs': after.map((s) => s.funcs),
    'page Go→JS references': after.map((s) => s.pageRefs),
    'worker Go→JS references': after.map((s) => s.workerRefs),
  };
  const failures = [...problems];
  const minutes = (last.t - first.t) / 60;
  console.log(`soak: ${samples.length} samples over ${(samples[samples.length - 1].t / 60).toFixed(1)} min; after warm-up (${after.length} samples, ${minutes.toFixed(1)} min, updates ${first.update} → ${last.update}):`);
  const out = { updates: [first.update, last.update], minutes, slopes: {}, counts: {} };
  for (const [name, ys] of Object.entries(series)) {
    const f = slope(xs, ys);
    const growth = ys[ys.length - 1] - ys[0];
    out.slopes[name] = { bytesPerMinute: f.slope, r2: f.r2, first: ys[0], last: ys[ys.length - 1], min: Math.min(...ys), max: Math.max(...ys) };
    console.log(`  ${name.padEnd(24)} slope ${fmtSlope(f.slope).padStart(14)} (r² ${f.r2.toFixed(2)}), ${fmt(ys[0])} → ${fmt(ys[ys.length - 1])}, range ${fmt(Math.min(...ys))}–${fmt(Math.max(...ys))}`);
    // A generous bound: 64 MiB of growth after warm-up, or (in a long run)
    // more than 1 MiB a minute that fits a line, is a leak.
    if (growth > 64 * MB) failures.push(`${name} grew by ${fmt(growth)} after warm-up`);
    if (!opts.smoke && minutes >= 5 && f.slope > MB && f.r2 > 0.5) failures.push(`${name} grows by ${fmtSlope(f.slope)}`);
  }
  for (const [name, ys] of Object.entries(counts)) {
    const constant = ys.every((y) => y === ys[0]);
    out.counts[name] = { first: ys[0], last: ys[ys.length - 1], min: Math.min(...ys), max: Math.max(...ys), constant, climbs: climbs(ys) };
    console.log(`  ${name.padEnd(24)} ${constant ? `constant at ${ys[0]}` : `${ys[0]} → ${ys[ys.length - 1]} (range ${Math.min(...ys)}–${Math.max(...ys)})`}${climbs(ys) ? ': CLIMBS' : ''}`);
    if (ys.some((y) => !Number.isFinite(y))) failures.push(`${name} could not be read`);
    else if (climbs(ys)) failures.push(`${name} climbs: ${ys.join(', ')}`);
  }
  // The page adds a few elements as training passes its snapshot updates
  // (0, 100, 300, 1,000 …); thousands more would be a leak.
  const dom = after.map((s) => s.dom);
  out.counts['DOM elements'] = { first: dom[0], last: dom[dom.length - 1], min: Math.min(...dom), max: Math.max(...dom) };
  console.log(`  ${'DOM elements'.padEnd(24)} ${dom[0]} → ${dom[dom.length - 1]} (range ${Math.min(...dom)}–${Math.max(...dom)})`);
  if (dom[dom.length - 1] - dom[0] > 2000) failures.push(`the page grew by ${dom[dom.length - 1] - dom[0]} elements`);
  if (after.length < 4) failures.push(`only ${after.length} samples after warm-up`);
  if (!(last.update > first.update)) failures.push('the page did not train');
  const funcs = after.map((s) => s.funcs);
  if (!funcs.every((f) => f === funcs[0])) failures.push(`the worker's js.Func count changed: ${funcs.join(', ')}`);
  out.failures = failures;
  console.log(failures.length ? `soak: FAILED\n  ${failures.join('\n  ')}` : 'soak: no leak found');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  soak(opts).then((r) => {
    if (r.failures.length && (opts.smoke || opts.assert)) process.exit(1);
  }, (err) => {
    console.error('soak:', err);
    process.exit(2);
  });
}
