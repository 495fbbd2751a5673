// The class board (issue 14) in the Cloudflare Worker build, run locally in
// the real Workers runtime (wrangler dev, local KV in a temporary folder):
// every request runs in a fresh Go instance, so all a class is lives in KV.
// It checks a class's whole course (start, sends, a resend that replaces, the
// board, a model, a removal, the close), the teacher key, refused fields, a
// full class of 200, a burst of 30 sends at once from one address with none
// lost, and that every key of a class expires when the class does.
// Run by ./build.sh test; alone: ./build.sh worker && node --test tests/worker/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { root, config, startDev, stopDev, wrangler, jsonError, variant } from './dev.mjs';

const persist = mkdtempSync(join(tmpdir(), 'lstm-pg-class-kv-'));
// A model file and the setup (a share link's fragment) it fits.
const model = readFileSync(join(root, 'tests', 'worker', 'testdata', 'class.model'));
const setup = readFileSync(join(root, 'tests', 'worker', 'testdata', 'class.setup'), 'utf8').trim();

let dev;
process.on('exit', () => { if (dev && dev.child.exitCode === null) dev.child.kill('SIGTERM'); });

before(async () => {
  for (const f of ['build/worker/worker.mjs', 'build/worker/app.wasm']) {
    assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh worker first`);
  }
  dev = await startDev(persist);
});

after(async () => {
  await stopDev(dev);
  rmSync(persist, { recursive: true, force: true });
});

// api sends a request to the service: body (an object) as JSON, the
// teacher key key as a bearer token, from the client address ip.
function api(method, path, { body, key, ip = '198.51.100.1' } = {}) {
  const headers = { 'CF-Connecting-IP': ip };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key !== undefined) headers.Authorization = 'Bearer ' + key;
  return fetch(dev.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function ok(res, status) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return text ? JSON.parse(text) : null;
}

async function startClass(title, ip) {
  return ok(await api('POST', 'api/classes', { body: { title, setup }, ip }), 201);
}

// entry is a student's run.
function entry(nickname, { withModel = model, updates = 1, token } = {}) {
  const e = { nickname, setup, loss: [3.5, 2.25, 1.125], updates, sample: 'the <class> sends', unit: { layer: 0, index: 7 } };
  if (withModel) e.model = Buffer.from(withModel).toString('base64');
  if (token) e.token = token;
  return e;
}

const sendTo = (c, e, ip) => api('POST', `api/classes/${c.id}/entries`, { body: e, ip });
const board = async (c) => ok(await api('GET', `api/classes/${c.id}/board`, { key: c.teacherKey }), 200);

test('GET /api/ states the class board and its limits', async () => {
  const info = await ok(await api('GET', 'api/'), 200);
  const { text, ...limits } = info.classes;
  assert.deepEqual(limits, {
    maxEntries: 200, lifetimeDays: 30, maxTitleChars: 80, maxNicknameChars: 32, maxSetupChars: 32000,
    maxSampleChars: 2000, maxLossPoints: 500, maxModelBytes: 4 << 20, boardDelaySeconds: 60,
  });
  assert.match(text, /200/);
  assert.match(text, /30 days/);
});

test('a class: start, sends, a resend that replaces, the board, a model, a removal, the close', async () => {
  const c = await startClass('  Year 9 ', '198.51.100.2');
  assert.match(c.id, /^[a-z2-7]{26}$/);
  assert.match(c.teacherKey, /^[a-z2-7]{26}$/);
  assert.equal(c.title, 'Year 9');
  assert.equal(c.open, true);
  assert.equal(c.setup, setup);
  assert.equal(Date.parse(c.expires) - Date.parse(c.created), 30 * 24 * 3600 * 1000);
  const pub = await ok(await api('GET', `api/classes/${c.id}`), 200);
  const { teacherKey, ...public_ } = c;
  assert.ok(teacherKey);
  assert.deepEqual(pub, public_, 'the public class is the started one without its key');

  const ada = await ok(await sendTo(c, entry('Ada')), 201);
  assert.match(ada.token, /^[a-z2-7]{26}$/);
  assert.equal(ada.replaced, false);
  const changed = variant(model, 500);
  const again = await ok(await sendTo(c, entry('Ada L.', { withModel: changed, updates: 500, token: ada.token })), 200);
  assert.deepEqual(again, { entry: ada.entry, token: ada.token, replaced: true });
  // Two students may choose one nickname: two entries.
  const alan = await ok(await sendTo(c, entry('Alan', { withModel: null })), 201);
  const alan2 = await ok(await sendTo(c, entry('Alan', { withModel: null })), 201);
  assert.notEqual(alan.entry, alan2.entry);

  const b = await board(c);
  assert.equal(b.count, 3);
  assert.deepEqual(b.class, pub);
  const a = b.entries.find((e) => e.id === ada.entry);
  assert.equal(a.nickname, 'Ada L.');
  assert.equal(a.updates, 500);
  assert.equal(a.modelBytes, changed.length);
  assert.deepEqual(a.loss, [3.5, 2.25, 1.125]);
  assert.deepEqual(a.unit, { layer: 0, index: 7 });
  assert.equal(a.sample, 'the <class> sends');
  assert.equal(a.modelUrl, `api/classes/${c.id}/entries/${ada.entry}/model`);
  assert.equal(b.entries.find((e) => e.id === alan.entry).modelUrl, undefined);
  const m = await api('GET', a.modelUrl, { key: c.teacherKey });
  assert.equal(m.status, 200);
  assert.equal(m.headers.get('content-type'), 'application/octet-stream');
  assert.ok(Buffer.from(await m.arrayBuffer()).equals(changed), 'the resent model reads back byte-identical');

  assert.equal((await api('DELETE', `api/classes/${c.id}/entries/${alan.entry}`, { key: c.teacherKey })).status, 204);
  await jsonError(await api('DELETE', `api/classes/${c.id}/entries/${alan.entry}`, { key: c.teacherKey }), 404, null, 'no_entry');
  assert.deepEqual((await board(c)).entries.map((e) => e.id).sort(), [ada.entry, alan2.entry].sort());

  const closed = await ok(await api('POST', `api/classes/${c.id}/close`, { key: c.teacherKey }), 200);
  assert.equal(closed.open, false);
  await jsonError(await sendTo(c, entry('Late')), 409, /closed/, 'class_closed');
  await jsonError(await sendTo(c, entry('Ada', { token: ada.token })), 409, null, 'class_closed');
  assert.equal((await ok(await api('GET', `api/classes/${c.id}`), 200)).open, false);
  assert.equal((await board(c)).count, 2, 'the board stays after the close');
});

test('the board, a model, a removal and the close take the class\'s teacher key', async () => {
  const c = await startClass('Keys', '198.51.100.3');
  const other = await startClass('Other', '198.51.100.3');
  const e = await ok(await sendTo(c, entry('Ada'), '198.51.100.3'), 201);
  const routes = [['GET', `api/classes/${c.id}/board`], ['GET', `api/classes/${c.id}/entries/${e.entry}/model`],
    ['DELETE', `api/classes/${c.id}/entries/${e.entry}`], ['POST', `api/classes/${c.id}/close`]];
  for (const [method, path] of routes) {
    await jsonError(await api(method, path, { ip: '198.51.100.4' }), 403, /teacher key/, 'key_required');
    await jsonError(await api(method, path, { key: other.teacherKey, ip: '198.51.100.4' }), 403, /teacher key/, 'wrong_key');
    await jsonError(await api(method, path, { key: e.token, ip: '198.51.100.4' }), 403, null, 'wrong_key');
  }
  await jsonError(await api('GET', `api/classes/${'a'.repeat(26)}/board`, { key: c.teacherKey }), 404, null, 'no_class');
  await jsonError(await api('GET', 'api/classes/not-an-id'), 400, null, 'bad_id');
  const b = await board(c);
  assert.equal(b.count, 1, 'the refused removals removed nothing');
  assert.equal(b.class.open, true, 'the refused closes closed nothing');
});

test('refused sends: control characters or nothing visible in the nickname, oversized fields, a bad model; markup is text', async () => {
  const c = await startClass('Refusals', '198.51.100.5');
  const ip = '198.51.100.6';
  const cases = [
    [{ ...entry('   ') }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('\u200d\u3000') }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('Ada\u0007') }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('Ada\nL') }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('Ada\u202e') }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('x'.repeat(33)) }, 400, 'bad_nickname', 'nickname'],
    [{ ...entry('Ada'), loss: new Array(501).fill(1) }, 400, 'bad_run', 'loss'],
    [{ ...entry('Ada'), loss: [1, NaN] }, 400, 'bad_run', 'loss'], // JSON.stringify writes NaN as null
    [{ ...entry('Ada'), sample: 'a'.repeat(2001) }, 400, 'bad_run', 'sample'],
    [{ ...entry('Ada'), unit: { layer: 0, index: 8 } }, 400, 'bad_run', 'unit'],
    [{ ...entry('Ada'), setup: 'v=1&h=0' }, 400, 'bad_setup', 'setup'],
    [{ ...entry('Ada'), model: Buffer.from('<script>').toString('base64') }, 400, 'bad_model', 'model'],
    [{ ...entry('Ada'), model: model.subarray(0, 100).toString('base64') }, 400, 'bad_model', 'model'],
    [{ ...entry('Ada'), email: 'ada@example.org' }, 400, 'bad_json', undefined],
    [{ ...entry('Ada'), token: 'chosen-by-me' }, 400, 'bad_token', undefined],
  ];
  for (const [body, status, code, field] of cases) {
    const e = await jsonError(await sendTo(c, body, ip), status, null, code);
    assert.equal(e.field, field, `${code}: field`);
  }
  const big = await fetch(dev.base + `api/classes/${c.id}/entries`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip }, body: JSON.stringify({ nickname: 'x'.repeat(7 << 20) }),
  });
  await jsonError(big, 413, null, 'too_large');
  const form = await fetch(dev.base + `api/classes/${c.id}/entries`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip }, body: 'nickname=Ada',
  });
  await jsonError(form, 415, null, 'unsupported_type');
  await jsonError(await api('POST', 'api/classes', { body: { title: 'Class\u0007', setup }, ip }), 400, null, 'bad_title');
  assert.equal((await board(c)).count, 0, 'nothing refused was stored');
  // A nickname is any printable text: markup and quotes are kept as typed
  // (the page shows them as text only), by the page's rule (share.CleanName).
  const nick = "<img src=x onerror=alert(1)>'🦊";
  await ok(await sendTo(c, entry(nick), ip), 201);
  assert.deepEqual((await board(c)).entries.map((e) => e.nickname), [nick]);
});

// sendAll sends the entries es to c, n at a time, each from ip(i), and
// resolves with the answers' bodies, failing on any status but 201.
async function sendAll(c, es, n, ip) {
  const out = new Array(es.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < es.length) {
      const i = next++;
      out[i] = await ok(await sendTo(c, es[i], ip(i)), 201);
    }
  }));
  return out;
}

test('a full class: 200 entries, the next one refused; a resend still replaces', async () => {
  const c = await startClass('Full', '198.51.100.7');
  const es = Array.from({ length: 200 }, (_, i) => entry(`Student ${i}`, { withModel: null, updates: i }));
  // 40 students an address, within the 60 sends every 10 minutes.
  const t0 = performance.now();
  const sent = await sendAll(c, es, 8, (i) => `203.0.113.${10 + Math.floor(i / 40)}`);
  console.log(`# 200 sends, 8 at a time: ${Math.round(performance.now() - t0)} ms`);
  await jsonError(await sendTo(c, entry('Late', { withModel: null }), '203.0.113.20'), 409, /at most 200/, 'class_full');
  await ok(await sendTo(c, entry('Student 0', { withModel: null, updates: 9, token: sent[0].token }), '203.0.113.20'), 200);
  const t1 = performance.now();
  const b = await board(c);
  console.log(`# the board of 200 entries: ${Math.round(performance.now() - t1)} ms`);
  assert.equal(b.count, 200);
  assert.equal(new Set(b.entries.map((e) => e.id)).size, 200);
});

// newToken makes a student's token as the page should: 128 random bits in
// the id alphabet (lower-case base32, unpadded), before the first send, so
// that a retried first send replaces rather than adds an entry.
function newToken() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0n;
  for (const b of randomBytes(16)) bits = (bits << 8n) | BigInt(b);
  bits <<= 2n; // 128 bits in 26 five-bit letters: 2 bits of padding
  let out = '';
  for (let i = 25; i >= 0; i--) out += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
  return out;
}

