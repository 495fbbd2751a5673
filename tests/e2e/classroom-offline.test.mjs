// Works offline once loaded (issue 4, "Reach every student"): after one
// visit, the service worker (static/sw.js) has kept the site, so that with
// the browser offline a reload, and a new tab, start the playground and it
// trains.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, button, waitStat, started, watch, buildKept, engineName } from './classroom.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('after one visit, the playground starts and trains offline: on reload and in a new tab', async () => {
  const { page, problems } = await open(context, url);
  // The service worker has kept a whole build (build.json goes in last) and
  // controls the page.
  await buildKept(page);
  assert.deepEqual(problems, []);
  // Of the kernels' two builds it keeps the one the page takes, FMA in
  // Chromium, and not the other, which a first visit never fetches.
  const kernels = await page.evaluate(async () => {
    const build = await (await fetch('build.json')).json();
    for (const k of await caches.keys()) {
      const cache = await caches.open(k);
      if (await cache.match('build.json')) return { fma: !!(await cache.match(build.kernelFMA)), exact: !!(await cache.match(build.kernel)) };
    }
    return {};
  });
  assert.deepEqual(kernels, { fma: true, exact: false }, 'the kept kernels');

  await context.setOffline(true);
  try {
    // Offline indeed: the share service, which the service worker never
    // answers, cannot be reached.
    const api = await page.evaluate(async () => { try { await fetch('api/', { cache: 'no-store' }); return 'reached'; } catch { return 'unreachable'; } });
    assert.equal(api, 'unreachable', 'the network is off');

    const problems2 = watch(page);
    await page.reload();
    await started(page);
    // The kernels' build the page takes was kept: Chromium has relaxed SIMD.
    assert.match(await engineName(page), /\(SIMD kernels, FMA\)$/, 'the engine has its kernels offline');
    await button(page, 'Train').click();
    await waitStat(page, 'Update', (n) => n >= 30, 30000);
    await button(page, 'Pause').click();
    assert.deepEqual(problems2.filter((p) => !/api\//.test(p)), [], 'no errors offline');

    const tab = await context.newPage();
    const problems3 = watch(tab);
    await tab.goto(url + '#v=1&preset=counting');
    await started(tab);
    assert.equal(await tab.getByRole('combobox', { name: 'Preset' }).inputValue(), '2', 'a link opens offline too');
    await button(tab, 'One update').click();
    await waitStat(tab, 'Update', (n) => n === 1, 15000);
    assert.deepEqual(problems3.filter((p) => !/api\//.test(p)), []);
  } finally {
    await context.setOffline(false);
  }
});
