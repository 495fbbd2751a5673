// site.mjs — the Chromium bench site of the peers: assembles build/bench-site/
// (the pages of page/, the shared harness modules, TF.js's bundles and wasm files from
// node_modules, the corpus) and serves a folder on a free loopback port.
import { createServer } from 'node:http';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus } from './cli.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

// buildSite writes the peers' bench site into dir and returns dir.
export function buildSite(dir = join(root, 'build/bench-site')) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'page'), { recursive: true });
  mkdirSync(join(dir, 'tfjs'), { recursive: true });
  for (const f of ['common.mjs', 'tfjs-peer.mjs', 'handjs-peer.mjs']) cpSync(join(here, f), join(dir, f));
  for (const f of ['tfjs.html', 'tfjs.mjs', 'handjs.html', 'handjs.mjs', 'handjs-worker.mjs']) cpSync(join(here, 'page', f), join(dir, 'page', f));
  const nm = join(root, 'node_modules/@tensorflow');
  cpSync(join(nm, 'tfjs/dist/tf.min.js'), join(dir, 'tfjs/tf.min.js'));
  for (const f of ['tf-backend-wasm.min.js', 'tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    cpSync(join(nm, 'tfjs-backend-wasm/dist', f), join(dir, 'tfjs', f));
  }
  writeFileSync(join(dir, 'corpus.txt'), Buffer.from(readCorpus(), 'latin1'));
  return dir;
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=iso-8859-1', '.json': 'application/json',
};

// serve serves dir's files on 127.0.0.1 and resolves to { url, close }.
export function serve(dir) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    let body;
    try {
      if (!path.startsWith(base + sep) || !statSync(path).isFile()) throw new Error('not a file');
      body = readFileSync(path);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((done) => server.close(done)),
    }));
  });
}
