// worker.js — the engine's Web Worker. It receives the compiled WebAssembly
// module (and the SIMD kernel module, if the browser has SIMD) from the page,
// loads wasm_exec.js and kernel.js and runs the module; the Go program sees no
// `document` and takes the engine role (wasm/worker).
'use strict';
self.onmessage = async function (e) {
  const msg = e.data;
  if (!msg || !(msg.module instanceof WebAssembly.Module) || typeof msg.wasmExec !== 'string') {
    return;
  }
  self.onmessage = null; // Go installs its own handler when it starts
  importScripts(msg.wasmExec, 'kernel.js');
  const go = new Go();
  const kernel = self.lstmKernel.imports(go.importObject);
  const instance = await WebAssembly.instantiate(msg.module, go.importObject);
  await kernel.load(msg.kernel instanceof WebAssembly.Module ? msg.kernel : null, instance);
  go.run(instance);
};
