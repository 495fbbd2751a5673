// classroom.mjs — helpers of the classroom browser tests (issue 4:
// tests/e2e/classroom-*.test.mjs and a11y.test.mjs). The page is found by
// role and accessible name, as a person finds it; the engine is read through
// engine.mjs where a figure on the page is rounded.
import assert from 'node:assert/strict';
import { L } from './words.mjs';
import { request } from './engine.mjs';

export const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';

// open loads target in a new page of context, waits for the playground to
// start (Train shown, the loading screen gone) and collects console problems.
export async function open(context, target = url, { viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watch(page);
  await page.goto(target);
  await started(page);
  return { page, problems };
}

// watch collects a page's console errors and warnings, uncaught errors and
// dialogs (dismissed).
export function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss().catch(() => {}); });
  return problems;
}

// started waits until the playground has started on page: the Train button
// (or, on a teacher link that hides it, the page's main area) is shown and the
// loading screen is gone.
export async function started(page, timeout = 60000) {
  await page.locator('#app:not([hidden])').waitFor({ state: 'attached', timeout });
  await page.waitForFunction(() => !document.getElementById('boot') || document.getElementById('boot').hidden, null, { timeout });
}

// button returns the button named exactly name (English, said in the test's
// language: words.mjs).
export function button(page, name) {
  return page.getByRole('button', { name: L(name), exact: true });
}

// stat reads a number from the top bar (an <output> named by its label, role
// "status"), reading "6,640", "0.0123" and "33.1k" alike. label is English,
// said in the test's language.
export async function stat(page, label) {
  const text = (await page.getByRole('status', { name: L(label), exact: true }).textContent()).trim();
  const m = text.replace(/,/g, '').match(/^(-?[0-9.]+(?:e[-+]?[0-9]+)?)\s*([kM]?)/i);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1);
}

// statText reads a top bar figure as shown.
export async function statText(page, label) {
  return (await page.getByRole('status', { name: L(label), exact: true }).textContent()).trim();
}

// pollUntil calls what() every `every` ms until pred holds of its value, and
// returns that value; it throws, with the last value, after timeout ms.
export async function pollUntil(page, what, pred, timeout = 30000, every = 100) {
  const end = Date.now() + timeout;
  let v;
  while (Date.now() < end) {
    v = await what();
    if (pred(v)) return v;
    await page.waitForTimeout(every);
  }
  throw new Error(`condition not met within ${timeout} ms (last: ${JSON.stringify(v)})`);
}

// waitStat polls a top bar figure until pred holds, and returns it.
export async function waitStat(page, label, pred, timeout = 30000) {
  return pollUntil(page, () => stat(page, label), pred, timeout)
    .catch((e) => { throw new Error(`${label}: ${e.message}`); });
}

// settled waits until the update count holds still for a quarter second (the
// engine may finish an update in flight) and returns it.
export async function settled(page) {
  let n = await stat(page, 'Update');
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const m = await stat(page, 'Update');
    if (m === n) return n;
    n = m;
  }
  throw new Error('the update count kept moving');
}

// pause presses Pause and waits until the update count holds still; it
// returns the count.
export async function pause(page) {
  await button(page, 'Pause').click();
  await button(page, 'Train').waitFor({ timeout: 5000 });
  return settled(page);
}

// divergingRun picks the sine preset and settings under which training
// diverges within a few updates: the plain RNN, SGD, learning rate 1, no
// clipping (an LSTM from the default start, orthogonal U and forget-gate
// bias 0, may as well learn the wave at these settings, depending on the
// update the settings reach the engine at).
export async function divergingRun(page) {
  await page.getByRole('combobox', { name: L('Preset') }).selectOption({ label: L('Sine wave (numbers)') });
  await waitStat(page, 'Update', (u) => u === 0);
  await page.getByRole('combobox', { name: L('Cell') }).selectOption({ label: 'RNN' });
  await waitStat(page, 'Update', (u) => u === 0);
  await page.getByRole('combobox', { name: L('Optimizer') }).selectOption({ label: 'SGD' });
  for (const [field, value] of [['Learning rate', '1'], ['Gradient clip', '0']]) {
    const box = page.getByRole('spinbutton', { name: L(field), exact: true });
    await box.fill(value);
    await box.press('Tab');
  }
  await page.waitForTimeout(300);
}

// trainTo presses Train, waits for at least n updates and pauses; it
// returns the update count it stopped at.
export async function trainTo(page, n, timeout = 60000) {
  await button(page, 'Train').click();
  await waitStat(page, 'Update', (u) => u >= n, timeout);
  return pause(page);
}

