// page.js — compiles the lstm test binary and the SIMD kernels as the
// playground's boot.js compiles its program and kernels (compileStreaming, and
// lstmKernel.compile of static/kernel.js; with fma=1 in the query, kernels.wasm
// is their FMA build and is loaded as such), and runs the tests in a Web Worker
// that loads them as static/worker.js does. The query's argv (JSON) is the test
// binary's command line. The worker's output and exit code are left in
// globalThis.testResult (or globalThis.testError) for tests/simd/chromium.mjs.
'use strict';
(async function () {
  const status = document.getElementById('status');
  const query = new URLSearchParams(location.search);
  const argv = JSON.parse(query.get('argv') || '["lstm.test"]');
  const fma = query.get('fma') === '1'; // kernels.wasm is the FMA build
  try {
    const kernel = await globalThis.lstmKernel.compile('kernels.wasm');
    const resp = await fetch('lstm.test.wasm');
    if (!resp.ok) throw new Error('lstm.test.wasm: HTTP ' + resp.status);
    const module = await WebAssembly.compileStreaming(resp);
    const worker = new Worker('worker.js');
    const out = [];
    let kernelLoaded = null;
    let inWorker = null;
    worker.onmessage = function (e) {
      const m = e.data;
      if ('text' in m) out.push(m.text);
      if ('kernelLoaded' in m) { kernelLoaded = m.kernelLoaded; inWorker = m.inWorker; }
      if ('exit' in m) {
        globalThis.testResult = {
          exit: m.exit, output: out.join(''), kernelCompiled: kernel !== null, kernelLoaded: kernelLoaded, inWorker: inWorker,
          relaxedSIMD: globalThis.lstmKernel.relaxedSIMD(),
        };
        status.textContent = 'Exit code ' + m.exit + '.';
        worker.terminate();
      }
      if ('error' in m) globalThis.testError = m.error + '\n' + out.join('');
    };
    worker.onerror = function (e) { globalThis.testError = 'worker error: ' + (e.message || e) + '\n' + out.join(''); };
    worker.postMessage({ module: module, kernel: kernel, kernelFMA: fma, wasmExec: 'wasm_exec.js', argv: argv });
  } catch (err) {
    globalThis.testError = String((err && err.stack) || err);
    status.textContent = globalThis.testError;
  }
})();
