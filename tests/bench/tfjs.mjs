// tfjs.mjs — TensorFlow.js 4.22.0 on the char-lstm workload in Node, one run,
// one JSON line on stdout:
//
//   node tests/bench/tfjs.mjs --backend cpu|wasm --hidden 64|128 --batch 1|16
//
// The wasm backend is XNNPACK's SIMD build, single-threaded (the backend turns
// threads off under Node). Protocol settings come from BENCH_* (common.mjs).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { vocabOf, encode, settings, workloadName, line } from './common.mjs';
import { readCorpus, args } from './cli.mjs';
import { trainTfjs } from './tfjs-peer.mjs';

const a = args();
const backend = a.backend || 'cpu';
const H = Number(a.hidden || 64);
const B = Number(a.batch || 1);

const require = createRequire(import.meta.url);
// TF.js greets Node users on the console; the harness's only stdout is its JSON line.
const log = console.log;
console.log = (...m) => console.error(...m);
const tf = require('@tensorflow/tfjs');
if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
await tf.ready();

const text = readCorpus();
const vocab = vocabOf(text);
const result = await trainTfjs(tf, {
  ids: encode(text, vocab), V: vocab.length, H, B,
  settings: settings(process.env), now: () => performance.now(),
});
let simd = null;
if (backend === 'wasm') simd = tf.env().getAsync ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : null;
log(line({
  peer: `tfjs-${backend}`, runtime: 'node', workload: workloadName(H), batch: B, ...result,
  version: tf.version.tfjs, backend: tf.getBackend(), simd,
}));
