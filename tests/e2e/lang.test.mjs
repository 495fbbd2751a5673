// The language of the boot screen (issue 12): boot.js chooses it by the
// page's rule (wasm/words: Choose) — lang= in the link or the query, then
// the choice remembered in localStorage, then navigator.languages — and sets
// <html lang>, the title, the description and its messages; the page then
// shows itself in that language and marks #app with it (zh.test.mjs scans it).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axeSerious returns axe-core's serious and critical violations on page (its
// source evaluated through the driver: the CSP allows no inline script).
async function axeSerious(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
const contexts = [];
after(async () => { for (const c of contexts) await c.close(); });

// open loads path in a browser whose languages are locale's, with
// localStorage's remembered language set to remembered (unless null) and
// WebAssembly removed (so that the boot screen stays, with its message), and
// returns what boot.js set.
async function open(locale, path, remembered, axe = false) {
  const context = await launch({ context: { locale } });
  contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript((r) => {
    if (r !== null) localStorage.setItem('lstm-playground-lang', r);
    delete globalThis.WebAssembly;
  }, remembered);
  await page.goto(new URL(path, url).href);
  await page.locator('#boot-status.boot-error').waitFor({ timeout: 20000 });
  const got = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    description: document.querySelector('meta[name="description"]').content,
    heading: document.querySelector('#boot h1').textContent,
    status: document.getElementById('boot-status').textContent,
    progress: document.getElementById('boot-progress').getAttribute('aria-label'),
    languages: navigator.languages,
  }));
  if (axe) got.axe = await axeSerious(page);
  await page.close();
  return got;
}

const zh = { lang: 'zh-CN', title: 'LSTM 游乐场', status: /^LSTM 游乐场需要 WebAssembly，但它在这里被关闭了/ };
const en = { lang: 'en', title: 'LSTM Playground', status: /^LSTM Playground needs WebAssembly, which is switched off here/ };

function check(got, want, why) {
  assert.equal(got.lang, want.lang, `${why}: <html lang> (navigator.languages ${got.languages})`);
  assert.equal(got.title, want.title, why);
  assert.equal(got.heading, want.title, why);
  assert.match(got.status, want.status, why);
  if (want === zh) {
    assert.match(got.description, /细胞状态、隐藏状态/, why);
    assert.equal(got.progress, '加载进度', why);
  } else {
    assert.match(got.description, /cell state, hidden state/, why);
  }
}

for (const [locale, want] of [['zh-CN', zh], ['zh-SG', zh], ['zh-TW', zh], ['en-US', en], ['fr-FR', en]]) {
  test(`browser language ${locale}`, async () => {
    const got = await open(locale, './', null, locale === 'zh-CN');
    check(got, want, locale);
    if (got.axe) assert.deepEqual(got.axe, [], 'axe on the Chinese boot message');
  });
}

test('lang= in the link or the query wins over the browser', async () => {
  check(await open('en-US', './#v=1&lang=zh-CN&h=8', null), zh, 'link zh-CN, browser en-US');
  check(await open('zh-CN', './?lang=en', null), en, 'query en, browser zh-CN');
  check(await open('en-US', './#v=1&lang=ZH-cn', null), zh, 'a tag in another case');
  check(await open('zh-CN', './#v=1&lang=fr', null), zh, 'an unknown lang= is skipped');
});

test('a remembered choice wins over the browser, and lang= over both', async () => {
  check(await open('zh-CN', './', 'en'), en, 'remembered en, browser zh-CN');
  check(await open('en-US', './', 'zh-CN'), zh, 'remembered zh-CN, browser en-US');
  check(await open('en-US', './#v=1&lang=en', 'zh-CN'), en, 'link en, remembered zh-CN');
  check(await open('zh-CN', './', 'garbage'), zh, 'a damaged remembered value is skipped');
});

test('in Chinese the page starts in Chinese, #app marked zh-CN, at phone width', async () => {
  const context = await launch({ context: { locale: 'zh-CN' }, viewport: { width: 390, height: 844 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: '训练', exact: true }).waitFor({ timeout: 60000 });
  const got = await page.evaluate(() => ({
    html: document.documentElement.lang,
    app: document.getElementById('app').lang,
    title: document.title,
    wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  assert.deepEqual(got, { html: 'zh-CN', app: 'zh-CN', title: 'LSTM 游乐场', wide: 0 });
  assert.deepEqual(await axeSerious(page), [], 'axe on the page in zh-CN');
  await page.close();
});
