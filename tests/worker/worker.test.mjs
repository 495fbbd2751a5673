// The Cloudflare Worker build (./build.sh worker → build/worker/) run locally in
// the real Workers runtime: wrangler dev (workerd) on 127.0.0.1, with a local
// KV namespace in a temporary folder. It checks that the page and its assets
// are served with their types and headers, that the page boots in Chromium,
// and that models round-trip through /api/models — and survive a restart of
// the runtime. Run by ./build.sh test; alone: ./build.sh worker && node --test tests/worker/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../e2e/browser.mjs';
import { shareRoundTrip } from '../e2e/share.mjs';
import { root, config, startDev as startDevIn, stopDev, wrangler, jsonError, variant } from './dev.mjs';

const persist = mkdtempSync(join(tmpdir(), 'lstm-pg-kv-'));
const tiny = readFileSync(join(root, 'lstm', 'testdata', 'tiny.model'));
const tinyNumbers = readFileSync(join(root, 'lstm', 'testdata', 'tiny-numbers.model'));
const octet = { 'Content-Type': 'application/octet-stream' };

let dev; // the running wrangler dev: { child, base }
const startDev = () => startDevIn(persist);

// If this process ends early, wrangler goes with it.
process.on('exit', () => { if (dev && dev.child.exitCode === null) dev.child.kill('SIGTERM'); });

before(async () => {
  for (const f of ['build/worker/worker.mjs', 'build/worker/app.wasm', 'build/worker/assets/index.html', 'build/worker/assets/_headers']) {
    assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh worker first`);
  }
  dev = await startDev();
  console.log(`# wrangler dev ready in ${(dev.readyMs / 1000).toFixed(2)} s (first /api/ answered)`);
});

after(async () => {
  await stopDev(dev);
  rmSync(persist, { recursive: true, force: true });
});

async function upload(body, headers = octet) {
  return fetch(dev.base + 'api/models', { method: 'POST', body, headers });
}

function del(id, token) {
  const headers = token === undefined ? {} : { Authorization: 'Bearer ' + token };
  return fetch(dev.base + 'api/models/' + id, { method: 'DELETE', headers });
}

test('the page and its assets are served with their types and headers', async () => {
  const res = await fetch(dev.base);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.match(await res.text(), /<title>LSTM Playground<\/title>/);
  const csp = res.headers.get('content-security-policy') || '';
  for (const want of ["script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", 'frame-ancestors', "object-src 'none'"]) {
    assert.ok(csp.includes(want), `CSP ${csp} lacks ${want}`);
  }
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');

  const manifest = await (await fetch(dev.base + 'build.json')).json();
  const wasm = await fetch(dev.base + manifest.wasm, { method: 'HEAD' });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.ok(wasm.headers.get('content-security-policy'), 'security headers on every asset');
  assert.match((await fetch(dev.base + 'index.html', { redirect: 'manual' })).status.toString(), /^(200|30[78])$/);

  const missing = await fetch(dev.base + 'no-such-file.js');
  await jsonError(missing, 404);
});

test('the page boots in Chromium, served by the Workers runtime', async () => {
  const context = await launch();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    const t0 = performance.now();
    await page.goto(dev.base);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await page.waitForFunction(() => !document.getElementById('boot') || document.getElementById('boot').hidden, null, { timeout: 30000 });
    console.log(`# page booted through wrangler dev in ${Math.round(performance.now() - t0)} ms`);
    assert.deepEqual(problems, []);
    const info = await page.evaluate(async () => (await fetch('api/')).json());
    assert.equal(info.share, true, 'the page sees the share service');
  } finally {
    await context.close();
  }
});

