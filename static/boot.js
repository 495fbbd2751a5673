// boot.js — loads LSTM Playground: checks what the browser can do, reads the
// build manifest, compiles the WebAssembly module once, starts the engine
// worker with it and runs the same module on this page as the UI. No logic of
// the playground lives here.
'use strict';
(function () {
  const status = document.getElementById('boot-status');
  const bar = document.getElementById('boot-progress');

  function fail(message) {
    if (status) {
      status.textContent = message;
      status.classList.add('boot-error');
    }
    if (bar) bar.hidden = true;
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('LSTM Playground needs WebAssembly, which this browser does not offer. Try a current Firefox, Chrome, Edge or Safari.');
    return;
  }
  if (typeof Worker !== 'function') {
    fail('LSTM Playground needs Web Workers, which this browser does not offer. Try a current Firefox, Chrome, Edge or Safari.');
    return;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // fetchWasm downloads the module and reports progress on the bar.
  async function fetchWasm(url, size) {
    const resp = await fetch(url);
    if (!resp.ok) throw new Error('could not load ' + url + ' (HTTP ' + resp.status + ')');
    if (!resp.body || !size || !bar) return resp.arrayBuffer();
    const reader = resp.body.getReader();
    const chunks = [];
    let got = 0;
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      chunks.push(r.value);
      got += r.value.length;
      bar.value = Math.min(got / size, 1);
    }
    const all = new Uint8Array(got);
    let off = 0;
    for (const c of chunks) { all.set(c, off); off += c.length; }
    return all.buffer;
  }

  async function boot() {
    const resp = await fetch('build.json', { cache: 'no-cache' });
    if (!resp.ok) throw new Error('could not load build.json (HTTP ' + resp.status + ')');
    const build = await resp.json();
    if (status) status.textContent = 'Loading the model engine…';
    await loadScript(build.wasmExec);
    const bytes = await fetchWasm(build.wasm, build.wasmSize);
    if (status) status.textContent = 'Starting…';
    const module = await WebAssembly.compile(bytes);
    const worker = new Worker('worker.js?v=' + encodeURIComponent(build.hash));
    worker.postMessage({ module: module, wasmExec: build.wasmExec });
    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    // The UI (Go) picks the worker up from here.
    globalThis.lstmPlayground = { worker: worker, build: build };
    go.run(instance).then(function () {
      fail('LSTM Playground stopped. Reload the page to start it again.');
    });
  }

  boot().catch(function (err) {
    fail('LSTM Playground could not start: ' + err.message + '. Reload the page to try again.');
  });
})();