// sendRetrying sends e as the page does: again after a 429 (its Retry-After),
// a 503 (the runtime restarted mid-request) or a failed connection, with
// back-off. It resolves with the answer's body and how many tries it took.
async function sendRetrying(c, e, ip) {
  for (let tries = 1; ; tries++) {
    let res;
    try {
      res = await sendTo(c, e, ip);
    } catch (err) {
      if (tries >= 8) throw err;
    }
    if (res && res.status !== 429 && res.status !== 503) return { body: await ok(res, res.status === 200 ? 200 : 201), tries };
    if (res) await res.arrayBuffer();
    assert.ok(tries < 8, `send ${e.nickname}: still ${res && res.status} after ${tries} tries`);
    const wait = res && res.status === 429 ? Number(res.headers.get('retry-after')) * 1000 : 100 * 2 ** tries;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

let burst; // the class of the burst, for the expiry test

test('a burst of 30 sends at once from one school address, each with a model: none lost', async () => {
  const c = await startClass('Burst', '198.51.100.8');
  const models = Array.from({ length: 30 }, (_, i) => variant(model, 1000 + i));
  const es = models.map((m, i) => entry(`S${i}`, { withModel: m, updates: 1000 + i, token: newToken() }));
  const t0 = performance.now();
  const sent = await Promise.all(es.map((e) => sendRetrying(c, e, '192.0.2.30')));
  const retried = sent.filter((s) => s.tries > 1).length;
  console.log(`# 30 sends at once: ${Math.round(performance.now() - t0)} ms; ${retried} sent again (503: the runtime restarted mid-request)`);
  if (retried) {
    const why = dev.output().split('\n').filter((l) => /memory|restart|exceed|limit/i.test(l));
    console.log(`# the runtime said: ${[...new Set(why)].slice(0, 3).join(' | ') || '(nothing)'}`);
  }
  const b = await board(c);
  assert.equal(b.count, 30, 'every send is on the board, once');
  for (const [i, { body: s }] of sent.entries()) {
    assert.equal(s.token, es[i].token, 'the page\'s own token is kept');
    const e = b.entries.find((x) => x.id === s.entry);
    assert.ok(e, `send ${i} is on the board`);
    assert.equal(e.updates, 1000 + i);
    const res = await api('GET', e.modelUrl, { key: c.teacherKey });
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(models[i]), `the model of send ${i} reads back byte-identical`);
  }
  burst = c;
});

test('every KV key of a class expires when the class does', async () => {
  assert.ok(burst, 'the burst test ran');
  await stopDev(dev); // (the local KV is read by another wrangler)
  const out = await wrangler(['kv', 'key', 'list', '--binding', 'MODELS', '--local', '--persist-to', persist, '-c', config, '--prefix', `class:${burst.id}`]);
  const keys = JSON.parse(out.slice(out.indexOf('['), out.lastIndexOf(']') + 1)); // (after wrangler's banner, if any)
  assert.equal(keys.length, 1 + 30 + 30, 'the class, 30 entries and their models');
  const expires = Date.parse(burst.expires) / 1000;
  for (const k of keys) assert.equal(k.expiration, expires, `${k.name} expires with its class`);
});
