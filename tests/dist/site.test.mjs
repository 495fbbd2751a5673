// The release zip (./build.sh dist) as a teacher hosts it: unpacked under a
// sub-path of a plain static file server — not the project's Go server: no
// CSP or other headers, no compression, a type only for .html, .js, .css and
// .json, so .wasm goes out as application/octet-stream — then opened in
// Chromium and trained. Run by ./build.sh test, which makes the zip and sets
// DIST_ZIP; the page is found by role and label, as in tests/e2e.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';
import { open, button, stat, waitStat } from '../e2e/classroom.mjs';

const zip = process.env.DIST_ZIP;
const staticDir = fileURLToPath(new URL('../../static/', import.meta.url));
const folder = 'courses/ml'; // where the teacher unpacks the zip on the host
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

let root, server, base, context;
const served = []; // [path, Content-Type] of every request, in order

// plainServer serves the files under dir, and index.html for a path ending in /.
function plainServer(dir) {
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://host').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, normalize(path));
    let size = -1;
    try {
      const st = statSync(file);
      if (st.isFile()) size = st.size;
    } catch { /* not found */ }
    const type = size < 0 ? 'text/plain' : types[extname(file)] || 'application/octet-stream';
    served.push([new URL(req.url, 'http://host').pathname, type]);
    if (size < 0) { res.writeHead(404, { 'Content-Type': type }).end('not found'); return; }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size });
    createReadStream(file).pipe(res);
  });
}

function sha256(file) { return createHash('sha256').update(readFileSync(file)).digest('hex'); }

// files maps the name of each file directly in dir to its SHA-256.
function files(dir) {
  const out = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isFile()) out[e.name] = sha256(join(dir, e.name));
  return out;
}

before(async () => {
  assert.ok(zip, 'DIST_ZIP names the zip (./build.sh test sets it)');
  root = mkdtempSync(join(tmpdir(), 'lstm-pg-dist-'));
  mkdirSync(join(root, folder), { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', join(root, folder)]);
  server = plainServer(root);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/${folder}/lstm-playground/`;
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the zip holds the built site, Brotli copies included, and its SHA-256 checks', () => {
  assert.match(basename(zip), /^lstm-playground-site-[A-Za-z0-9._+-]+\.zip$/);
  execFileSync('sha256sum', ['--check', '--quiet', basename(zip) + '.sha256'], { cwd: dirname(zip) });
  assert.deepEqual(readdirSync(join(root, folder)), ['lstm-playground'], 'one folder at the top');
  const unpacked = files(join(root, folder, 'lstm-playground'));
  assert.deepEqual(unpacked, files(staticDir), 'the same files as static/, byte for byte');
  assert.ok(Object.keys(unpacked).some((f) => /^app\.[0-9a-f]+\.wasm\.br$/.test(f)), 'app.<hash>.wasm.br is there');
});

test('unpacked under a sub-path of a plain static server, it trains with no console errors', async () => {
  const { page, problems } = await open(context, base);
  assert.equal(await stat(page, 'Update'), 0);
  // The loss of the first update, against one 250 updates later (the
  // default start learns the rhyme within a few hundred updates, after which
  // one update's loss only wobbles).
  await button(page, 'One update').click();
  await waitStat(page, 'Update', (n) => n === 1);
  const early = await waitStat(page, 'Loss', Number.isFinite);
  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 251, 60000);
  const later = await stat(page, 'Loss');
  await button(page, 'Pause').click();
  assert.ok(later < early, `the loss fell: ${early} (update 1) → ${later} (update 251 or after)`);

  // The page asked for nothing outside its folder, got the WebAssembly with
  // the server's generic type, and never missed a file.
  const prefix = `/${folder}/lstm-playground/`;
  assert.deepEqual(served.map(([p]) => p).filter((p) => !p.startsWith(prefix)), [], 'requests outside the sub-path');
  const wasm = served.filter(([p]) => /\/app\.[0-9a-f]+\.wasm$/.test(p));
  assert.ok(wasm.length > 0, 'the page loaded app.<hash>.wasm');
  assert.deepEqual([...new Set(wasm.map(([, t]) => t))], ['application/octet-stream']);
  assert.deepEqual(served.filter(([, t]) => t === 'text/plain'), [], 'requests answered 404');
  assert.deepEqual(problems, []);
  await page.close();
});
