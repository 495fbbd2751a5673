// brain.mjs — brain.js 1.6.1's recurrent LSTM on the char-lstm workload in
// Node, one run, one JSON line on stdout:
//
//   node tests/bench/brain.mjs --hidden 64|128
//
// As in ../shared/bench/RESULTS.md: brain.js takes neither a target sequence
// nor a carried state, so each update is net.trainPattern on the 31 characters
// at the window's start p; brain.js adds a START and an END step, which makes
// the 32 time steps of a window, from a zero state. Its input is a learned
// embedding row (same shapes as one-hot), its output has V+1 classes (END), and
// its optimizer is its own RMSProp-like step (lr 0.01, decay 0.999, clip 5,
// L2 1e-6): it has neither Adam nor batches. Its loss is the per-step log2
// perplexity it reports, turned into nats per step over all 32 steps.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { T, LR, vocabOf, encode, settings, workloadName, line, Streams, Meter } from './common.mjs';
import { readCorpus, args } from './cli.mjs';

const a = args();
const H = Number(a.hidden || 64);
const require = createRequire(import.meta.url);
const brain = require('brain.js');
const version = require('brain.js/package.json').version;

const text = readCorpus();
const vocab = vocabOf(text);
const V = vocab.length;
const ids = Array.from(encode(text, vocab));

const net = new brain.recurrent.LSTM({ hiddenLayers: [H], inputSize: V, inputRange: V, outputSize: V });
net.updateTrainingOptions({ learningRate: LR });
net.initialize();

const n = T - 1; // characters per pattern: START + 31 + END = 32 steps
const streams = new Streams(ids, 1);
const meter = new Meter(settings(process.env), 1);
meter.start(performance.now());
while (!meter.done()) {
  const { p } = streams.next();
  const err = net.trainPattern(ids.slice(p, p + n), true);
  // trainInput returns 2^(Σ −log2 p / (n−1)) / 100 over the n+1 = 32 steps.
  const log2sum = Math.log2(err * 100) * (n - 1);
  meter.record(performance.now(), (log2sum * Math.LN2) / (n + 1));
}
const s = meter.result();
// Each update is 32 time steps at batch 1, as for the other peers.
console.log(line({ peer: 'brain.js', runtime: 'node', workload: workloadName(H), batch: 1, ...s, version }));
