// handjs.mjs — the Chromium bench page's script for the hand-written JavaScript
// LSTM (../handjs-peer.mjs): it reads and checks the corpus, then trains in a
// Web Worker (handjs-worker.mjs), as this project's engine trains in one. The
// query gives --hidden and the BENCH_* protocol settings; the result is left in
// globalThis.benchResult (or benchError) for tests/bench/chromium.mjs.
import { fetchCorpus, vocabOf, encode, settings } from '../common.mjs';

const q = Object.fromEntries(new URLSearchParams(location.search));
const status = document.getElementById('status');

try {
  const text = await fetchCorpus(new URL('../corpus.txt', location.href));
  const vocab = vocabOf(text);
  const ids = encode(text, vocab);
  const s = settings(q); // checked here, so that a bad setting fails on the page
  const worker = new Worker(new URL('handjs-worker.mjs', import.meta.url), { type: 'module' });
  const result = await new Promise((ok, fail) => {
    worker.onmessage = (e) => (e.data.error ? fail(new Error(e.data.error)) : ok(e.data.result));
    worker.onerror = (e) => fail(new Error('worker error: ' + (e.message || e)));
    worker.postMessage({ ids, V: vocab.length, H: Number(q.hidden || 64), settings: s }, [ids.buffer]);
  });
  worker.terminate();
  globalThis.benchResult = { ...result, worker: true };
  status.textContent = 'Done.';
} catch (e) {
  globalThis.benchError = String((e && e.stack) || e);
  status.textContent = globalThis.benchError;
}
