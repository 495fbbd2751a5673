// run.mjs — the side-by-side benchmark of ./build.sh bench: this project and its
// peers on the char-lstm workloads of ../shared/bench/WORKLOAD.md, natively, in
// Node and in headless Chromium, then the page's own budgets; prints one table
// and writes bench/RESULTS.md and bench/chart.svg.
//
// Every measurement is a fresh process (a fresh Chromium with a fresh profile for
// the browser runs). Repetitions are interleaved: each round runs every
// configuration once, in an order rotated from round to round, so that a noisy
// machine affects all alike. ./build.sh bench builds static/ first (cmd_build).
//
// Environment:
//   BENCH_NODE_REPS      repetitions of the native and Node runs (default 5)
//   BENCH_CHROMIUM_REPS  repetitions of the Chromium runs (default 3)
//   BENCH_WARMUP, BENCH_WINDOW, BENCH_LOSS_CHARS   the protocol (common.mjs)
//   BENCH_ONLY           a regular expression: run only the configurations it matches
//   BENCH_SMOKE=1        the smoke run of ./build.sh test: every harness once on
//                        a few hundred characters, no timing, checks that each
//                        prints a finite loss; writes nothing into bench/
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, serve } from './site.mjs';
import { report } from './report.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
process.chdir(root);
const env = process.env;
const smoke = env.BENCH_SMOKE === '1';
const nodeReps = smoke ? 1 : Number(env.BENCH_NODE_REPS || 5);
const chromiumReps = smoke ? 1 : Number(env.BENCH_CHROMIUM_REPS || 3);
const only = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null;
const out = 'build/bench';
mkdirSync(out, { recursive: true });

// The smoke run trains a few hundred characters per harness (10 updates at
// batch 1, 1 at batch 16) and takes no timing window.
const protocol = smoke
  ? { BENCH_WARMUP: '0', BENCH_WINDOW: '0', BENCH_LOSS_CHARS: '320', BENCH_FULL_LOSS: '1' }
  : { BENCH_WARMUP: env.BENCH_WARMUP || '3', BENCH_WINDOW: env.BENCH_WINDOW || '15', BENCH_LOSS_CHARS: env.BENCH_LOSS_CHARS || '20000' };

// version reads an npm package's version (null if it is not installed).
function version(pkg) {
  try { return JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version; } catch { return null; }
}

function sh(cmd, argv, extra = {}) {
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...extra }).trim();
}

// ---- builds ----
const goroot = sh('go', ['env', 'GOROOT']);
const goVersion = sh('go', ['env', 'GOVERSION']);
const wasmEnv = { ...env, GOOS: 'js', GOARCH: 'wasm' };
console.log('building gobench (native, js/wasm, js/wasm with the SIMD kernels) and the server');
sh('go', ['build', '-o', `${out}/gobench`, './tests/bench/gobench']);
sh('go', ['build', '-o', `${out}/gobench.wasm`, './tests/bench/gobench'], { env: wasmEnv });
const kernel = 'build/kernels.wasm'; // assembled by ./build.sh build
const haveKernel = existsSync(kernel) && existsSync('tests/simd/run.cjs');
if (haveKernel) sh('go', ['build', '-tags', 'lstmsimd', '-o', `${out}/gobench-simd.wasm`, './tests/bench/gobench'], { env: wasmEnv });
sh('go', ['build', '-o', `${out}/web`, './web']);
if (!existsSync('static/build.json')) throw new Error('static/ is not built: run ./build.sh build');

