// chromium.mjs — the lstm package's SIMD tests in headless Chromium's Web
// Worker, where the playground trains: builds the package's test binary for
// js/wasm with the lstmsimd tag (the conformance vectors embedded, as a browser
// has no file system), assembles the kernels of lstm/kernels.wat, serves both
// with wasm_exec.js and static/kernel.js beside tests/simd/page/, and runs the
// conformance and kernel-against-Go tests in a worker that loads the kernels as
// static/worker.js does. It prints the tests' output and exits 1 if a test
// failed, if one of them did not run, or if the kernels were not in use.
//
//   node tests/simd/chromium.mjs [--run REGEXP] [--fma matvec,matvect,gemmacc]
//   node tests/simd/chromium.mjs --bench REGEXP [--benchtime 2s] [--wat other.wat] [--fma …]
//
// With --bench it runs the package's benchmarks instead (no tests) in the same
// worker and prints their output, to see where an update's time goes there;
// --wat assembles another kernels file, to compare two versions in one session.
// With --fma it loads the FMA build of the kernels (tools/watfma, fusing the
// multiply-adds of the functions named) as the playground loads it where the
// browser has relaxed SIMD, and requires lstm.FMA() to be true.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../bench/site.mjs';
import { args } from '../bench/cli.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
process.chdir(root);

// The tests that must run and pass: the conformance vectors with the kernels
// and with the pure-Go path of the same build, the two paths trained side by
// side, the kernels loaded, and each kernel against its Go counterpart.
const required = [
  'TestConformanceEmbedded', 'TestSIMDBuildConformancePureGo', 'TestSIMDTrainingMatchesGo',
  'TestSIMDKernelsLoaded', 'TestSIMDFusedMultiplyAdd', 'TestSIMDKernelsMatchGo', 'TestSIMDOptimizerKernelsMatchGo', 'TestSIMDActivationsSameBits', 'TestSIMDStepBackSameBits',
];
const a = args();
const run = a.run || '^(TestConformanceEmbedded|TestSIMD.*)$';

const site = join(root, 'build/simd-site');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
const sh = (cmd, argv, env) => execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...env } }).trim();
sh('go', ['test', '-c', '-tags', 'lstmsimd', '-o', join(site, 'lstm.test.wasm'), './lstm'], { GOOS: 'js', GOARCH: 'wasm' });
let wat = a.wat || 'lstm/kernels.wat';
if (a.fma) {
  writeFileSync(join(site, 'kernels-fma.wat'), sh('go', ['run', './tools/watfma', '-funcs', a.fma, wat]));
  wat = join(site, 'kernels-fma.wat');
}
sh(join(root, 'node_modules/.bin/wat2wasm'), ['--enable-relaxed-simd', wat, '-o', join(site, 'kernels.wasm')]);
cpSync(join(sh('go', ['env', 'GOROOT']), 'lib/wasm/wasm_exec.js'), join(site, 'wasm_exec.js'));
cpSync(join(root, 'static/kernel.js'), join(site, 'kernel.js'));
for (const f of ['index.html', 'page.js', 'worker.js']) cpSync(join(here, 'page', f), join(site, f));
const vectors = readdirSync(join(root, 'lstm/testdata/conformance')).filter((f) => f.endsWith('.json')).length;

const server = await serve(site);
const context = await launch();
let failures = [];
try {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const argv = a.bench
    ? ['lstm.test', '-test.run', '^$', '-test.bench', a.bench, '-test.benchtime', a.benchtime || '2s', '-test.timeout=10m']
    : ['lstm.test', '-test.run', run, '-test.v', '-test.count=1', '-test.timeout=10m'];
  await page.goto(`${server.url}index.html?argv=${encodeURIComponent(JSON.stringify(argv))}${a.fma ? '&fma=1' : ''}`, { timeout: 60000 });
  await page.waitForFunction(() => globalThis.testResult || globalThis.testError, null, { timeout: 11 * 60000, polling: 250 });
  const { result, error } = await page.evaluate(() => ({ result: globalThis.testResult, error: globalThis.testError }));
  const version = context.browser()?.version() || '';
  if (error) {
    console.log(error);
    failures.push('the page or the worker failed before the tests ended');
  } else if (a.bench) {
    console.log(result.output.replace(/\n$/, ''));
    if (result.exit !== 0) failures.push(`the test binary exited with code ${result.exit}`);
    if (!result.kernelLoaded) failures.push('the kernel module was not instantiated on the test binary\'s memory');
  } else {
    console.log(result.output.replace(/\n$/, ''));
    const out = result.output;
    if (result.exit !== 0) failures.push(`the test binary exited with code ${result.exit}`);
    if (!result.inWorker) failures.push('the tests did not run in a Web Worker');
    if (!result.kernelCompiled) failures.push('Chromium did not compile the kernel module (lstmKernel.compile returned null)');
    if (!result.kernelLoaded) failures.push('the kernel module was not instantiated on the test binary\'s memory');
    if (!/SIMD kernels in use: true/.test(out)) failures.push('lstm.SIMD() was not true in the worker');
    if (!new RegExp(`FMA kernels in use: ${!!a.fma}`).test(out)) failures.push(`lstm.FMA() was not ${!!a.fma} in the worker`);
    if (a.fma && !result.relaxedSIMD) failures.push('lstmKernel.relaxedSIMD() was false: this Chromium has no relaxed SIMD');
    for (const t of required) {
      if (!new RegExp(`^--- PASS: ${t} `, 'm').test(out)) failures.push(`${t} did not pass`);
    }
    const withKernels = (out.match(/^ {4}--- PASS: TestConformanceEmbedded\//gm) || []).length;
    const pureGo = (out.match(/^ {4}--- PASS: TestSIMDBuildConformancePureGo\//gm) || []).length;
    if (withKernels !== vectors || pureGo !== vectors) {
      failures.push(`${vectors} conformance files, but ${withKernels} passed in TestConformanceEmbedded (kernels) and ${pureGo} in TestSIMDBuildConformancePureGo`);
    }
    if (/^\s*--- FAIL/m.test(out)) failures.push('a test failed');
  }
  if (pageErrors.length) failures.push('page errors: ' + pageErrors.join('; '));
  if (!failures.length && !a.bench) {
    console.log(`\nChromium ${version}, Web Worker: SIMD kernels (${a.fma ? 'FMA' : 'exact'} build) in use, ${required.length} tests passed, ${vectors} conformance files with the kernels and with pure Go`);
  }
} finally {
  await context.close();
  await server.close();
}
if (failures.length) {
  console.error('\nthe SIMD tests in Chromium failed:\n- ' + failures.join('\n- '));
  process.exit(1);
}
