// share.mjs — the browser scenario of sharing a trained model through the
// share service (/api/): train, press "Share trained model", open the link in
// a fresh browser (a new profile, so nothing comes from the first one's saved
// session) and find the same model. Used by tests/e2e/share.test.mjs (the
// native server) and tests/worker/worker.test.mjs (the Workers runtime).
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { open, stat, waitStat, settled } from './classroom.mjs';

const updates = (page) => stat(page, 'Update');
const waitUpdates = (page, pred, timeout) => waitStat(page, 'Update', pred, timeout);

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
    const trained = await settled(page);

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
