// budgets.mjs — the page's own budgets of ../shared/DESIGN.md, measured in
// headless Chromium against the playground served on localhost; one JSON line
// on stdout:
//
//   node tests/bench/budgets.mjs --site <the playground's URL> [--static static] [--loads 3] [--frames 10] [--compare 1] [--settle 0]
//
// - transfer: the static/ files the page actually loads (the page, its worker
//   and everything they fetch, the service worker's caching included), each
//   compressed with gzip -9 and with brotli (quality 11; the .br copies build.sh makes, where present), summed;
//   budget 1.2 MB compressed;
// - time to interactive: navigation start → the Train button enabled and
//   visible, in a fresh browser with a fresh profile each time, median of
//   --loads loads; budget 1.5 s;
// - frames: requestAnimationFrame gaps over --frames seconds of training (Train
//   pressed as a person would; with --compare 1, the default, Compare LSTM and
//   RNN pressed too, so that the second engine trains and paints as well), the
//   longest and the 99th percentile, and each gap over 25 ms with the second
//   it began at ("long"), counted --settle ms after the presses; budget 50 ms;
// - work: what depends on the machine's load far less than the gaps do: the
//   page's own time over the same seconds, by part (each panel's paint in
//   the frame callback, "frame" the whole callback, "message"/"message2" the
//   handling of one message of each engine), as the page's frame probe
//   (wasm/ui/browser/probe_js.go) timed it: count, least, median, p99, max and sum,
//   in ms (the least is the least disturbed by other processes: the
//   part's cost), and the load average before and after.
import { readFileSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';
import { loadavg } from 'node:os';
import { line } from './common.mjs';
import { args } from './cli.mjs';

const a = args();
const site = a.site;
const staticDir = a.static || 'static';
const loads = Number(a.loads || 3);
const frameSecs = Number(a.frames || 10);
const compare = a.compare === undefined ? true : a.compare !== '0';
const settle = Number(a.settle || 0);
if (!site) throw new Error('--site is required');

// trainEnabled is installed in the page before its scripts: it notes when a
// visible, enabled button whose accessible name is "Train" first exists.
function trainEnabled() {
  const name = (b) => b.getAttribute('aria-label') || [...b.childNodes]
    .filter((n) => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
    .map((n) => n.textContent).join('').trim();
  const check = () => {
    for (const b of document.getElementsByTagName('button')) {
      if (!b.disabled && b.getClientRects().length > 0 && name(b) === 'Train') {
        globalThis.__trainEnabledAt = performance.now();
        return true;
      }
    }
    return false;
  };
  const watch = new MutationObserver(() => { if (check()) watch.disconnect(); });
  watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

// load opens the page in a fresh browser and returns the time to interactive
// (ms since navigation start) and the paths the page and its workers fetched.
async function load(keepOpen) {
  const context = await launch();
  const paths = new Set();
  const problems = [];
  // Only requests that got their answer count: the service worker's look-up of
  // a file it may only take from the cache (only-if-cached, such as another
  // language's catalogue) fails without reaching the network.
  context.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(site).origin) paths.add(u.pathname);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(trainEnabled);
  await page.addInitScript(() => { globalThis.lstmFrameProbe = {}; });
  await page.goto(site);
  // The page's own observer notes the time (trainEnabled); waiting for it by
  // a role query would run that query over the page while it starts.
  await page.waitForFunction(() => globalThis.__trainEnabledAt !== undefined, null, { timeout: 60000, polling: 250 });
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 60000 });
  const tti = await page.evaluate(() => globalThis.__trainEnabledAt);
  const phases = await bootPhases(page);
  // Let the engine worker finish loading what it loads.
  await page.waitForFunction(() => globalThis.lstmPlayground !== undefined, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  if (problems.length) throw new Error('page errors: ' + problems.join('; '));
  if (!keepOpen) {
    await context.close();
    return { tti, paths, phases };
  }
  return { tti, paths, phases, page, context };
}

// bootPhases returns when the page's loading reached each point, in ms since
// navigation start: the manifest and the program downloaded (Resource
// Timing), the page's Go program started, the page built, the engine said
// Ready, the saved sessions read, the page shown (the frame probe's boot:
// marks run, view, ready, db, shown, each noted once; "view" is how long
// building the page took).
async function bootPhases(page) {
  return page.evaluate(() => {
    const out = {};
    for (const e of performance.getEntriesByType('resource')) {
      const name = e.name.split('/').pop().split('?')[0];
      if (/^(build\.json|app\..*\.wasm|wasm_exec.*\.js|kernel.*)$/.test(name)) out[name.replace(/\.[0-9a-f]{12}\./, '.')] = Math.round(e.responseEnd);
    }
    const p = globalThis.lstmFrameProbe && globalThis.lstmFrameProbe.read ? JSON.parse(globalThis.lstmFrameProbe.read()) : {};
    for (const [k, v] of Object.entries(p)) if (k.startsWith('boot:')) out[k.slice(5)] = Math.round(v[0]);
    return out;
  });
}

// frames presses Train (and Compare) and returns the requestAnimationFrame
// gaps of secs seconds, and the page's own work in them by part.
async function frames(page, secs) {
  const update = async () => Number((await page.getByRole('status', { name: 'Update', exact: true }).textContent()).replace(/[^0-9.]/g, '')) || 0;
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 10000 });
  if (compare) {
    await page.getByRole('button', { name: 'Compare LSTM and RNN', exact: true }).click();
    await page.getByText('Hidden state h of the RNN', { exact: false }).first().waitFor({ timeout: 30000 });
  }
  await page.waitForTimeout(settle);
  const load0 = loadavg();
  await page.evaluate(() => globalThis.lstmFrameProbe.reset && globalThis.lstmFrameProbe.reset());
  const stamps = await page.evaluate((ms) => new Promise((done) => {
    const ts = [];
    const tick = (t) => {
      ts.push(t);
      if (t - ts[0] < ms) requestAnimationFrame(tick); else done(ts);
    };
    requestAnimationFrame(tick);
  }), secs * 1000);
  const work = workStats(JSON.parse(await page.evaluate(() => (globalThis.lstmFrameProbe.read ? globalThis.lstmFrameProbe.read() : '{}'))));
  const trained = await update();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const long = stamps.slice(1).flatMap((t, i) => (t - stamps[i] > 25 ? [{ at: Math.round((stamps[i] - stamps[0]) / 100) / 10, ms: Math.round((t - stamps[i]) * 10) / 10 }] : []));
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((x, y) => x - y);
  const p99 = gaps[Math.min(gaps.length - 1, Math.ceil(0.99 * gaps.length) - 1)];
  return {
    seconds: secs, compare, settle, frames: gaps.length, max: gaps[gaps.length - 1], p99, median: gaps[Math.floor(gaps.length / 2)], long, updates: trained,
    work, load: [load0, loadavg()],
  };
}

