// Starting without WebAssembly (issue 16): a browser where WebAssembly is
// switched off (a setting, a JIT-less security mode, a policy: the global is
// gone) is told that it is switched off, not that the browser lacks it; a
// browser whose WebAssembly is there but refuses to compile is told that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// bootMessage opens the page with init run before any of its scripts and
// returns the boot status once it is an error.
async function bootMessage(init) {
  const page = await context.newPage();
  await page.addInitScript(init);
  await page.goto(url);
  const status = page.locator('#boot-status.boot-error');
  await status.waitFor({ timeout: 20000 });
  const text = (await status.textContent()).trim();
  const train = await page.getByRole('button', { name: 'Train', exact: true }).count();
  await page.close();
  return { text, train };
}

test('WebAssembly switched off: the message says so and does not blame the browser', async () => {
  const { text, train } = await bootMessage(() => { delete globalThis.WebAssembly; });
  assert.match(text, /needs WebAssembly, which is switched off here/);
  assert.match(text, /Allow WebAssembly for this site/);
  assert.doesNotMatch(text, /this browser does not offer|Try a current/, 'no blame on the browser');
  assert.equal(train, 0, 'the playground did not start');
});

test('WebAssembly present but refusing to compile: the message says that', async () => {
  const { text } = await bootMessage(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('compiling is disabled by a test'));
    WebAssembly.compileStreaming = refuse;
    WebAssembly.compile = refuse;
  });
  assert.match(text, /has WebAssembly but would not compile LSTM Playground \(compiling is disabled by a test\)/);
  assert.match(text, /restricted here/);
});

// appOf opens the page (in zh-CN when lang says so, for the translations'
// marks) with init run first and returns #app as it is when first shown,
// before any frame has painted it.
async function appOf(init, lang) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.addInitScript(() => {
    const walk = (n) => {
      if (n.nodeType === 3) return { t: n.data, en: n.lpEn, tr: n.lpTr };
      if (n.nodeType !== 1) return null;
      const marks = {};
      for (const k of Object.keys(n)) if (/^lp(En|Tr)/.test(k)) marks[k] = n[k];
      return { tag: n.tagName, attrs: [...n.attributes].map((a) => a.name + '=' + a.value), marks, kids: [...n.childNodes].map(walk) };
    };
    new MutationObserver((_, obs) => {
      const app = document.getElementById('app');
      if (!app || app.hidden) return;
      globalThis.appShown = { tree: typeof globalThis.lstmPlayground.tree, app: walk(app) };
      obs.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.goto(url + (lang ? '#lang=' + lang : ''));
  await page.waitForFunction(() => globalThis.appShown !== undefined, null, { timeout: 30000 });
  const out = await page.evaluate(() => globalThis.appShown);
  await page.close();
  return out;
}

test('a boot.js older than the program (no tree builder) gets the same page, built one element at a time', async () => {
  // A static host may keep an older boot.js in the browser's cache for some
  // minutes after a deploy: it has no lstmPlayground.tree.
  const older = () => {
    let pg;
    Object.defineProperty(globalThis, 'lstmPlayground', {
      configurable: true,
      get() { return pg; },
      set(v) { if (v) delete v.tree; pg = v; },
    });
  };
  for (const lang of ['', 'zh-CN']) {
    const now = await appOf(null, lang);
    const old = await appOf(older, lang);
    assert.equal(now.tree, 'function');
    assert.equal(old.tree, 'undefined');
    assert.ok(JSON.stringify(now.app).length > 50000, 'the page was built');
    assert.deepEqual(old.app, now.app, `the same page ${lang || 'en'}`);
  }
});
