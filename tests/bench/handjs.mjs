// handjs.mjs — the hand-written JavaScript LSTM (handjs-peer.mjs) on the
// char-lstm workload in Node. One run, one JSON line on stdout:
//
//   node tests/bench/handjs.mjs --hidden 64|128
//   node tests/bench/handjs.mjs --check 1     (its gradient against finite differences)
import { performance } from 'node:perf_hooks';
import { T, vocabOf, encode, settings, workloadName, line } from './common.mjs';
import { readCorpus, args } from './cli.mjs';
import { makeLSTM, trainHandjs } from './handjs-peer.mjs';

// check compares the gradient with central differences on a tiny model.
function check() {
  const V = 5, H = 3;
  const net = makeLSTM(V, H, 7);
  const xs = Array.from({ length: T }, (_, t) => (t * 3) % V), ys = Array.from({ length: T }, (_, t) => (t * 2 + 1) % V);
  net.hs[0].fill(0); net.cs[0].fill(0);
  net.forwardBackward(xs, ys);
  const analytic = net.grads.map((g) => Float64Array.from(g));
  let worst = 0;
  net.params.forEach((p, q) => {
    for (let i = 0; i < p.length; i += 3) {
      const old = p[i];
      p[i] = old + 1e-5; net.hs[0].fill(0); net.cs[0].fill(0); const lp = net.forwardBackward(xs, ys);
      p[i] = old - 1e-5; net.hs[0].fill(0); net.cs[0].fill(0); const lm = net.forwardBackward(xs, ys);
      p[i] = old;
      const num = (lp - lm) / 2e-5, an = analytic[q][i];
      const rel = Math.abs(an - num) / Math.max(Math.abs(an) + Math.abs(num), 1e-12);
      if (Math.abs(an) + Math.abs(num) > 1e-9) worst = Math.max(worst, rel);
    }
  });
  console.log(`gradient check: worst relative error ${worst.toExponential(2)}`);
  if (!(worst < 1e-5)) process.exit(1);
}

const a = args();
if (a.check) {
  check();
} else {
  const H = Number(a.hidden || 64);
  const text = readCorpus();
  const vocab = vocabOf(text);
  const result = trainHandjs({ ids: encode(text, vocab), V: vocab.length, H, settings: settings(process.env), now: () => performance.now() });
  console.log(line({ peer: 'hand-written JS LSTM (one-hot gather)', runtime: 'node', workload: workloadName(H), batch: 1, ...result }));
}
