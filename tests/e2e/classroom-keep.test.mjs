// Keep and share (issue 4): a link the page makes reproduces its run in a
// fresh browser, and carries small trained models; a reload brings the
// session back (same update, loss, model and sample); a corrupt model file and
// a corrupt link each show an error and change nothing. (share.test.mjs
// covers the share service; determinism.test.mjs a hand-written link; the
// catalogue more bad files and bad link values.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { launch } from './browser.mjs';
import { installListener, request, snapshot } from './engine.mjs';
import {
  url, open, button, stat, statText, waitStat, pause, trainTo, alertMatching, settings, download, linkFromPage, waitSaved,
} from './classroom.mjs';

const N = 300; // updates compared between the two browsers

// The run: the person's own text and settings changed in the page, so that
// the link carries them all.
const text = 'ab(cd)ef ab(cd)ef ((ab)) [x] ab(cd)ef\n'.repeat(6);
const changes = [['Hidden units', '12'], ['Learning rate', '0.02'], ['Seed', '9'], ['Sequence length', '20']];

let first; // the first browser, whose session the later tests use
let page, problems, trained, link0, losses0;

before(async () => { first = await launch(); });
after(async () => { await first?.close(); });

async function setField(p, name, value) {
  const box = p.getByRole('spinbutton', { name, exact: true });
  await box.fill(value);
  await box.press('Tab');
}

// losses returns the float32 bits (hex) of the losses of updates 1 … n.
async function losses(p, n) {
  await p.waitForFunction((n) => globalThis.__lpLosses.length >= n, n, { timeout: 90000, polling: 100 });
  return p.evaluate((n) => {
    const l = globalThis.__lpLosses.slice(0, n);
    return Array.from(new Uint32Array(new Float32Array(l).buffer), (b) => b.toString(16).padStart(8, '0'));
  }, n);
}

// generate presses Generate and returns the text the model wrote.
async function generate(p) {
  const out = p.getByLabel('Generated text', { exact: true });
  await button(p, 'Generate').click();
  await p.getByText(/characters after the prime/).first().waitFor({ timeout: 15000 });
  return (await out.textContent()).trim();
}

// state is what must survive a reload and what a refused input must not change.
async function state(p) {
  return { update: await stat(p, 'Update'), loss: await statText(p, 'Loss'), settings: await settings(p), ...(await snapshot(p, 'ab(cd)')) };
}

test('a link made by the page reproduces the run in a fresh browser: the same settings and the same losses, bit for bit', async () => {
  ({ page, problems } = await open(first));
  await installListener(page);
  await page.getByRole('textbox', { name: 'Training text', exact: true }).fill(text);
  for (const [name, value] of changes) await setField(page, name, value);
  await page.waitForTimeout(600); // the text's debounce
  link0 = await linkFromPage(page);
  console.log(`# the page's link: ${link0.length} characters`);
  for (const [name, value] of changes) assert.equal(await page.getByRole('spinbutton', { name, exact: true }).inputValue(), value);

  trained = await trainTo(page, N);
  losses0 = await losses(page, N);
  assert.equal(await page.evaluate(() => globalThis.__lpResets), 0, 'the run was not reset on the way');

  const second = await launch();
  try {
    const other = await open(second, link0);
    await installListener(other.page);
    const s = await settings(other.page);
    assert.equal(s['Training text'], text, 'the training text came through the link');
    assert.equal(s.Preset, 'custom');
    for (const [name, value] of changes) assert.equal(s[name], value, name);
    assert.equal(await stat(other.page, 'Update'), 0, 'a fresh model');
    await trainTo(other.page, N);
    const got = await losses(other.page, N);
    const diff = got.findIndex((b, i) => b !== losses0[i]);
    assert.equal(diff, -1, diff < 0 ? '' : `update ${diff + 1}: loss bits ${losses0[diff]} here, ${got[diff]} in the first browser`);
    assert.deepEqual(other.problems, []);
  } finally {
    await second.close();
  }
});

