// handjs.mjs — the Chromium bench page's script for the hand-written JavaScript
// LSTM (../handjs-peer.mjs): it reads and checks the corpus, then trains in a
// Web Worker (handjs-worker.mjs), as this project's engine trains in one. The
// query gives --hidden and the BENCH_* protocol settings; the result is left in
// globalThis.benchResult (or benchError) for tests/bench/chromium.mjs.
import { CORPUS_CHARS, CORPUS_SHA256, vocabOf, encode, settings } from '../common.mjs';

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
  const text = await corpus();
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
