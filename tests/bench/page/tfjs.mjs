// tfjs.mjs — the Chromium bench page's script: TensorFlow.js (global tf, from
// tf.min.js and tf-backend-wasm.min.js) trains the char-lstm workload on the
// page, as a site would run it. The query gives --hidden, --batch, the backend
// and the BENCH_* protocol settings; the result is left in
// globalThis.benchResult (or benchError) for tests/bench/chromium.mjs.
import { CORPUS_CHARS, CORPUS_SHA256, vocabOf, encode, settings } from '../common.mjs';
import { trainTfjs } from '../tfjs-peer.mjs';

const q = Object.fromEntries(new URLSearchParams(location.search));
const status = document.getElementById('status');

async function corpus() {
  const resp = await fetch('../corpus.txt');
  if (!resp.ok) throw new Error(`corpus.txt: HTTP ${resp.status}`);
  const bytes = new Uint8Array(await resp.arrayBuffer());
  const sum = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (bytes.length !== CORPUS_CHARS || sum !== CORPUS_SHA256) throw new Error(`corpus.txt is not the workload's corpus (SHA-256 ${sum})`);
  return new TextDecoder('latin1').decode(bytes);
}

try {
  const backend = q.backend || 'wasm';
  if (backend === 'wasm') tf.wasm.setWasmPaths(new URL('../tfjs/', location.href).href);
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
  await tf.ready();
  const text = await corpus();
  const vocab = vocabOf(text);
  const result = await trainTfjs(tf, {
    ids: encode(text, vocab), V: vocab.length, H: Number(q.hidden || 64), B: Number(q.batch || 1),
    settings: settings(q), now: () => performance.timeOrigin + performance.now(),
  });
  const env = tf.env();
  globalThis.benchResult = {
    ...result, version: tf.version.tfjs, backend: tf.getBackend(),
    simd: backend === 'wasm' ? await env.getAsync('WASM_HAS_SIMD_SUPPORT') : null,
    threads: backend === 'wasm' ? await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT') && crossOriginIsolated : null,
  };
  status.textContent = 'Done.';
} catch (e) {
  globalThis.benchError = String((e && e.stack) || e);
  status.textContent = globalThis.benchError;
}
