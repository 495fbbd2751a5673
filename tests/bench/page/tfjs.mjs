// tfjs.mjs — the Chromium bench page's script: TensorFlow.js (global tf, from
// tf.min.js and tf-backend-wasm.min.js) trains the char-lstm workload on the
// page, as a site would run it. The query gives --hidden, --batch, the backend
// and the BENCH_* protocol settings; the result is left in
// globalThis.benchResult (or benchError) for tests/bench/chromium.mjs.
import { fetchCorpus, vocabOf, encode, settings } from '../common.mjs';
import { trainTfjs } from '../tfjs-peer.mjs';

const q = Object.fromEntries(new URLSearchParams(location.search));
const status = document.getElementById('status');

try {
  const backend = q.backend || 'wasm';
  if (backend === 'wasm') tf.wasm.setWasmPaths(new URL('../tfjs/', location.href).href);
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
  await tf.ready();
  const text = await fetchCorpus(new URL('../corpus.txt', location.href));
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