// ---- servers: the playground (its own server) and the peers' bench site ----
const dataDir = mkdtempSync(join(tmpdir(), 'lstm-bench-data-'));
const web = spawn(`${out}/web`, ['-dir', 'static', '-data', dataDir, '-addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const playground = await new Promise((ok, fail) => {
  let buf = '';
  const timer = setTimeout(() => fail(new Error('the server did not start: ' + buf)), 20000);
  web.stdout.on('data', (d) => {
    buf += d;
    const m = buf.match(/LSTM Playground: (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) { clearTimeout(timer); ok(m[1]); }
  });
  web.once('exit', (code) => fail(new Error(`the server exited (${code}): ${buf}`)));
});
const benchSite = await serve(buildSite());
const stopServers = async () => {
  web.kill();
  await benchSite.close();
  rmSync(dataDir, { recursive: true, force: true });
};

// ---- configurations ----
const configs = [];
const node = (name, argv, extra = {}) => configs.push({ name, kind: 'node', cmd: argv[0], argv: argv.slice(1), env: extra });
const chromium = (name, argv) => configs.push({ name, kind: 'chromium', cmd: 'node', argv: ['tests/bench/chromium.mjs', ...argv] });
for (const H of smoke ? [64] : [64, 128]) {
  const h = ['-hidden', String(H)];
  node(`go native h${H}`, [`${out}/gobench`, ...h]);
  node(`go wasm node h${H}`, [join(goroot, 'lib/wasm/go_js_wasm_exec'), `${out}/gobench.wasm`, ...h]);
  if (haveKernel) node(`go wasm+simd node h${H}`, ['node', 'tests/simd/run.cjs', `${out}/gobench-simd.wasm`, ...h], { LSTM_KERNEL: kernel });
  for (const backend of ['cpu', 'wasm']) {
    for (const B of smoke ? [1] : [1, 16]) {
      node(`tfjs-${backend} node h${H} b${B}`, ['node', 'tests/bench/tfjs.mjs', '--backend', backend, '--hidden', String(H), '--batch', String(B)]);
    }
  }
  node(`brain.js node h${H}`, ['node', 'tests/bench/brain.mjs', '--hidden', String(H)]);
  node(`handjs node h${H}`, ['node', 'tests/bench/handjs.mjs', '--hidden', String(H)]);
  chromium(`engine chromium h${H}`, ['--impl', 'engine', '--hidden', String(H), '--site', playground, '--gobench', `${out}/gobench`]);
  for (const B of smoke ? [1] : [1, 16]) {
    chromium(`tfjs-wasm chromium h${H} b${B}`, ['--impl', 'tfjs-wasm', '--hidden', String(H), '--batch', String(B), '--site', benchSite.url]);
  }
  chromium(`handjs chromium h${H}`, ['--impl', 'handjs', '--hidden', String(H), '--site', benchSite.url]);
}
const chosen = configs.filter((c) => !only || only.test(c.name));

// runOne runs one configuration in a fresh process and returns its JSON line.
function runOne(c, extraEnv) {
  return new Promise((ok) => {
    const t0 = Date.now();
    const p = spawn(c.cmd, c.argv, { env: { ...env, ...protocol, ...c.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    const limit = smoke ? 120000 : 1800000;
    const timer = setTimeout(() => p.kill('SIGKILL'), limit);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const secs = (Date.now() - t0) / 1000;
      const json = stdout.split('\n').filter((l) => l.startsWith('{')).pop();
      if (code === 0 && json) {
        try {
          ok({ ok: true, secs, ...JSON.parse(json) });
          return;
        } catch { /* reported below */ }
      }
      const why = signal ? `killed (${signal}) after ${secs.toFixed(0)} s` : `exit ${code}`;
      ok({ ok: false, secs, error: `${why}: ${(stderr || stdout).trim().split('\n').slice(-6).join(' | ')}` });
    });
  });
}

const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 0 }));
const started = new Date();
const load0 = loadavg();
const runs = [];
writeFileSync(`${out}/runs.jsonl`, ''); // every run as it ends, in case this process dies
const rounds = Math.max(nodeReps, chromiumReps);
console.log(`${chosen.length} configurations; ${nodeReps} rounds in Node, ${chromiumReps} in Chromium; protocol ${JSON.stringify(protocol)}`);
try {
  for (let r = 0; r < rounds; r++) {
    const round = chosen.filter((c) => r < (c.kind === 'chromium' ? chromiumReps : nodeReps));
    const k = round.length ? r % round.length : 0;
    const order = round.slice(k).concat(round.slice(0, k));
    for (const c of order) {
      // The first round trains every run until the loss after 20,000 characters.
      const res = await runOne(c, r === 0 ? { BENCH_FULL_LOSS: '1' } : {});
      res.config = c.name;
      res.round = r + 1;
      runs.push(res);
      appendFileSync(`${out}/runs.jsonl`, JSON.stringify(res) + '\n');
      console.log(res.ok
        ? `[${r + 1}/${rounds}] ${c.name}: ${fmt(res.charsPerSec)} chars/s, loss ${res.loss20k === null ? '–' : res.loss20k.toFixed(3)} (${res.secs.toFixed(1)} s)`
        : `[${r + 1}/${rounds}] ${c.name}: FAILED ${res.error}`);
    }
  }
} finally {
  if (!only || only.test('budgets')) {
    // The page's budgets, once, after the rounds (each load a fresh browser).
    const b = await runOne({
      cmd: 'node', env: {},
      argv: ['tests/bench/budgets.mjs', '--site', playground, '--static', 'static', '--loads', smoke ? '1' : '3', '--frames', smoke ? '1' : '10'],
    }, {});
    b.config = 'budgets';
    runs.push(b);
    console.log(b.ok ? `budgets: measured (${b.secs.toFixed(1)} s)` : `budgets: FAILED ${b.error}`);
  }
  await stopServers();
}

const meta = {
  date: started.toISOString(), finished: new Date().toISOString(), smoke,
  machine: {
    cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || cpus()[0]?.model,
    nproc: Number(sh('nproc', [])), load: [load0, loadavg()],
  },
  versions: {
    go: goVersion, node: process.version,
    playwright: version('playwright-core'), tfjs: version('@tensorflow/tfjs'),
    tfjsWasm: version('@tensorflow/tfjs-backend-wasm'), brain: version('brain.js'),
  },
  reps: { node: nodeReps, chromium: chromiumReps }, protocol,
  commit: (() => { try { return sh('git', ['rev-parse', '--short', 'HEAD']); } catch { return null; } })(),
  dirty: (() => { try { return sh('git', ['status', '--porcelain', '--untracked-files=no']) !== ''; } catch { return null; } })(),
};
writeFileSync(`${out}/results.json`, JSON.stringify({ meta, runs }, null, 1) + '\n');

if (smoke) {
  const bad = runs.filter((r) => !r.ok || (r.config !== 'budgets' && !(Number.isFinite(r.loss20k) && r.charsPerSec > 0)));
  for (const r of bad) console.log(`smoke: ${r.config}: ${r.ok ? `loss ${r.loss20k}, ${r.charsPerSec} chars/s` : r.error}`);
  if (bad.length) process.exit(1);
  console.log(`smoke: ${runs.length} harnesses ran and printed a finite loss`);
} else {
  const { text } = report({ meta, runs }, { write: !only });
  console.log('\n' + text);
  if (only) console.log('(BENCH_ONLY is set: bench/RESULTS.md and bench/chart.svg were left as they were)');
}
