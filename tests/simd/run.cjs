// run.cjs — runs a Go program built for GOOS=js GOARCH=wasm under Node, like
// $(go env GOROOT)/lib/wasm/go_js_wasm_exec, but with the SIMD kernels of
// lstm/kernels.wat loaded through static/kernel.js, exactly as the page's worker
// loads them. Used as `go test -exec` for the lstmsimd build:
//   LSTM_KERNEL=build/kernels.wasm node tests/simd/run.cjs prog.wasm [args]
// With LSTM_KERNEL_FMA=1 the kernel is loaded as the FMA build (Node 20 then
// needs --experimental-wasm-relaxed-simd).
//   LSTM_KERNEL=build/kernels-fma.wasm LSTM_KERNEL_FMA=1 node --experimental-wasm-relaxed-simd tests/simd/run.cjs prog.wasm
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

if (process.argv.length < 3) {
  console.error('usage: run.cjs program.wasm [arguments]');
  process.exit(1);
}
globalThis.require = require;
globalThis.fs = fs;
globalThis.path = path;
globalThis.TextEncoder = require('util').TextEncoder;
globalThis.TextDecoder = require('util').TextDecoder;
globalThis.performance ??= require('perf_hooks').performance;
globalThis.crypto ??= require('crypto');

const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
require(path.join(goroot, 'lib', 'wasm', 'wasm_exec.js'));
require(path.join(__dirname, '..', '..', 'static', 'kernel.js'));

(async () => {
  const go = new Go();
  go.argv = process.argv.slice(2);
  go.env = Object.assign({ TMPDIR: require('os').tmpdir() }, process.env);
  go.exit = process.exit;
  const kernelFile = process.env.LSTM_KERNEL;
  const kernelModule = kernelFile ? await WebAssembly.compile(fs.readFileSync(kernelFile)) : null;
  const kernel = globalThis.lstmKernel.imports(go.importObject);
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(process.argv[2]), go.importObject);
  await kernel.load(kernelModule, instance, process.env.LSTM_KERNEL_FMA === '1');
  process.on('exit', (code) => {
    if (code === 0 && !go.exited) { // a deadlock: let Go print it
      go._pendingEvent = { id: 0 };
      go._resume();
    }
  });
  await go.run(instance);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
