// worker.js — runs the lstm test binary in a Web Worker the way static/worker.js
// runs the engine: wasm_exec.js and kernel.js by importScripts, the kernel
// imports added to the Go importObject, the program instantiated, then the
// kernel instantiated on the program's memory. The program's standard output
// and error (wasm_exec.js sends them to fs.writeSync) and its exit code are
// posted to the page.
'use strict';
self.onmessage = async function (e) {
  const msg = e.data;
  if (!msg || !(msg.module instanceof WebAssembly.Module) || typeof msg.wasmExec !== 'string') {
    return;
  }
  self.onmessage = null;
  try {
    importScripts(msg.wasmExec, 'kernel.js');
    const decoders = {};
    globalThis.fs.writeSync = function (fd, buf) {
      const d = decoders[fd] || (decoders[fd] = new TextDecoder('utf-8'));
      self.postMessage({ fd: fd, text: d.decode(buf, { stream: true }) });
      return buf.length;
    };
    const go = new Go();
    go.argv = msg.argv;
    go.env = {};
    go.exit = function (code) { self.postMessage({ exit: code }); };
    const kernel = self.lstmKernel.imports(go.importObject);
    const instance = await WebAssembly.instantiate(msg.module, go.importObject);
    const loaded = await kernel.load(msg.kernel instanceof WebAssembly.Module ? msg.kernel : null, instance, msg.kernelFMA === true);
    self.postMessage({ kernelLoaded: loaded, inWorker: typeof document === 'undefined' && typeof importScripts === 'function' });
    await go.run(instance);
  } catch (err) {
    self.postMessage({ error: String((err && err.stack) || err) });
  }
};
