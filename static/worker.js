// worker.js — the engine's Web Worker. It loads wasm_exec.js and kernel.js
// when the page starts it, then receives the compiled WebAssembly module (and
// the SIMD kernel module, if the browser has SIMD) from the page and runs it; the Go program sees no
// `document` and takes the engine role (wasm/worker).
//
// It also starts the engine's beacon: this same script in a nested worker,
// which echoes the page's pings on a MessagePort. It answers while the engine
// is busy in a long computation, and stops the moment this worker is
// terminated (a nested worker ends with its parent), so the page can tell a
// dead engine from a busy one. If the Go program ends (a panic, out of
// memory), this says so to the page ({lpExit, lpLog}). Both go on the port
// the page sent as news (boot.js), not on the worker's own messages.
'use strict';
self.onmessage = function (e) {
  const msg = e.data;
  if (msg && msg.lpBeaconPort instanceof MessagePort) {
    // The beacon: echo every ping.
    self.onmessage = null;
    const port = msg.lpBeaconPort;
    port.onmessage = function (ev) { port.postMessage(ev.data); };
    return;
  }
  if (!msg || typeof msg.wasmExec !== 'string') {
    return;
  }
  // The first message prepares: the news port and the scripts, loaded at
  // once, before the page has compiled the program; the second brings it.
  self.onmessage = null;
  // The page's port for this script's own news (boot.js): the protocol's
  // messages on the worker itself stay bytes only.
  const news = msg.news instanceof MessagePort ? msg.news : null;
  const say = function (m, transfer) { if (news) news.postMessage(m, transfer || []); };
  // startBeacon starts the beacon, once the engine has started: a worker's
  // start is work of its own, which the engine's start and the page's need
  // the cores for first (the page has no training to watch before then).
  const startBeacon = function () {
    try {
      if (news) {
        const beacon = new Worker(self.location.href);
        const channel = new MessageChannel();
        beacon.postMessage({ lpBeaconPort: channel.port1 }, [channel.port1]);
        say({ lpBeacon: channel.port2 }, [channel.port2]);
      }
    } catch (err) {
      // No nested workers: the page watches the engine by its errors and exit only.
    }
  };
  // The last lines the Go program wrote (a panic's message goes there).
  let tail = '';
  let go, code = 0, kernel;
  try {
    importScripts(msg.wasmExec, 'kernel.js');
    const fs = self.fs;
    const write = fs.writeSync;
    const decoder = new TextDecoder();
    fs.writeSync = function (fd, buf) {
      tail = (tail + decoder.decode(buf)).slice(-2000);
      return write.call(fs, fd, buf);
    };
    go = new Go();
    const exit = go.exit;
    go.exit = function (c) { code = c; exit.call(go, c); };
    kernel = self.lstmKernel.imports(go.importObject);
  } catch (err) {
    say({ lpExit: String(err && err.message || err), lpLog: tail });
    return;
  }
  self.onmessage = async function (e) {
    const run = e.data;
    if (!run || !(run.module instanceof WebAssembly.Module)) {
      return;
    }
    self.onmessage = null; // Go installs its own handler when it starts
    try {
      const instance = await WebAssembly.instantiate(run.module, go.importObject);
      await kernel.load(run.kernel instanceof WebAssembly.Module ? run.kernel : null, instance, run.kernelFMA === true);
      // go.run returns when the Go program first waits (the engine has said
      // Ready) and settles when it ends.
      const ended = go.run(instance);
      startBeacon();
      await ended;
      say({ lpExit: code, lpLog: tail });
    } catch (err) {
      say({ lpExit: String(err && err.message || err), lpLog: tail });
    }
  };
};
