// worker.js — the engine's Web Worker. It receives the compiled WebAssembly
// module from the page, loads wasm_exec.js and runs the module; the Go program
// sees no `document` and takes the engine role (wasm/worker).
'use strict';
self.onmessage = async function (e) {
  const msg = e.data;
  if (!msg || !(msg.module instanceof WebAssembly.Module) || typeof msg.wasmExec !== 'string') {
    return;
  }
  self.onmessage = null; // Go installs its own handler when it starts
  importScripts(msg.wasmExec);
  const go = new Go();
  const instance = await WebAssembly.instantiate(msg.module, go.importObject);
  go.run(instance);
};
