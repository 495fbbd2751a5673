// handjs-worker.mjs — the Web Worker of the hand-written JavaScript LSTM's bench
// page: trains the workload it is sent (../handjs-peer.mjs) and posts the
// Meter's result, timed with the worker's own clock.
import { trainHandjs } from '../handjs-peer.mjs';

self.onmessage = (e) => {
  const { ids, V, H, settings } = e.data;
  try {
    self.postMessage({ result: trainHandjs({ ids, V, H, settings, now: () => performance.timeOrigin + performance.now() }) });
  } catch (err) {
    self.postMessage({ error: String((err && err.stack) || err) });
  }
};
