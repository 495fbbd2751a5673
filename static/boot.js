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

  // No WebAssembly at all: every current browser has it, so it is most
  // likely switched off (a setting, a security mode without JIT, an
  // organisation's policy) rather than missing; an object without
  // instantiate is an old browser's.
  if (typeof WebAssembly === 'undefined') {
    fail('LSTM Playground needs WebAssembly, which is switched off here: every current browser has it, but a setting, ' +
      'a security mode that turns off JavaScript optimisation (such as Safari\'s Lockdown Mode) or a policy of whoever ' +
      'manages this computer can switch it off. Allow WebAssembly for this site, or open the page where it is on.');
    return;
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('LSTM Playground needs WebAssembly, which this browser offers only in part. Try a current Firefox, Chrome, Edge or Safari.');
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

  // compileWasm downloads and compiles the module at once (compileStreaming),
  // reporting the download on the progress bar. The Response is rebuilt with
  // the right type, so a static host that serves .wasm as something else works.
  async function compileWasm(url, size) {
    const resp = await fetch(url);
    if (!resp.ok) throw new Error('could not load ' + url + ' (HTTP ' + resp.status + ')');
    let body = resp.body;
    if (body && size && bar && typeof TransformStream === 'function') {
      let got = 0;
      body = body.pipeThrough(new TransformStream({
        transform(chunk, ctl) {
          got += chunk.length;
          bar.value = Math.min(got / size, 1);
          ctl.enqueue(chunk);
        },
      }));
    }
    const typed = new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
    try {
      if (typeof WebAssembly.compileStreaming === 'function') {
        return await WebAssembly.compileStreaming(typed);
      }
      return await WebAssembly.compile(await typed.arrayBuffer());
    } catch (err) {
      if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.RuntimeError || err instanceof RangeError) {
        err.wasmRefused = true;
      }
      throw err;
    }
  }

  async function boot() {
    const resp = await fetch('build.json', { cache: 'no-cache' });
    if (!resp.ok) throw new Error('could not load build.json (HTTP ' + resp.status + ')');
    const build = await resp.json();
    if (status) status.textContent = 'Loading the model engine…';
    await Promise.all([loadScript(build.wasmExec), loadScript('kernel.js')]);
    // The SIMD kernels load beside the program; null where they cannot.
    const kernelLoad = build.kernel ? globalThis.lstmKernel.compile(build.kernel) : Promise.resolve(null);
    const module = await compileWasm(build.wasm, build.wasmSize);
    const kernel = await kernelLoad;
    if (status) status.textContent = 'Starting…';
    const start = { module: module, kernel: kernel, wasmExec: build.wasmExec };
    // spawn starts an engine worker. It keeps what the worker says before the
    // UI listens (its Ready can come first) in early; the UI takes these
    // over and replaces this handler. worker.js's own news (its beacon, or
    // that the engine's Go program ended) comes on a port of its own, news,
    // kept the same way in newsEarly, so that the protocol's messages stay
    // bytes only.
    function spawn() {
      const w = new Worker('worker.js?v=' + encodeURIComponent(build.hash));
      const early = [];
      const newsEarly = [];
      w.onmessage = function (e) { early.push(e.data); };
      const channel = new MessageChannel();
      channel.port1.onmessage = function (e) { newsEarly.push(e.data); };
      w.postMessage(Object.assign({ news: channel.port2 }, start), [channel.port2]);
      return { worker: w, early: early, news: channel.port1, newsEarly: newsEarly };
    }
    const first = spawn();
    const go = new Go();
    // The UI does not train: it gets the kernel imports without the kernels.
    globalThis.lstmKernel.imports(go.importObject);
    const instance = await WebAssembly.instantiate(module, go.importObject);
    // The UI (Go) picks the worker up from here.
    // startWorker starts another engine from the same compiled module (for a
    // side-by-side comparison, or to replace a worker that died); its early
    // messages are kept the same way.
    globalThis.lstmPlayground = {
      worker: first.worker,
      build: build,
      early: first.early,
      news: first.news,
      newsEarly: first.newsEarly,
      startWorker: spawn,
      // replaceWorker starts a new main engine (the page's died) and makes
      // it lstmPlayground.worker, the engine the page talks to.
      replaceWorker: function () {
        const r = spawn();
        this.worker = r.worker;
        this.early = r.early;
        this.news = r.news;
        this.newsEarly = r.newsEarly;
        return r;
      },
    };
    go.run(instance).then(function () {
      fail('LSTM Playground stopped. Reload the page to start it again.');
    });
    // Offline use: sw.js keeps the site once it has loaded (http and https
    // only; a page opened from a file has no service worker).
    if ('serviceWorker' in navigator && (location.protocol === 'http:' || location.protocol === 'https:')) {
      navigator.serviceWorker.register('sw.js', { scope: './' }).catch(function () {});
    }
  }

  boot().catch(function (err) {
    if (err && err.wasmRefused) {
      // WebAssembly is there but would not compile the program: restricted
      // (some security modes keep the object and refuse to compile) or too
      // old for the features the program uses.
      fail('This browser has WebAssembly but would not compile LSTM Playground (' + err.message + '). ' +
        'WebAssembly may be restricted here, by a security mode or a policy, or the browser may be too old: ' +
        'allow WebAssembly for this site, or try a current Firefox, Chrome, Edge or Safari.');
      return;
    }
    fail('LSTM Playground could not start: ' + err.message + '. Reload the page to try again.');
  });
})();
