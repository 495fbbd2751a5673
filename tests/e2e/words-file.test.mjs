// The Chinese catalogue is a file of its own (issue 13, transfer size):
// app.wasm has only English compiled in (tag nozh), and build.json names
// words-zh-CN.<hash>.json, which only a page in Chinese fetches — boot.js
// beside app.wasm when it starts in Chinese, the page when a person
// switches to Chinese. A first visit in English never asks for it, not even
// through the service worker; a first visit in Chinese asks once, while the
// program downloads, and shows Chinese from the first paint. Offline, a
// browser that read Chinese keeps it; one that never did stays in English
// and says so.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, watch, started, waitStat, buildKept, until } from './classroom.mjs';

const contexts = [];
after(async () => { for (const c of contexts) await c.close(); });

const isWords = (u) => /\/words-zh-CN\.[0-9a-f]+\.json$/.test(new URL(u).pathname);
const missing = 'Chinese could not be loaded (are you offline?): the page stays in English. Try again when you are online.';

// fresh returns a new browser (its own profile: no cache, no service worker)
// whose language is locale, and every request made in it, the service
// worker's too: its address, whether the service worker made it, and how it
// failed ('' if it did not).
async function fresh(locale) {
  const context = await launch({ context: { locale } });
  contexts.push(context);
  const requests = [];
  const seen = new Map();
  context.on('request', (r) => {
    const q = { url: r.url(), sw: !!r.serviceWorker(), failed: '' };
    seen.set(r, q);
    requests.push(q);
  });
  context.on('requestfailed', (r) => { if (seen.has(r)) seen.get(r).failed = r.failure()?.errorText || 'failed'; });
  return { context, requests };
}

// kept waits until the service worker controls page and has kept a whole
// build (build.json goes in last), and returns the names that cache holds.
async function kept(page) {
  await buildKept(page);
  return page.evaluate(async () => {
    const out = [];
    for (const k of await caches.keys()) {
      for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname.split('/').pop());
    }
    return out;
  });
}

// firstPaint records, before the page's scripts run, the page's language
// and the Train button's name when #app is first shown.
function firstPaint(page) {
  return page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const app = document.getElementById('app');
      if (!app || app.hidden) return;
      const label = app.querySelector('.btn-train > :last-child'); // the Train button's label, beside its icon
      globalThis.firstShown = { lang: app.lang, train: label ? label.textContent.trim() : null };
      obs.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  });
}

const train = (page, name) => page.getByRole('button', { name, exact: true });

test('a first visit in English never requests the Chinese catalogue, nor does the service worker', async () => {
  const { context, requests } = await fresh('en-US');
  const page = await context.newPage();
  const problems = watch(page);
  await firstPaint(page);
  await page.goto(url);
  await started(page);
  await train(page, 'Train').waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.firstShown), { lang: 'en', train: 'Train' });
  const names = await kept(page);
  assert.ok(names.some((n) => /^app\.[0-9a-f]+\.wasm$/.test(n)), `the site is kept: ${names}`);
  assert.deepEqual(names.filter((n) => /^words-/.test(n)), [], 'the Chinese catalogue is not kept');
  // The service worker looks for it in the HTTP cache only (only-if-cached:
  // a page in Chinese fetched it there before the worker ran), which never
  // reaches the network: a cache miss, and nothing else.
  assert.deepEqual(requests.filter((r) => isWords(r.url) && !(r.sw && r.failed === 'net::ERR_CACHE_MISS')), [],
    'the Chinese catalogue was requested');
  const build = await page.evaluate(() => globalThis.lstmPlayground.build);
  assert.match(build.words['zh-CN'], /^words-zh-CN\.[0-9a-f]{12}\.json$/, 'build.json names the catalogue');
  assert.deepEqual(problems, []);
});

test('a first visit in Chinese requests the catalogue once, beside the program, and paints Chinese first; offline it stays Chinese', async () => {
  const { context, requests } = await fresh('zh-CN');
  const page = await context.newPage();
  const problems = watch(page);
  await firstPaint(page);
  await page.goto(url);
  await started(page);
  await train(page, '训练').waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.firstShown), { lang: 'zh-CN', train: '训练' }, 'the first paint is Chinese');
  const byPage = requests.filter((r) => isWords(r.url) && !r.sw);
  assert.equal(byPage.length, 1, `the page requested the catalogue ${byPage.length} times`);
  // In parallel with app.wasm: both start once build.json has come, and
  // the catalogue starts before the program has finished downloading.
  const t = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource');
    const one = (re) => e.filter((x) => re.test(new URL(x.name).pathname)).map((x) => ({ start: x.startTime, end: x.responseEnd }));
    return { build: one(/\/build\.json$/), wasm: one(/\/app\.[0-9a-f]+\.wasm$/), words: one(/\/words-zh-CN\.[0-9a-f]+\.json$/) };
  });
  assert.equal(t.words.length, 1, JSON.stringify(t));
  assert.equal(t.wasm.length, 1, JSON.stringify(t));
  assert.ok(t.words[0].start >= t.build[0].end, `the catalogue waits for build.json only: ${JSON.stringify(t)}`);
  assert.ok(t.words[0].start < t.wasm[0].end, `the catalogue starts while app.wasm downloads: ${JSON.stringify(t)}`);

  const names = await kept(page);
  assert.equal(names.filter((n) => /^words-zh-CN\./.test(n)).length, 1, `the service worker keeps the catalogue it saw: ${names}`);
  await context.setOffline(true);
  try {
    await page.reload();
    await started(page);
    await train(page, '训练').waitFor({ timeout: 30000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'offline, still Chinese');
    assert.ok(await page.getByText(missing).isHidden());
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(problems, []);
});

test('switching to Chinese fetches the catalogue; offline and never kept, the page stays in English, says so and works on', async () => {
  const { context, requests } = await fresh('en-US');
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(url);
  await started(page);
  await kept(page);
  const select = page.getByLabel('Language / 语言');
  await context.setOffline(true);
  try {
    await select.selectOption('zh-CN');
    await page.getByRole('alert').filter({ hasText: missing }).waitFor({ timeout: 15000 });
    assert.equal(await select.inputValue(), 'en', 'the switch shows English again');
    assert.ok(await select.isEnabled(), 'the switch is usable again');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await train(page, 'One update').click();
    await waitStat(page, 'Update', (n) => n === 1, 15000);
  } finally {
    await context.setOffline(false);
  }
  await select.selectOption('zh-CN');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 15000 });
  await train(page, '训练').waitFor();
  assert.ok(await page.getByText(missing).isHidden(), 'the alert is gone');
  assert.equal(requests.filter((r) => isWords(r.url) && !r.sw && r.failed === '').length, 1, 'one catalogue fetched');
  await select.selectOption('en');
  await train(page, 'Train').waitFor();
  await select.selectOption('zh-CN'); // installed: no second fetch
  await train(page, '训练').waitFor();
  assert.equal(requests.filter((r) => isWords(r.url) && !r.sw && r.failed === '').length, 1, 'one catalogue fetched');

  // The service worker kept what the page fetched: Chinese offline now.
  await until(page, async () => {
    for (const k of await caches.keys()) {
      for (const r of await (await caches.open(k)).keys()) if (/words-zh-CN\./.test(r.url)) return true;
    }
    return false;
  }, 'the service worker to keep the Chinese catalogue', 15000);
  await context.setOffline(true);
  try {
    await page.reload();
    await started(page);
    await train(page, '训练').waitFor({ timeout: 30000 });
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(problems.filter((p) => !/words-zh-CN|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
});
