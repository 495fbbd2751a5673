// common.mjs — the standard workloads of ../shared/bench/WORKLOAD.md, shared by
// every JavaScript harness in Node and on the Chromium bench page: the
// vocabulary, the data order of B streams, and the measuring protocol
// (warm-up, timed window, loss after 20,000 characters). It imports nothing, so
// the page can load it as it is.

// T is the number of time steps per update (truncated BPTT window).
export const T = 32;
// CORPUS_CHARS is the length of the corpus: the first 20,000 characters of the GPL-3.
export const CORPUS_CHARS = 20000;
// CORPUS_SHA256 is the SHA-256 of those 20,000 bytes.
export const CORPUS_SHA256 = '859f14cbc534369bb4c0e1401ee9a1d4de3f07213058eaecf8b128d4005e133e';
// LR is the learning rate of every peer.
export const LR = 0.01;

// fetchCorpus fetches the workload's corpus from url (a bench page's copy)
// and checks it is the corpus, by length and SHA-256.
export async function fetchCorpus(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`corpus.txt: HTTP ${resp.status}`);
  const bytes = new Uint8Array(await resp.arrayBuffer());
  const sum = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (bytes.length !== CORPUS_CHARS || sum !== CORPUS_SHA256) throw new Error(`corpus.txt is not the workload's corpus (SHA-256 ${sum})`);
  return new TextDecoder('latin1').decode(bytes);
}

// workloadName returns the workload's name for a hidden size.
export function workloadName(H) { return `char-lstm-h${H}`; }

// vocabOf returns the distinct characters of text sorted by code point (V = 71 for the corpus).
export function vocabOf(text) {
  return [...new Set(text)].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
}

// encode maps text to vocabulary indices.
export function encode(text, vocab) {
  const index = new Map(vocab.map((ch, i) => [ch, i]));
  const ids = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) ids[i] = index.get(text[i]);
  return ids;
}

// Streams is the data order: the N ids split into B contiguous streams of
// L = floor(N/B); every update takes the window at p in each stream (inputs
// ids[b·L+p … +T), targets one further), p advancing by T, and goes back to
// p = 0 when p + T + 1 > L, which also resets the carried state.
export class Streams {
  constructor(ids, B) {
    this.ids = ids;
    this.B = B;
    this.L = Math.floor(ids.length / B);
    this.p = 0;
    if (this.L < T + 1) throw new Error(`streams of ${this.L} ids are shorter than a window`);
  }

  // next returns the next window's start p and whether the state starts from zero.
  next() {
    let p = this.p;
    let reset = p === 0;
    if (p + T + 1 > this.L) { p = 0; reset = true; }
    this.p = p + T;
    return { p, reset };
  }

  // input returns the id at step t of stream b of the window at p.
  input(b, p, t) { return this.ids[b * this.L + p + t]; }

  // target returns the id to predict after step t.
  target(b, p, t) { return this.ids[b * this.L + p + t + 1]; }
}

// settings reads the measuring protocol from an environment (process.env, or
// the page's URL parameters):
//   BENCH_WARMUP      warm-up seconds (default 3)
//   BENCH_WINDOW      timed-window seconds (default 15)
//   BENCH_LOSS_CHARS  characters after which the loss is taken (default 20,000)
//   BENCH_FULL_LOSS   1: keep training past the window until the loss is taken
export function settings(env) {
  const num = (k, d) => (env[k] === undefined || env[k] === '' ? d : Number(env[k]));
  const s = {
    warmup: num('BENCH_WARMUP', 3),
    window: num('BENCH_WINDOW', 15),
    lossChars: num('BENCH_LOSS_CHARS', CORPUS_CHARS),
    fullLoss: env.BENCH_FULL_LOSS === '1' || env.BENCH_FULL_LOSS === 'true',
  };
  for (const k of ['warmup', 'window', 'lossChars']) {
    if (!(s[k] >= 0) || !Number.isFinite(s[k])) throw new Error(`bad ${k}: ${s[k]}`);
  }
  return s;
}

// lossUpdates returns [first, last]: the updates (counted from 1) whose mean
// loss is "the loss after lossChars characters": the update that trains the
// lossChars-th character and those before it covering the last 3,200
// characters (the last 100 updates at batch 1, the last 7 at batch 16).
export function lossUpdates(lossChars, B) {
  const per = B * T;
  const last = Math.max(1, Math.ceil(lossChars / per));
  const count = Math.max(1, Math.ceil(Math.min(3200, lossChars) / per));
  return [Math.max(1, last - count + 1), last];
}