test('GET /api/ reports the share service', async () => {
  const res = await fetch(dev.base + 'api/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  const info = await res.json();
  assert.equal(info.share, true);
  assert.equal(info.maxModelBytes, 4 << 20);
  assert.equal(info.formatVersion, 1);
  assert.equal(info.delete, true);
  assert.equal(info.expiry.unreadDays, 90);
  assert.match(info.expiry.text, /90 days/);
  // The Worker counts uploads and deletions per address (in KV); reads are
  // left to Cloudflare's rate limiting rules.
  assert.deepEqual(info.limits, { uploads: { limit: 60, windowSeconds: 600 } });
  assert.equal(info.maxStorageBytes, undefined);
});

const stored = new Map(); // id → bytes, for the restart test

test('models round-trip through /api/models in KV', async () => {
  for (const model of [tiny, tinyNumbers]) {
    const t0 = performance.now();
    const res = await upload(model);
    const upMs = performance.now() - t0;
    assert.equal(res.status, 201, await res.clone().text());
    const { id, url, bytes, deleteToken } = await res.json();
    assert.match(id, /^[a-z2-7]{26}$/);
    assert.match(deleteToken, /^[a-z2-7]{26}$/);
    assert.equal(url, 'api/models/' + id);
    assert.equal(bytes, model.length);
    assert.equal(res.headers.get('location'), '/api/models/' + id);

    const t1 = performance.now();
    const get = await fetch(dev.base + url);
    const body = Buffer.from(await get.arrayBuffer());
    const downMs = performance.now() - t1;
    assert.equal(get.status, 200);
    assert.ok(body.equals(model), 'the model reads back byte-identical');
    assert.equal(get.headers.get('content-type'), 'application/octet-stream');
    assert.equal(get.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(get.headers.get('content-disposition'), `attachment; filename="${id}.lstm"`);
    assert.match(get.headers.get('content-security-policy'), /default-src 'none'/);
    stored.set(id, model);
    console.log(`# ${model.length}-byte model: upload ${upMs.toFixed(0)} ms, download ${downMs.toFixed(0)} ms`);
  }
  // Concurrent uploads of different models each get their own id.
  const models = Array.from({ length: 8 }, (_, i) => variant(tiny, 1000 + i));
  const results = await Promise.all(models.map((m) => upload(m).then((r) => r.json())));
  const ids = new Set(results.map((r) => r.id));
  assert.equal(ids.size, 8);
  results.forEach((r, i) => stored.set(r.id, models[i]));
});

test('an identical upload gets the same id; only the uploader\'s token deletes it', async () => {
  const model = variant(tiny, 2001);
  const first = await upload(model);
  assert.equal(first.status, 201);
  const a = await first.json();
  const second = await upload(model);
  assert.equal(second.status, 200, 'the same file again: 200, not a new model');
  const b = await second.json();
  assert.deepEqual(b, { id: a.id, url: a.url, bytes: model.length, existing: true }, 'the same id, and no delete token');
  const other = await (await upload(variant(tiny, 2002))).json();

  await jsonError(await del(a.id), 403, /delete token/, 'token_required');
  await jsonError(await del(a.id, other.deleteToken), 403, /not the model's delete token/, 'wrong_token');
  await jsonError(await del(a.id, a.id), 403, null, 'wrong_token');
  await jsonError(await del('not-an-id', a.deleteToken), 400, /not a model id/, 'bad_id');
  await jsonError(await del('a'.repeat(26), a.deleteToken), 404, /no model/, 'no_model');
  assert.equal((await fetch(dev.base + a.url)).status, 200, 'refused deletions delete nothing');

  const ok = await del(a.id, a.deleteToken);
  assert.equal(ok.status, 204);
  assert.equal((await ok.arrayBuffer()).byteLength, 0);
  await jsonError(await fetch(dev.base + a.url), 404, /no model/, 'no_model');
  await jsonError(await del(a.id, a.deleteToken), 404, null, 'no_model');
  const get = await fetch(dev.base + other.url);
  assert.ok(Buffer.from(await get.arrayBuffer()).equals(variant(tiny, 2002)), 'the other model is still there');
  stored.set(other.id, variant(tiny, 2002));

  // Uploaded again after its deletion, the file is a new model.
  const again = await upload(model);
  assert.equal(again.status, 201);
  const c = await again.json();
  assert.notEqual(c.id, a.id);
  assert.match(c.deleteToken, /^[a-z2-7]{26}$/);
  stored.set(c.id, model);
});

test('bad requests get clear JSON errors and store nothing', async () => {
  await jsonError(await upload(tiny, { 'Content-Type': 'text/plain' }), 415, /application\/octet-stream/, 'unsupported_type');
  await jsonError(await upload(new Uint8Array(5 << 20)), 413, /4 MiB/, 'too_large');
  await jsonError(await upload(tiny.subarray(0, tiny.length - 10)), 400, /truncated/, 'bad_model');
  await jsonError(await upload(new TextEncoder().encode('<script>alert(1)</script>')), 400, /not an LSTM Playground model file/, 'bad_model');
  await jsonError(await upload(new Uint8Array(0)), 400, /empty/, 'empty');
  await jsonError(await fetch(dev.base + 'api/models/' + 'a'.repeat(26)), 404, /no model/, 'no_model');
  await jsonError(await fetch(dev.base + 'api/models/not-an-id'), 400, /not a model id/, 'bad_id');
  const put = await fetch(dev.base + 'api/models', { method: 'PUT', body: tiny, headers: octet });
  await jsonError(put, 405, null, 'method_not_allowed');
  assert.equal(put.headers.get('allow'), 'POST');
  await jsonError(await fetch(dev.base + 'api/nothing'), 404, null, 'not_found');
});

test('train, share, open the link in a fresh browser: the same model, through KV', (t) => shareRoundTrip(t, dev.base));

test('uploads past the limit get 429 with Retry-After and a code; other addresses are not counted', async () => {
  // The local runtime passes CF-Connecting-IP on as the client's address,
  // as Cloudflare sets it. One model over and over: identical uploads count too.
  const from = (ip) => ({ ...octet, 'CF-Connecting-IP': ip });
  const model = variant(tiny, 3001);
  let refused;
  for (let i = 0; i < 61 && !refused; i++) {
    const res = await upload(model, from('203.0.113.77'));
    if (res.status === 429) refused = { i, res };
    else assert.ok(res.status === 201 || res.status === 200, `upload ${i}: ${res.status}`);
  }
  assert.ok(refused, 'no 429 after 61 uploads from one address');
  assert.equal(refused.i, 60, 'the 61st upload is the first refused');
  const body = await jsonError(refused.res, 429, /60 every 10 minutes/, 'rate_limited');
  const after = Number(refused.res.headers.get('retry-after'));
  assert.ok(after >= 1 && after <= 600, `Retry-After ${after}`);
  assert.equal(body.retryAfter, after);
  // A deletion counts as an upload too; another address is not counted.
  await jsonError(await fetch(dev.base + 'api/models/' + 'a'.repeat(26), { method: 'DELETE', headers: { 'CF-Connecting-IP': '203.0.113.77', Authorization: 'Bearer x' } }), 429, null, 'rate_limited');
  const other = await upload(model, from('203.0.113.78'));
  assert.equal(other.status, 200);
  // Reads are not limited by the Worker.
  const { id } = await other.json();
  stored.set(id, model);
  assert.equal((await fetch(dev.base + 'api/models/' + id, { headers: { 'CF-Connecting-IP': '203.0.113.77' } })).status, 200);
});

// putLegacy writes a model into the local KV as the share service stored it
// before delete tokens and expiry: plain base64 under model:<id>.
async function putLegacy(id, model) {
  await wrangler(['kv', 'key', 'put', 'model:' + id, model.toString('base64'), '--binding', 'MODELS', '--local', '--persist-to', persist, '-c', config]);
}

test('stored models survive a restart of the runtime; a model stored before tokens and expiry still reads', async () => {
  await stopDev(dev);
  const legacyId = 'legacy' + 'a'.repeat(20);
  const legacy = variant(tinyNumbers, 4001);
  await putLegacy(legacyId, legacy);
  dev = await startDev();
  // Its first read rewrites it with a header and an expiry; the second reads that.
  for (const i of [1, 2]) {
    const res = await fetch(dev.base + 'api/models/' + legacyId);
    assert.equal(res.status, 200, `the old model, read ${i}`);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(legacy), `the old model reads back byte-identical (read ${i})`);
  }
  await jsonError(await del(legacyId, 'a'.repeat(26)), 403, /before delete tokens/, 'not_deletable');
  // The rewrite gave it a content key: the same file uploaded again is it.
  const again = await upload(legacy);
  assert.equal(again.status, 200);
  assert.equal((await again.json()).id, legacyId);
  console.log(`# restarted: ready again in ${(dev.readyMs / 1000).toFixed(2)} s`);
  assert.ok(stored.size >= 2);
  for (const [id, model] of stored) {
    const res = await fetch(dev.base + 'api/models/' + id);
    assert.equal(res.status, 200, `model ${id} after the restart`);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(model), `model ${id} reads back byte-identical`);
  }
});