// description returns an element's accessible description: the text of the
// elements its aria-describedby names (what a screen reader reads after the
// name; a chart's note).
export async function description(locator) {
  return locator.evaluate((e) => (e.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ').trim());
}

// alertMatching waits for a visible alert whose text matches re and returns
// its text.
export async function alertMatching(page, re, timeout = 15000) {
  const a = page.getByRole('alert').filter({ hasText: re }).first();
  await a.waitFor({ state: 'visible', timeout });
  return (await a.textContent()).trim();
}

// settings reads the values of the setting controls, by their labels.
export async function settings(page) {
  const out = {};
  for (const name of ['Hidden units', 'Learning rate', 'Sequence length', 'Gradient clip', 'Seed', 'Forget-gate bias']) {
    out[name] = await page.getByRole('spinbutton', { name: L(name), exact: true }).inputValue();
  }
  for (const name of ['Cell', 'Optimizer', 'Layers', 'Preset']) {
    out[name] = await page.getByRole('combobox', { name: L(name), exact: true }).inputValue();
  }
  out['Training text'] = await page.getByRole('textbox', { name: L('Training text'), exact: true }).inputValue();
  return out;
}

// download clicks the button named name and returns the downloaded file's
// suggested name and bytes.
export async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), button(page, name).click()]);
  const stream = await dl.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: dl.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

// linkFromPage presses "Link to this setup" and returns the link the page
// shows in its Share link field.
export async function linkFromPage(page) {
  const field = page.getByRole('textbox', { name: L('Share link'), exact: true });
  const before = (await field.count()) > 0 && (await field.isVisible()) ? await field.inputValue() : '';
  await button(page, 'Link to this setup').click();
  await field.waitFor({ state: 'visible', timeout: 10000 });
  let link = await field.inputValue();
  for (let i = 0; i < 50 && (link === '' || link === before); i++) {
    await page.waitForTimeout(100);
    link = await field.inputValue();
  }
  assert.match(link, /#v=1&/, 'the Share link field holds a link');
  return link;
}

// parseCSV reads RFC 4180 CSV (as encoding/csv writes it) into rows of fields.
export function parseCSV(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

// until evaluates the asynchronous check in page every 250 ms until it
// returns true, for at most timeout ms, and fails naming what it waited for.
// (waitForFunction takes the promise an async function returns as a true
// value at once: it does not wait for it.)
export async function until(page, check, what, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(check) === true) return;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}`);
    await page.waitForTimeout(250);
  }
}

// buildKept waits until the service worker controls page and has kept a
// whole build in its cache (build.json goes in last).
export async function buildKept(page) {
  await until(page, async () => {
    if (!navigator.serviceWorker.controller) return false;
    for (const k of await caches.keys()) {
      if (k.startsWith('lstm-playground-') && await (await caches.open(k)).match('build.json')) return true;
    }
    return false;
  }, 'the service worker to keep a whole build');
}

// engineName starts a second engine from the page's compiled module (and
// kernels) and returns the name its first message, Ready, gives: "LP",
// version 1, type 64, then the name (u32 length + UTF-8).
export async function engineName(page) {
  return page.evaluate(async () => {
    const { worker, early } = globalThis.lstmPlayground.startWorker();
    for (let i = 0; i < 200 && early.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    worker.terminate();
    if (early.length === 0) return 'no Ready message';
    const b = new Uint8Array(early[0].buffer || early[0]);
    if (b[0] !== 76 || b[1] !== 80 || b[3] !== 64) return 'not a Ready message';
    const n = b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24);
    return new TextDecoder().decode(b.subarray(8, 8 + n));
  });
}

// sessionSummary describes each saved session (savedSessions), for a
// failure's message: its tab id, when it was saved (ms since 1970) and its
// model's update count, as session.go's record format lays them out (a
// version, seven length-prefixed strings from Tab to Prime, Saved, the model
// file, then the update count).
export async function sessionSummary(p) {
  return (await savedSessions(p)).map(summarize);
}

// summarize reads one saved session's record (sessionSummary).
function summarize(b) {
  try {
    let off = 4;
    const tabLen = b.readUInt32LE(off);
    const tab = b.subarray(off + 4, off + 4 + tabLen).toString();
    for (let i = 0; i < 7; i++) off += 4 + b.readUInt32LE(off);
    const saved = Number(b.readBigUInt64LE(off));
    off += 8;
    off += 4 + b.readUInt32LE(off);
    return { tab, saved, updates: Number(b.readBigUInt64LE(off)), bytes: b.length };
  } catch (e) {
    return { bytes: b.length, unread: e.message };
  }
}

// savedSessions returns the records of the sessions saved in this browser.
export async function savedSessions(p) {
  const b64 = await p.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('lstm-playground');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('sessions')) { db.close(); resolve([]); return; }
      const all = db.transaction('sessions').objectStore('sessions').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result.map((v) => {
          const u = new Uint8Array(v.buffer || v);
          let s = '';
          for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
          return btoa(s);
        }));
      };
      all.onerror = () => reject(all.error);
    };
  }));
  return b64.map((s) => Buffer.from(s, 'base64'));
}

// waitSaved waits until a session saved since page p was loaded holds the
// engine's model as it is now (bit for bit). Since: the same setup trains to
// the same model in every page, so a session an earlier page saved can hold
// it too (a fresh model after one update, say), and is not this page's save.
export async function waitSaved(p, timeout = 20000) {
  const model = await request(p, 'file');
  const loaded = await p.evaluate(() => performance.timeOrigin);
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if ((await savedSessions(p)).some((r) => r.indexOf(model) >= 0 && summarize(r).saved >= loaded)) return model;
    await p.waitForTimeout(200);
  }
  throw new Error('the session was not saved with the current model since the page was loaded');
}
