// handjs-peer.mjs — a careful hand-written JavaScript LSTM on the char-lstm
// workload, the kind of peer ../shared/bench/RESULTS.md found fastest at batch 1:
// plain loops over Float64Arrays, the one-hot input taken as a column gather of
// W, truncated BPTT with the state carried, element-wise clipping at 5, Adam
// 0.01. Shared by the Node harness (handjs.mjs) and the Chromium bench page's
// Web Worker (page/handjs-worker.mjs); it imports only common.mjs.
//
// Written for this project (min-char-rnn's algorithm, in JavaScript); its
// gradient is checked against finite differences by `node tests/bench/handjs.mjs --check 1`.
import { T, LR, Streams, Meter } from './common.mjs';

// makeLSTM returns the model and its train(window) function. W is (4H, V+H):
// the columns of the one-hot input, then the recurrent columns; gates i, f, g, o.
export function makeLSTM(V, H, seed) {
  const G = 4 * H, X = V + H;
  let s = seed >>> 0;
  const rand = () => { // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const glorot = (a, fanIn, fanOut) => { const l = Math.sqrt(6 / (fanIn + fanOut)); for (let i = 0; i < a.length; i++) a[i] = (2 * rand() - 1) * l; };
  const W = new Float64Array(G * X), b = new Float64Array(G), Wy = new Float64Array(V * H), by = new Float64Array(V);
  glorot(W, X, H); glorot(Wy, H, V);
  for (let j = H; j < 2 * H; j++) b[j] = 1; // forget-gate bias 1, as Keras
  const params = [W, b, Wy, by];
  const grads = params.map((p) => new Float64Array(p.length));
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  let step = 0;
  // per-step buffers
  const hs = Array.from({ length: T + 1 }, () => new Float64Array(H));
  const cs = Array.from({ length: T + 1 }, () => new Float64Array(H));
  const gates = Array.from({ length: T }, () => new Float64Array(G));
  const tcs = Array.from({ length: T }, () => new Float64Array(H));
  const ps = Array.from({ length: T }, () => new Float64Array(V));
  const dh = new Float64Array(H), dc = new Float64Array(H), dhNext = new Float64Array(H), dcNext = new Float64Array(H), da = new Float64Array(G);
  const sig = (x) => 1 / (1 + Math.exp(-x));

  // forwardBackward runs one window from the carried state (hs[0], cs[0]) and
  // fills grads; it returns the mean loss.
  function forwardBackward(xs, ys) {
    let loss = 0;
    for (let t = 0; t < T; t++) {
      const hp = hs[t], cp = cs[t], a = gates[t], x = xs[t];
      for (let r = 0; r < G; r++) {
        const row = r * X;
        let sum = b[r] + W[row + x];
        for (let k = 0; k < H; k++) sum += W[row + V + k] * hp[k];
        a[r] = sum;
      }
      const h = hs[t + 1], c = cs[t + 1], tc = tcs[t];
      for (let j = 0; j < H; j++) {
        const i = sig(a[j]), f = sig(a[H + j]), g = Math.tanh(a[2 * H + j]), o = sig(a[3 * H + j]);
        a[j] = i; a[H + j] = f; a[2 * H + j] = g; a[3 * H + j] = o;
        c[j] = f * cp[j] + i * g;
        tc[j] = Math.tanh(c[j]);
        h[j] = o * tc[j];
      }
      const p = ps[t];
      let mx = -Infinity;
      for (let k = 0; k < V; k++) {
        let sum = by[k];
        for (let j = 0; j < H; j++) sum += Wy[k * H + j] * h[j];
        p[k] = sum;
        if (sum > mx) mx = sum;
      }
      let z = 0;
      for (let k = 0; k < V; k++) { p[k] = Math.exp(p[k] - mx); z += p[k]; }
      for (let k = 0; k < V; k++) p[k] /= z;
      loss -= Math.log(p[ys[t]]);
    }
    for (const g of grads) g.fill(0);
    const [dW, db, dWy, dby] = grads;
    dhNext.fill(0); dcNext.fill(0);
    for (let t = T - 1; t >= 0; t--) {
      const p = ps[t], h = hs[t + 1], hp = hs[t], cp = cs[t], a = gates[t], tc = tcs[t], x = xs[t];
      p[ys[t]] -= 1;
      for (let j = 0; j < H; j++) dh[j] = dhNext[j];
      for (let k = 0; k < V; k++) {
        const d = p[k] / T;
        dby[k] += d;
        for (let j = 0; j < H; j++) { dWy[k * H + j] += d * h[j]; dh[j] += Wy[k * H + j] * d; }
      }
      for (let j = 0; j < H; j++) {
        const i = a[j], f = a[H + j], g = a[2 * H + j], o = a[3 * H + j];
        dc[j] = dcNext[j] + dh[j] * o * (1 - tc[j] * tc[j]);
        da[3 * H + j] = dh[j] * tc[j] * o * (1 - o);
        da[j] = dc[j] * g * i * (1 - i);
        da[H + j] = dc[j] * cp[j] * f * (1 - f);
        da[2 * H + j] = dc[j] * i * (1 - g * g);
        dcNext[j] = dc[j] * f;
      }
      dhNext.fill(0);
      for (let r = 0; r < G; r++) {
        const d = da[r], row = r * X;
        db[r] += d;
        dW[row + x] += d;
        for (let k = 0; k < H; k++) { dW[row + V + k] += d * hp[k]; dhNext[k] += W[row + V + k] * d; }
      }
    }
    return loss / T;
  }

  // update clips every gradient to ±5 and takes one Adam step.
  function update() {
    step++;
    const c1 = 1 / (1 - Math.pow(0.9, step)), c2 = 1 / (1 - Math.pow(0.999, step));
    for (let q = 0; q < params.length; q++) {
      const p = params[q], g = grads[q], mq = m[q], vq = v[q];
      for (let i = 0; i < p.length; i++) {
        const gi = Math.min(5, Math.max(-5, g[i]));
        mq[i] = 0.9 * mq[i] + 0.1 * gi;
        vq[i] = 0.999 * vq[i] + 0.001 * gi * gi;
        p[i] -= LR * (mq[i] * c1) / (Math.sqrt(vq[i] * c2) + 1e-8);
      }
    }
  }

  function train(xs, ys, reset) {
    if (reset) { hs[0].fill(0); cs[0].fill(0); } else { hs[0].set(hs[T]); cs[0].set(cs[T]); }
    const loss = forwardBackward(xs, ys);
    update();
    return loss;
  }
  return { train, forwardBackward, params, grads, hs, cs };
}

// trainHandjs trains the workload at batch 1 (ids: the corpus as vocabulary
// indices, V: the vocabulary's size) and returns the Meter's result. now()
// reads a millisecond clock.
export function trainHandjs({ ids, V, H, settings, now }) {
  const net = makeLSTM(V, H, 1);
  const streams = new Streams(ids, 1);
  const meter = new Meter(settings, 1);
  const xs = new Array(T), ys = new Array(T);
  meter.start(now());
  while (!meter.done()) {
    const { p, reset } = streams.next();
    for (let t = 0; t < T; t++) { xs[t] = streams.input(0, p, t); ys[t] = streams.target(0, p, t); }
    meter.record(now(), net.train(xs, ys, reset));
  }
  return meter.result();
}
