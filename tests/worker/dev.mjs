// Helpers of the Worker tests (tests/worker/*.test.mjs): run the Worker of
// ./build.sh worker in wrangler dev (workerd) on a free loopback port with a
// local KV namespace kept in a folder, and check JSON error answers.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const config = join(root, 'cf', 'wrangler.jsonc');
// wranglerEnv is the environment of every wrangler this runs.
export const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// startDev runs wrangler dev with its KV namespace in the folder persist on
// a free loopback port, and resolves when it is ready, with the time that took.
export async function startDev(persist) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(join(root, 'node_modules', '.bin', 'wrangler'), [
    'dev', '-c', config, '--ip', '127.0.0.1', '--port', String(port),
    '--show-interactive-dev-session=false', '--persist-to', persist, '--log-level', 'warn',
  ], { cwd: root, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const base = `http://127.0.0.1:${port}/`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev was not ready within 60 s:\n${out}`)), 60000);
    const poll = async () => {
      try {
        const res = await fetch(base + 'api/');
        if (res.ok) { clearTimeout(timer); resolve(); return; }
      } catch { /* not listening yet */ }
      if (child.exitCode !== null) { clearTimeout(timer); reject(new Error(`wrangler dev exited with ${child.exitCode}:\n${out}`)); return; }
      setTimeout(poll, 100);
    };
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    poll();
  });
  return { child, base, readyMs: performance.now() - t0, output: () => out };
}

// stopDev stops the wrangler dev d (from startDev).
export async function stopDev(d) {
  if (!d || d.child.exitCode !== null) return;
  // wrangler ends its workerd processes when it gets SIGTERM.
  const exited = new Promise((resolve) => d.child.once('exit', resolve));
  d.child.kill('SIGTERM');
  const t = setTimeout(() => d.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

// wrangler runs the wrangler command args (on the local KV of the folder
// persist) and resolves with its standard output.
export async function wrangler(args) {
  const child = spawn(join(root, 'node_modules', '.bin', 'wrangler'), args,
    { cwd: root, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, `wrangler ${args.join(' ')}: ${out}${err}`);
  return out;
}

// jsonError checks an error answer: status, JSON with an English sentence
// matching pattern and a stable code (code, if given); it returns the body.
export async function jsonError(res, status, pattern, code) {
  assert.equal(res.status, status, `status ${res.status}, want ${status}`);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
  const body = await res.json();
  assert.equal(typeof body.error, 'string');
  assert.match(body.code, /^[a-z_]+$/, `code ${body.code}`);
  if (pattern) assert.match(body.error, pattern);
  if (code) assert.equal(body.code, code, body.error);
  return body;
}

// crc32 is the CRC-32 (IEEE) of b.
function crc32(b) {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

// variant returns model with its update count set to n (bytes 80–87) and
// its CRC-32 made right: another valid model file.
export function variant(model, n) {
  const b = Buffer.from(model);
  b.writeBigUInt64LE(BigInt(n), 80);
  b.writeUInt32LE(crc32(b.subarray(0, b.length - 4)), b.length - 4);
  return b;
}
