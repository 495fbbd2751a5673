// kernel.js — loads the WebAssembly SIMD kernels (lstm/kernels.wat, built into
// kernels.<hash>.wasm) for the Go program. The Go program imports them as
// //go:wasmimport lstmkernel.*, so these imports must exist when it is
// instantiated; they forward to the kernel instance, which is made afterwards on
// the Go program's own memory. Without a kernel (no SIMD in this browser, or not
// loaded) `available` returns 0 and the Go code computes everything itself.
'use strict';
(function (global) {
  global.lstmKernel = {
    // imports adds the lstmkernel imports to a Go importObject and returns a
    // handle whose load(module, goInstance) instantiates the kernel.
    imports: function (importObject) {
      let k = null;
      importObject.lstmkernel = {
        available: function () { return k ? 1 : 0; },
        matvec: function (y, m, x, rows, n) { k.matvec(y, m, x, rows, n); },
        matvect: function (y, m, x, rows, n) { k.matvect(y, m, x, rows, n); },
        gemmacc: function (dst, m, n, a, si, st, b, steps) { k.gemmacc(dst, m, n, a, si, st, b, steps); },
        addv: function (y, x, n) { k.addv(y, x, n); },
        sumsq: function (g, n) { return k.sumsq(g, n); },
        clip: function (g, n, limit) { return k.clip(g, n, limit); },
        adam: function (p, g, m, v, n, lr, b1, b2, c1, c2, eps) { k.adam(p, g, m, v, n, lr, b1, b2, c1, c2, eps); },
        lstmgates: function (a, cp, c, tc, h, n) { k.lstmgates(a, cp, c, tc, h, n); },
        lstmback: function (da, g, cp, tc, dha, dhn, dcn, n) { k.lstmback(da, g, cp, tc, dha, dhn, dcn, n); },
        tanhv: function (x, n) { k.tanhv(x, n); },
        expshift: function (p, y, m, n) { return k.expshift(p, y, m, n); },
      };
      return {
        load: async function (module, goInstance) {
          if (!module) return false;
          try {
            const inst = await WebAssembly.instantiate(module, { go: { mem: goInstance.exports.mem } });
            k = inst.exports;
            return true;
          } catch (e) {
            return false;
          }
        },
      };
    },
    // compile compiles the kernel module, or returns null where this browser
    // lacks WebAssembly SIMD or the file cannot be loaded.
    compile: async function (url) {
      try {
        const resp = await fetch(url);
        if (!resp.ok) return null;
        const bytes = await resp.arrayBuffer();
        if (!WebAssembly.validate(bytes)) return null;
        return await WebAssembly.compile(bytes);
      } catch (e) {
        return null;
      }
    },
  };
})(globalThis);
