// tfjs-peer.mjs — the TensorFlow.js peer of ../shared/bench/WORKLOAD.md, shared
// by the Node harness (tfjs.mjs) and the Chromium bench page (page/tfjs.mjs):
// tf.layers.lstm (sigmoid recurrent activation, stateful) and a softmax dense
// layer, Adam 0.01, one trainOnBatch per update of B streams × T steps,
// resetStates() when the streams wrap. TF.js has no gradient clipping.
import { T, LR, Streams, Meter } from './common.mjs';

// trainTfjs trains the workload with an initialised tf (its backend set) and
// returns the Meter's result. now() reads a millisecond clock.
export async function trainTfjs(tf, { ids, V, H, B, settings, now }) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: H, returnSequences: true, stateful: true,
    batchInputShape: [B, T, V], recurrentActivation: 'sigmoid',
  }));
  model.add(tf.layers.dense({ units: V, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(LR), loss: 'categoricalCrossentropy' });

  const streams = new Streams(ids, B);
  const meter = new Meter(settings, B);
  // The one-hot inputs and targets are built in JavaScript arrays and become
  // tensors each update: part of what trainOnBatch needs, so part of the time.
  const x = new Float32Array(B * T * V);
  const y = new Float32Array(B * T * V);
  meter.start(now());
  while (!meter.done()) {
    const { p, reset } = streams.next();
    if (reset) model.resetStates();
    x.fill(0);
    y.fill(0);
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const o = (b * T + t) * V;
        x[o + streams.input(b, p, t)] = 1;
        y[o + streams.target(b, p, t)] = 1;
      }
    }
    const xs = tf.tensor3d(x, [B, T, V]);
    const ys = tf.tensor3d(y, [B, T, V]);
    const loss = await model.trainOnBatch(xs, ys);
    xs.dispose();
    ys.dispose();
    meter.record(now(), loss);
  }
  model.dispose();
  return meter.result();
}