// REACH_LOSS is the loss whose time to reach issue 13 compares (nats/char).
export const REACH_LOSS = 2.3;

// Meter applies the measuring protocol to a run: start(t) when training
// starts, then record(t, losses) at the end of every update (or of a group of
// updates, with one loss each), times in milliseconds of one clock.
// Warm-up: updates until warmup seconds have passed. Window: from the end of
// the first update after the warm-up to the end of the first update ending
// window seconds or more later. done() says when the run may stop.
export class Meter {
  constructor(s, B) {
    this.s = s;
    this.B = B;
    this.perUpdate = B * T;
    [this.lossFirst, this.lossLast] = lossUpdates(s.lossChars, B);
    // The time to REACH_LOSS: the mean loss of the updates over the last 3,200
    // characters trained (as the loss after 20,000), first at or below it.
    this.recent = [];
    this.recentN = this.lossLast - this.lossFirst + 1;
    this.recentSum = 0;
    this.reachSec = null;
    this.reachChars = null;
    this.updates = 0;
    this.lossSum = 0;
    this.loss = null;
    this.phase = 'idle';
  }

  start(t) { this.t0 = t; this.phase = 'warmup'; }

  record(t, losses) {
    if (typeof losses === 'number') losses = [losses];
    if (losses.length === 0) return;
    this.last = t;
    for (const l of losses) {
      this.updates++;
      this.recent.push(l);
      this.recentSum += l;
      if (this.recent.length > this.recentN) this.recentSum -= this.recent.shift();
      if (this.reachSec === null && this.recent.length === this.recentN && this.recentSum / this.recentN <= REACH_LOSS) {
        this.reachSec = (t - this.t0) / 1000;
        this.reachChars = this.updates * this.perUpdate;
      }
      if (this.updates >= this.lossFirst && this.updates <= this.lossLast) {
        this.lossSum += l;
        if (this.updates === this.lossLast) this.loss = this.lossSum / (this.lossLast - this.lossFirst + 1);
      }
    }
    switch (this.phase) {
      case 'warmup':
        if (t - this.t0 >= this.s.warmup * 1000) this.phase = 'first';
        break;
      case 'first': // the end of the first update after the warm-up opens the window
        this.ws = t;
        this.wsUpdates = this.updates;
        this.phase = 'window';
        break;
      case 'window':
        // t > ws too: a window of no time (two reports in one tick of a
        // coarse browser clock) has no rate.
        if (t - this.ws >= this.s.window * 1000 && t > this.ws) {
          this.we = t;
          this.weUpdates = this.updates;
          this.phase = 'done';
        }
        break;
    }
  }

  done() { return this.phase === 'done' && (!this.s.fullLoss || this.loss !== null); }

  // result returns the figures: charsPerSec over the window, loss20k (the
  // loss after lossChars characters, null if the run stopped before), and
  // reachSec and reachChars: the seconds from the start of training and the
  // characters trained when the loss first reached REACH_LOSS (null if it did
  // not within the run; reachLimitSec is then how long the run trained).
  result() {
    if (this.phase !== 'done') throw new Error(`the run ended before its timed window did (${this.phase}, ${this.updates} updates)`);
    const secs = (this.we - this.ws) / 1000;
    return {
      charsPerSec: ((this.weUpdates - this.wsUpdates) * this.perUpdate) / secs,
      loss20k: this.loss,
      lossChars: this.s.lossChars,
      updates: this.updates,
      windowSec: secs,
      // The window's ends on the harness's clock (an epoch-based one in
      // Chromium: cpu.mjs's readings are matched to them) and its updates.
      windowStart: this.ws,
      startAt: this.t0,
      windowEnd: this.we,
      windowUpdates: this.weUpdates - this.wsUpdates,
      reachSec: this.reachSec,
      reachChars: this.reachChars,
      reachLimitSec: this.last === undefined ? null : (this.last - this.t0) / 1000,
    };
  }
}

// line formats one result as the JSON line every harness prints.
export function line(fields) {
  return JSON.stringify(fields);
}