test('a link with the trained weights opens the same model in a fresh browser: same update, model, trace and sample', async () => {
  assert.ok(page, 'the first test ran');
  const link = await linkFromPage(page);
  assert.match(link, /&model=/, 'a small model rides in the link');
  assert.match(await page.getByText(/these settings and the trained weights/).first().textContent(), new RegExp(`update ${trained.toLocaleString('en-US')}`));
  const mine = await snapshot(page, 'ab(cd)');
  const sample = await generate(page);

  const second = await launch();
  try {
    const other = await open(second, link);
    await waitStat(other.page, 'Update', (n) => n === trained, 15000);
    await other.page.getByText(/Loaded the link's model/).first().waitFor({ timeout: 10000 });
    assert.deepEqual(await snapshot(other.page, 'ab(cd)'), mine, 'the same model file and trace');
    assert.equal(await generate(other.page), sample, 'the same first sample');
    assert.deepEqual(other.problems, []);
  } finally {
    await second.close();
  }
});

test('a reload brings the session back: the same update, loss, settings, model and sample', async () => {
  assert.ok(page, 'the first test ran');
  await trainTo(page, trained + 50);
  await waitSaved(page);
  const before = await state(page);
  const sample = await generate(page);
  await page.reload();
  await button(page, 'Train').waitFor({ timeout: 60000 });
  await page.getByText(/Restored your session/).first().waitFor({ timeout: 15000 });
  await waitStat(page, 'Update', (n) => n === before.update, 15000);
  assert.deepEqual(await state(page), before, 'the session after the reload');
  assert.equal(await generate(page), sample, 'the same first sample at this update');
  assert.deepEqual(problems, []);
});

// rand is a small seeded generator, so that the "random" file is the same in
// every run.
function randomBytes(n, seed) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

// withUpdates returns a copy of the model file b with the update count n
// (bytes 80–87) and the checksum fixed, as a crafted file would have.
function withUpdates(b, n) {
  const out = Buffer.from(b);
  out.writeBigUInt64LE(n, 80);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

test('a corrupt model file shows an error and changes nothing', async (t) => {
  assert.ok(page, 'the first test ran');
  const saved = await download(page, 'Save model');
  assert.match(saved.name, /\.model$|\.lstm$/);
  assert.deepEqual(saved.bytes, await request(page, 'file'), 'Save model saves the engine\'s model');
  const input = page.getByLabel('Load model', { exact: true });
  for (const [name, bytes, reason] of [
    ['random bytes', randomBytes(4096, 12345), /not an LSTM Playground model file/],
    ['random bytes after a real header', Buffer.concat([saved.bytes.subarray(0, 16), randomBytes(saved.bytes.length - 16, 777)]), /invalid model file|corrupt/],
    ['a real file cut short', saved.bytes.subarray(0, Math.floor(saved.bytes.length * 0.6)), /truncated/],
    // A crafted update count with the checksum fixed hung or killed the page
    // (issue 16): the file format allows at most 2^53.
    ['an update count of 10^18', withUpdates(saved.bytes, 10n ** 18n), /at byte 80, the update count 1000000000000000000 is out of range: the limit is 9007199254740992/],
    ['an update count of 2^64-1', withUpdates(saved.bytes, 2n ** 64n - 1n), /the update count 18446744073709551615 is out of range/],
  ]) {
    await t.test(name, async () => {
      const before = await state(page);
      await input.setInputFiles({ name: 'model.lstm', mimeType: 'application/octet-stream', buffer: bytes });
      const msg = await alertMatching(page, new RegExp(`The model could not be loaded: .*${reason.source}.*The current model is unchanged`));
      console.log(`# Load model, ${name}: ${msg}`);
      await page.waitForTimeout(300);
      assert.deepEqual(await state(page), before, 'the update, loss, settings, model and trace');
    });
  }
  // The real file loads (the input was not broken by the refusals), and the
  // model is the same.
  const before = await state(page);
  await input.setInputFiles({ name: 'model.lstm', mimeType: 'application/octet-stream', buffer: saved.bytes });
  await page.getByText(/Loaded the model file/).first().waitFor({ timeout: 10000 });
  await page.getByRole('alert').filter({ hasText: /could not be loaded/ }).first().waitFor({ state: 'hidden', timeout: 5000 });
  assert.equal(await stat(page, 'Update'), before.update);
  assert.equal((await snapshot(page, 'ab(cd)')).model, before.model);
  assert.deepEqual(problems, []);
});

test('a corrupt link shows an error, starts with the page\'s own setup, and leaves the saved session as it was', async (t) => {
  assert.ok(page, 'the first test ran');
  const mine = await state(page);
  await waitSaved(page);
  const link = await linkFromPage(page);
  const at = link.indexOf('&model=') + '&model='.length;
  assert.ok(at > 10, 'the link carries the model');
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const defaults = await (async () => {
    const fresh = await launch();
    try { return await settings((await open(fresh)).page); } finally { await fresh.close(); }
  })();
  for (const [name, target, want] of [
    ['random bytes for the text', url + '#v=1&text=' + randomBytes(60, 99).toString('base64url'), /Training text \(text=…\) cannot be used/],
    ['the model cut short', link.slice(0, at + Math.floor((link.length - at) / 2)), /Model \(model=…\) cannot be used: .*cut short/],
    ['a character of the model changed', flip(link, at + Math.floor((link.length - at) / 2)), /Model \(model=…\) cannot be used/],
    ['hidden units "12x"', link0.replace(/&h=12&/, '&h=12x&'), /Hidden units \(h=12x\) cannot be used/],
  ]) {
    await t.test(name, async () => {
      const tab = await open(first, target);
      const msg = await alertMatching(tab.page, want);
      console.log(`# link, ${name}: ${msg}`);
      assert.equal(await stat(tab.page, 'Update'), 0, 'no model taken from the link');
      assert.match(msg, /The page starts with its own settings instead/);
      assert.deepEqual(await settings(tab.page), defaults, 'the page\'s own settings');
      // The session saved in this browser is offered, as it was.
      await tab.page.getByRole('region', { name: 'Saved session' }).getByText(new RegExp(`update ${mine.update.toLocaleString('en-US')}`)).waitFor({ timeout: 10000 });
      await tab.page.close();
    });
  }
  // The session is still there, whole: restored in a new tab.
  const tab = await open(first);
  await button(tab.page, 'Restore last session').click();
  await waitStat(tab.page, 'Update', (n) => n === mine.update, 15000);
  assert.deepEqual(await state(tab.page), mine, 'the restored session');
  assert.deepEqual(tab.problems, []);
  await tab.page.close();
});
