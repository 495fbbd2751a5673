// boot.js — loads LSTM Playground: checks what the browser can do, reads the
// build manifest, compiles the WebAssembly module once, starts the engine
// worker with it and runs the same module on this page as the UI. No logic of
// the playground lives here. It also chooses the language of its messages
// and of <html lang>, by the page's rule (see chooseLang).
'use strict';
(function () {
  const status = document.getElementById('boot-status');
  const bar = document.getElementById('boot-progress');

  // MESSAGES are boot.js's words and the page's title and description, in
  // each language of the catalogue (wasm/words), by the same keys;
  // {1} is a value. TestBootMessages (wasm/words) checks that both have
  // every key and that the Chinese has no untranslated English.
  const MESSAGES = {
    'en': {
      title: 'LSTM Playground',
      description: 'Train a tiny LSTM or RNN in your browser and watch its cell state, hidden state and gates, step by step.',
      loading: 'Loading…',
      progress: 'Loading progress',
      engine: 'Loading the model engine…',
      starting: 'Starting…',
      notLoaded: 'could not load {1}',
      wasmOff: 'LSTM Playground needs WebAssembly, which is switched off here: every current browser has it, but a setting, ' +
        'a security mode that turns off JavaScript optimisation (such as Safari\'s Lockdown Mode) or a policy of whoever ' +
        'manages this computer can switch it off. Allow WebAssembly for this site, or open the page where it is on.',
      wasmPartial: 'LSTM Playground needs WebAssembly, which this browser offers only in part. Try a current Firefox, Chrome, Edge or Safari.',
      noWorkers: 'LSTM Playground needs Web Workers, which this browser does not offer. Try a current Firefox, Chrome, Edge or Safari.',
      wasmRefused: 'This browser has WebAssembly but would not compile LSTM Playground ({1}). ' +
        'WebAssembly may be restricted here, by a security mode or a policy, or the browser may be too old: ' +
        'allow WebAssembly for this site, or try a current Firefox, Chrome, Edge or Safari.',
      failed: 'LSTM Playground could not start: {1}. Reload the page to try again.',
      stopped: 'LSTM Playground stopped. Reload the page to start it again.',
    },
    'zh-CN': {
      title: 'LSTM 游乐场',
      description: '在浏览器里训练一个小小的 LSTM 或 RNN，一步一步地观察它的细胞状态、隐藏状态和各个门。',
      loading: '正在加载…',
      progress: '加载进度',
      engine: '正在加载模型引擎…',
      starting: '正在启动…',
      notLoaded: '无法加载 {1}',
      wasmOff: 'LSTM 游乐场需要 WebAssembly，但它在这里被关闭了：现在的浏览器都支持它，' +
        '但浏览器设置、关闭 JavaScript 优化的安全模式（例如 Safari 的锁定模式）或管理这台电脑的机构的策略都可能把它关闭。' +
        '请为本网站允许 WebAssembly，或在开启了它的地方打开本页。',
      wasmPartial: 'LSTM 游乐场需要 WebAssembly，而这个浏览器只支持其中一部分。请使用最新版的 Firefox、Chrome、Edge 或 Safari。',
      noWorkers: 'LSTM 游乐场需要 Web Worker，而这个浏览器不支持。请使用最新版的 Firefox、Chrome、Edge 或 Safari。',
      wasmRefused: '这个浏览器有 WebAssembly，但它不肯编译 LSTM 游乐场（{1}）。' +
        'WebAssembly 可能被安全模式或策略限制了，也可能是浏览器太旧：' +
        '请为本网站允许 WebAssembly，或使用最新版的 Firefox、Chrome、Edge 或 Safari。',
      failed: 'LSTM 游乐场无法启动：{1}。请刷新页面重试。',
      stopped: 'LSTM 游乐场已停止运行。请刷新页面重新启动。',
    },
  };

  // chooseLang returns the tag of the page's language, by wasm/words'
  // Choose and LinkLang: lang= in the link (the first lang= pair of the
  // hash, then of the query, that names a language: lang=en, lang=zh-CN, any
  // case), then the choice the page remembers in
  // localStorage under 'lstm-playground-lang' (words.StorageKey), then the
  // first of navigator.languages the catalogue has (every zh-* and cmn-* is
  // Chinese, every en-* English), then English.
  function chooseLang() {
    function tagOf(v) {
      const low = typeof v === 'string' ? v.trim().toLowerCase() : '';
      return Object.keys(MESSAGES).find(function (t) { return t.toLowerCase() === low; }) || '';
    }
    function linkLang(s) {
      for (const pair of s.replace(/^[#?]+/, '').split('&')) {
        const i = pair.indexOf('=');
        try {
          if (i > 0 && decodeURIComponent(pair.slice(0, i).replace(/\+/g, ' ')).trim().toLowerCase() === 'lang') {
            return tagOf(decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' ')));
          }
        } catch (e) { /* broken percent-encoding: not a choice */ }
      }
      return '';
    }
    let remembered = '';
    try { remembered = tagOf(localStorage.getItem('lstm-playground-lang')); } catch (e) { /* storage off */ }
    const link = linkLang(location.hash) || linkLang(location.search);
    if (link || remembered) return link || remembered;
    const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (const t of prefs) {
      const primary = String(t).trim().split(/[-_]/)[0].toLowerCase();
      if (primary === 'zh' || primary === 'cmn') return 'zh-CN';
      if (primary === 'en') return 'en';
    }
    return 'en';
  }
  const lang = chooseLang();
  // say returns the message key with {1} replaced by value (a function, so
  // that a '$' in value is not a replacement pattern).
  function say(key, value) { return MESSAGES[lang][key].replace('{1}', function () { return String(value); }); }

  document.documentElement.lang = lang;
  document.title = say('title');
  const description = document.querySelector('meta[name="description"]');
  if (description) description.setAttribute('content', say('description'));
  const heading = document.querySelector('#boot h1');
  if (heading) heading.textContent = say('title');
  if (status) status.textContent = say('loading');
  if (bar) bar.setAttribute('aria-label', say('progress'));

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
    fail(say('wasmOff'));
    return;
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail(say('wasmPartial'));
    return;
  }
  if (typeof Worker !== 'function') {
    fail(say('noWorkers'));
    return;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(say('notLoaded', src))); };
      document.head.appendChild(s);
    });
  }

  // compileWasm downloads and compiles the module at once (compileStreaming:
  // the browser compiles the bytes as they come, off this thread) and shows
  // the download on the progress bar, read from a copy of the response
  // (clone) at most a few dozen times. A static host that serves .wasm as
  // something else gets the bytes compiled when they are all there.
  async function compileWasm(url, size) {
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(say('notLoaded', url + ' (HTTP ' + resp.status + ')'));
    if (size && bar && resp.body && typeof resp.clone === 'function') {
      const reader = resp.clone().body.getReader();
      let got = 0, shown = 0;
      const step = size / 40;
      (function read() {
        reader.read().then(function (r) {
          if (r.done) return;
          got += r.value.length;
          if (got - shown >= step) {
            shown = got;
            bar.value = Math.min(got / size, 1);
          }
          read();
        }).catch(function () {});
      })();
    }
    const typed = (resp.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm';
    try {
      if (typed && typeof WebAssembly.compileStreaming === 'function') {
        return await WebAssembly.compileStreaming(resp);
      }
      return await WebAssembly.compile(await resp.arrayBuffer());
    } catch (err) {
      if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.RuntimeError || err instanceof RangeError) {
        err.wasmRefused = true;
      }
      throw err;
    }
  }

  // loadWords fetches the catalogue file of the language tag that build.json
  // names (build.words, written by tools/wordsjson): its text, or '' if there
  // is none or it did not come (offline and never kept).
  function loadWords(build, tag) {
    const file = build.words && build.words[tag];
    if (typeof file !== 'string') return Promise.resolve('');
    return fetch(file)
      .then(function (r) { return r.ok ? r.text() : ''; })
      .catch(function () { return ''; });
  }

  // buildTree builds a piece of the page from the instructions the UI writes
  // (wasm/ui/markup's Ops: each is a code and its fields, every one followed
  // by a NUL): elements, their attributes and texts in one call, where one
  // call from Go per element and attribute cost a tenth of a second. It
  // returns the root, then the elements the UI asked for (@). No string
  // reaches the browser's HTML parser.
  function buildTree(ops) {
    const f = ops.split('\0');
    const out = [];
    let cur = null, last = null;
    for (let i = 0; i < f.length - 1;) {
      switch (f[i++]) {
        case '<': {
          const e = document.createElement(f[i++]);
          if (cur) cur.append(e); else out.push(e);
          cur = last = e;
          break;
        }
        case '>': cur = cur.parentNode; break;
        case '=': cur.setAttribute(f[i], f[i + 1]); i += 2; break;
        case '#': last = document.createTextNode(f[i++]); cur.append(last); break;
        // What Relabel needs to write it in another language: its English
        // and the translation it shows (wasm/ui/browser's mark).
        case '~': last['lpEn' + f[i]] = f[i + 1]; last['lpTr' + f[i]] = f[i + 2]; i += 3; break;
        case '@': out.push(cur); break;
        default: throw new Error('buildTree: an unknown instruction ' + f[i - 1]);
      }
    }
    return out;
  }

  async function boot() {
    const resp = await fetch('build.json', { cache: 'no-cache' });
    if (!resp.ok) throw new Error(say('notLoaded', 'build.json (HTTP ' + resp.status + ')'));
    const build = await resp.json();
    // prepare starts an engine worker: it loads its scripts (wasm_exec.js,
    // kernel.js) at once and waits for the program (run, below). The page's
    // engine is prepared before the program has compiled: a worker's start
    // needs this thread too, which the page's own Go program holds for a
    // long while once it runs (the engine then said Ready some 100 ms later).
    // It keeps what the worker says before the UI listens (its Ready can come
    // first) in early; the UI takes these over and replaces this handler.
    // worker.js's own news (its beacon, or that the engine's Go program
    // ended) comes on a port of its own, news, kept the same way in
    // newsEarly, so that the protocol's messages stay bytes only.
    function prepare() {
      const w = new Worker('worker.js?v=' + encodeURIComponent(build.hash));
      const early = [];
      const newsEarly = [];
      w.onmessage = function (e) { early.push(e.data); };
      const channel = new MessageChannel();
      channel.port1.onmessage = function (e) { newsEarly.push(e.data); };
      w.postMessage({ news: channel.port2, wasmExec: build.wasmExec }, [channel.port2]);
      return { worker: w, early: early, news: channel.port1, newsEarly: newsEarly };
    }
    const first = prepare();
    if (status) status.textContent = say('engine');
    // The program downloads and compiles while the scripts load: it needs
    // none of them until it starts.
    const moduleLoad = compileWasm(build.wasm, build.wasmSize);
    moduleLoad.catch(function () {}); // its error is taken below, after the scripts'
    // The catalogue of a language other than English is a file of its own
    // (loadWords): only a page in that language fetches it, beside the
    // program, and the UI installs it before it draws (wasm/words' Install).
    // Without it ('') the page starts in English.
    const wordsLoad = loadWords(build, lang);
    let module, kernel;
    try {
      await Promise.all([loadScript(build.wasmExec), loadScript('kernel.js')]);
      // The SIMD kernels load beside the program (module null where they
      // cannot); the FMA build where relaxed SIMD is there and the address
      // has no ?kernels=exact (kernel.js).
      const kernelLoad = globalThis.lstmKernel.choose(build, location.search);
      module = await moduleLoad;
      kernel = await kernelLoad;
    } catch (err) {
      first.worker.terminate(); // no program to give it
      throw err;
    }
    if (status) status.textContent = say('starting');
    const start = { module: module, kernel: kernel.module, kernelFMA: kernel.fma };
    // run gives a prepared worker the program; spawn prepares one and runs it.
    function run(r) { r.worker.postMessage(start); return r; }
    function spawn() { return run(prepare()); }
    run(first);
    const go = new Go();
    // The UI does not train: it gets the kernel imports without the kernels.
    globalThis.lstmKernel.imports(go.importObject);
    const instance = await WebAssembly.instantiate(module, go.importObject);
    const words = await wordsLoad;
    // The UI (Go) picks the worker up from here.
    // startWorker starts another engine from the same compiled module (for a
    // side-by-side comparison, or to replace a worker that died); its early
    // messages are kept the same way.
    globalThis.lstmPlayground = {
      worker: first.worker,
      build: build,
      lang: lang, // the language boot.js chose (a tag of words.Langs)
      words: words, // its catalogue file's text, '' for English or if it did not come
      // loadWords(tag) gives the text of another language's catalogue file
      // (a switch to it), '' if it did not come.
      loadWords: function (tag) { return loadWords(build, tag); },
      tree: buildTree,
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
    // Offline use: sw.js keeps the site once it has loaded (http and https
    // only; a page opened from a file has no service worker). Its install
    // fetches and stores the whole site, work that would compete with the
    // page's start: the UI calls shown once the page is on screen, and the
    // service worker is registered when the browser is next idle. idle (the
    // UI's, optional) is called then too: the UI has its engine warm up.
    let shown = false;
    globalThis.lstmPlayground.shown = function (idle) {
      if (shown) return;
      shown = true;
      const later = function () {
        if ((location.protocol === 'http:' || location.protocol === 'https:') && 'serviceWorker' in navigator) {
          navigator.serviceWorker.register('sw.js', { scope: './' }).catch(function () {});
        }
        if (typeof idle === 'function') idle();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(later, { timeout: 2000 });
      else setTimeout(later, 500);
    };
    go.run(instance).then(function () {
      fail(say('stopped'));
    });
  }

  boot().catch(function (err) {
    if (err && err.wasmRefused) {
      // WebAssembly is there but would not compile the program: restricted
      // (some security modes keep the object and refuse to compile) or too
      // old for the features the program uses.
      fail(say('wasmRefused', err.message));
      return;
    }
    fail(say('failed', err.message));
  });
})();