// workStats sums up the probe's durations (ms) of each part.
function workStats(samples) {
  const out = {};
  const r = (v) => Math.round(v * 1000) / 1000;
  for (const [part, ds] of Object.entries(samples)) {
    const s = [...ds].sort((x, y) => x - y);
    const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
    out[part] = { n: s.length, min: r(s[0]), median: r(s[Math.floor(s.length / 2)]), p99: r(at(0.99)), max: r(s[s.length - 1]), sum: r(s.reduce((x, y) => x + y, 0)) };
  }
  return out;
}

// brotliSize is the file's size compressed with brotli at quality 11: that of
// the .br copy build.sh makes beside it (what the server sends), else computed.
function brotliSize(file, raw) {
  try {
    if (statSync(file + '.br').mtimeMs + 2000 >= statSync(file).mtimeMs) return statSync(file + '.br').size;
  } catch { /* no copy */ }
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
}

const runs = [];
const phases = [];
let last;
for (let i = 0; i < loads; i++) {
  last = await load(i === loads - 1);
  runs.push(last.tti);
  phases.push(last.phases);
}
const sorted = [...runs].sort((x, y) => x - y);
const tti = { runs, median: sorted[Math.floor(sorted.length / 2)], budget: 1500, phases };

let fr;
try {
  fr = { ...(await frames(last.page, frameSecs)), budget: 50 };
} finally {
  await last.context.close();
}

const files = [];
const names = new Set([...last.paths].map((p) => (p === '/' ? 'index.html' : basename(p))));
for (const name of [...names].sort()) {
  const file = join(staticDir, name);
  let raw;
  try {
    if (!statSync(file).isFile()) continue;
    raw = readFileSync(file);
  } catch {
    continue; // not a static/ file (an API request)
  }
  files.push({ path: name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliSize(file, raw) });
}
const sum = (k) => files.reduce((n, f) => n + f[k], 0);
const transfer = { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), budget: 1200000 };
console.log(line({ kind: 'budgets', transfer, tti, frames: fr, load: loadavg() }));
