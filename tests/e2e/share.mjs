// share.mjs — the browser scenario of sharing a trained model through the
// share service (/api/): train, press "Share trained model", open the link in
// a fresh browser (a new profile, so nothing comes from the first one's saved
// session) and find the same model. Used by tests/e2e/share.test.mjs (the
// native server) and tests/worker/worker.test.mjs (the Workers runtime).
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

// open loads url in context and collects console problems.
async function open(context, target) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(target);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 60000 });
  return { page, problems };
}

// updates reads the top bar's Update stat (an <output>, role "status"),
// reading "6,640" and "33.1k" alike.
async function updates(page) {
  const text = (await page.getByRole('status', { name: 'Update', exact: true }).textContent()).trim();
  const m = text.replace(/,/g, '').match(/^([0-9.]+)\s*([kM]?)/);
  return m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1) : NaN;
}

// waitUpdates polls the Update stat until pred holds.
async function waitUpdates(page, pred, timeout) {
  const end = Date.now() + timeout;
  let n;
  while (Date.now() < end) {
    n = await updates(page);
    if (pred(n)) return n;
    await page.waitForTimeout(100);
  }
  throw new Error(`Update = ${n}: condition not met within ${timeout} ms`);
}

// shareLink reads the link the page shows after sharing: a field or a link
// labelled "Share link".
async function shareLink(page) {
  const el = page.getByLabel('Share link').first();
  await el.waitFor({ timeout: 10000 });
  const tag = await el.evaluate((e) => e.tagName);
  if (tag === 'INPUT' || tag === 'TEXTAREA') return el.inputValue();
  if (tag === 'A') return el.evaluate((e) => e.href);
  return (await el.textContent()).trim();
}

// shareRoundTrip runs the scenario against the site at url; t is the node:test
// context, used to skip when the page has no share button yet.
export async function shareRoundTrip(t, url) {
  const first = await launch();
  let second;
  try {
    const { page, problems } = await open(first, url);
    const share = page.getByRole('button', { name: 'Share trained model' });
    if (await share.count() === 0) {
      const info = await page.evaluate(async () => { try { return await (await fetch('api/')).json(); } catch { return null; } });
      assert.equal(info?.share, true, 'this server offers the share service (GET /api/)');
      t.skip('the page has no "Share trained model" button yet');
      return;
    }

    await page.getByRole('textbox', { name: 'Training text' }).fill('abcabcabcabd abcabcabcabd '.repeat(8));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitUpdates(page, (n) => n >= 40, 30000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 5000 });
    // The engine may finish an update in flight after Pause: wait until the
    // count holds still.
    let trained = await updates(page);
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(250);
      const n = await updates(page);
      if (n === trained) break;
      trained = n;
    }

    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/models'));
    await share.click();
    const res = await posted;
    assert.equal(res.status(), 201, await res.text());
    const uploaded = res.request().postDataBuffer();
    const { id } = await res.json();
    assert.match(id, /^[a-z2-7]{26}$/);
    const link = await shareLink(page);
    assert.ok(link.includes(id), `the share link ${link} names the model ${id}`);

    // Shared again unchanged: the service answers 200 with the same id (an
    // identical file is stored once), and the page links to it as before.
    const again = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/models'));
    await share.click();
    const res2 = await again;
    assert.equal(res2.status(), 200, await res2.text());
    assert.equal((await res2.json()).id, id);
    await page.waitForTimeout(200);
    const link2 = await shareLink(page);
    assert.ok(link2.includes(id) && !link2.includes('model='), `the second share link ${link2} names the model ${id}`);
    assert.deepEqual(problems, []);

    // A fresh browser, with an empty profile: the model can only come from the server.
    second = await launch();
    const got = second.waitForEvent('response', { predicate: (r) => new URL(r.url()).pathname.endsWith('/api/models/' + id), timeout: 30000 });
    const opened = await open(second, new URL(link, url).href);
    const download = await got;
    assert.equal(download.status(), 200);
    assert.ok((await download.body()).equals(uploaded), 'the page downloaded the bytes that were shared');
    await waitUpdates(opened.page, (n) => n === trained, 10000);
    assert.deepEqual(opened.problems, []);

    // A link to a model that does not exist says so, and changes nothing (the
    // browser logs the 404 itself, so console errors are expected here).
    const missing = link.replace(id, 'a'.repeat(26));
    const bad = await open(second, new URL(missing, url).href);
    await assert.doesNotReject(bad.page.getByRole('alert').filter({ hasText: /no model/i }).first().waitFor({ timeout: 10000 }));
    assert.equal(await updates(bad.page), 0, 'nothing was loaded');
  } finally {
    await first.close();
    await second?.close();
  }
}
