// engine.mjs — reads the page's engine without disturbing the page, for the
// reliability tests (catalogue, determinism, soak). It talks to the engine
// worker the page started (globalThis.lstmPlayground.worker) in the protocol
// of wasm/protocol: it listens with addEventListener beside the page's own
// handler, and sends read-only requests (Trace, Export, Diagnose) with ids the
// page never uses (from 0x7f000000), so the page ignores the answers.
//
// Wire format (wasm/protocol): "LP", version 2, type, then the fields in
// struct order, little-endian; strings and byte slices are a u32 length and
// the bytes; lists a u32 count and the elements. Every request starts with
// its u32 ID; every reply with the ID it answers, then (replies about a
// model) the model's u32 generation.

// V is the protocol version this file speaks.
const V = 2;

// Message types used here.
export const T = { trace: 7, export: 10, diagnose: 63, progress: 65, traceResult: 66, modelFile: 69, error: 71, diagnostics: 127 };

// installListener starts collecting the engine's Progress messages in the
// page: globalThis.__lpLosses[u-1] is the loss (float32) of update u, and
// globalThis.__lpProgress counts the messages. It is idempotent.
export async function installListener(page) {
  await page.evaluate(() => {
    if (globalThis.__lpListening) return;
    globalThis.__lpListening = true;
    globalThis.__lpLosses = [];
    globalThis.__lpProgress = 0;
    globalThis.__lpResets = 0;
    const w = globalThis.lstmPlayground.worker;
    w.addEventListener('message', (e) => {
      const d = e.data;
      const b = d instanceof Uint8Array ? d : (d instanceof ArrayBuffer ? new Uint8Array(d) : null);
      if (!b || b.length < 4 || b[0] !== 76 || b[1] !== 80 || b[3] !== 65) return;
      // Progress: ID u32, Gen u32, Update u64, Loss f64, CharsPerSec f64,
      // GradNorm f64, Running u8, Losses u32 count + float32s.
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const update = Number(v.getBigUint64(12, true));
      const off = 4 + 4 + 4 + 8 + 8 + 8 + 8 + 1;
      const n = v.getUint32(off, true);
      globalThis.__lpProgress++;
      if (update < globalThis.__lpLosses.length) globalThis.__lpResets++;
      for (let i = 0; i < n; i++) {
        const u = update - n + 1 + i; // 1-based update number
        if (u >= 1) globalThis.__lpLosses[u - 1] = v.getFloat32(off + 4 + 4 * i, true);
      }
    });
  });
}

// request sends one read-only request to the page's engine and resolves with
// the SHA-256 (hex) and length of the reply's bytes after its id and model
// generation, or rejects with the engine's Error (its code and reason). kind: 'trace' (with probe), 'export',
// 'diagnose' (resolves with the decoded Diagnostics instead), 'file' (resolves
// with the model file itself, as a Buffer).
export async function request(page, kind, probe = '') {
  if (kind === 'file') {
    const b64 = await page.evaluate(async ({ T, V }) => {
      const w = globalThis.lstmPlayground.worker;
      globalThis.__lpNextID = (globalThis.__lpNextID || 0x7f000000) + 1;
      const id = globalThis.__lpNextID;
      const msg = new Uint8Array(8);
      msg.set([76, 80, V, T.export]);
      new DataView(msg.buffer).setUint32(4, id, true);
      const reply = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => { w.removeEventListener('message', on); reject(new Error('no model file within 10 s')); }, 10000);
        function on(e) {
          const b = e.data instanceof Uint8Array ? e.data : new Uint8Array(e.data);
          if (b.length < 16 || b[0] !== 76 || b[1] !== 80 || b[3] !== T.modelFile) return;
          if (new DataView(b.buffer, b.byteOffset).getUint32(4, true) !== id) return;
          clearTimeout(timer);
          w.removeEventListener('message', on);
          resolve(b.slice(16)); // ID u32, Gen u32, then File: u32 length and the bytes
        }
        w.addEventListener('message', on);
        w.postMessage(msg, [msg.buffer]);
      });
      let s = '';
      for (let i = 0; i < reply.length; i += 0x8000) s += String.fromCharCode(...reply.subarray(i, i + 0x8000));
      return btoa(s);
    }, { T, V });
    return Buffer.from(b64, 'base64');
  }
  return page.evaluate(async ({ kind, probe, T, V }) => {
    const w = globalThis.lstmPlayground.worker;
    globalThis.__lpNextID = (globalThis.__lpNextID || 0x7f000000) + 1;
    const id = globalThis.__lpNextID;
    const text = new TextEncoder().encode(probe);
    let msg, want;
    if (kind === 'trace') {
      msg = new Uint8Array(4 + 4 + 4 + text.length + 4);
      msg.set([76, 80, V, T.trace]);
      const v = new DataView(msg.buffer);
      v.setUint32(4, id, true);
      v.setUint32(8, text.length, true);
      msg.set(text, 12);
      v.setUint32(12 + text.length, 0, true); // no interventions
      want = T.traceResult;
    } else {
      msg = new Uint8Array(8);
      msg.set([76, 80, V, kind === 'export' ? T.export : T.diagnose]);
      new DataView(msg.buffer).setUint32(4, id, true);
      want = kind === 'export' ? T.modelFile : T.diagnostics;
    }
    const reply = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { w.removeEventListener('message', on); reject(new Error(`no answer to ${kind} within 10 s`)); }, 10000);
      function on(e) {
        const b = e.data instanceof Uint8Array ? e.data : new Uint8Array(e.data);
        if (b.length < 8 || b[0] !== 76 || b[1] !== 80 || (b[3] !== want && b[3] !== T.error)) return;
        if (new DataView(b.buffer, b.byteOffset).getUint32(4, true) !== id) return;
        clearTimeout(timer);
        w.removeEventListener('message', on);
        resolve(b.slice());
      }
      w.addEventListener('message', on);
      w.postMessage(msg, [msg.buffer]);
    });
    const v = new DataView(reply.buffer);
    if (reply[3] === T.error) {
      // Error: ID u32, Gen u32, Code u8, Reason u8, Key string, …
      const kl = v.getUint32(14, true);
      throw new Error(`the engine refused the ${kind}: code ${reply[12]}, reason ${reply[13]}, key ${new TextDecoder().decode(reply.subarray(18, 18 + kl))}`);
    }
    if (kind === 'diagnose') {
      // Diagnostics: ID u32, Update u64, HeapLive u64, HeapAlloc u64, HeapSys u64,
      // TotalAlloc u64, NumGC u32, Goroutines i64, Funcs i64, Warmed u64.
      const u = (o) => Number(v.getBigUint64(o, true));
      return { update: u(8), heapLive: u(16), heapAlloc: u(24), heapSys: u(32), totalAlloc: u(40),
        numGC: v.getUint32(48, true), goroutines: Number(v.getBigInt64(52, true)), funcs: Number(v.getBigInt64(60, true)), warmed: u(68) };
    }
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', reply.subarray(12)));
    return { sha: Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join(''), bytes: reply.length - 12 };
  }, { kind, probe, T, V });
}

// snapshot returns what must not change when the page refuses an input: the
// model file (configuration, update count, every parameter, bit for bit) and
// the trace of probe.
export async function snapshot(page, probe) {
  const model = await request(page, 'export');
  const trace = await request(page, 'trace', probe);
  return { model: model.sha, modelBytes: model.bytes, trace: trace.sha };
}
