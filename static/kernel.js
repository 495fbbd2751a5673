// kernel.js — loads the WebAssembly SIMD kernels (lstm/kernels.wat, built into
// kernels.<hash>.wasm) for the Go program. The Go program imports them as
// //go:wasmimport lstmkernel.*, so these imports must exist when it is
// instantiated; they forward to the kernel instance, which is made afterwards on
// the Go program's own memory. Without a kernel (no SIMD in this browser, or not
// loaded) `available` returns 0 and the Go code computes everything itself.
//
// There are two builds of the kernels: the exact one, and one whose
// matrix-vector and matrix-product loops use relaxed SIMD's fused multiply-add
// (f64x2.relaxed_madd: one rounding instead of two, so results differ from
// the exact build's in the last bits). choose takes the FMA build where the
// browser accepts relaxed SIMD, unless the page's address asks for the exact
// one with ?kernels=exact (bit-identical runs on every browser).
'use strict';
(function (global) {
  // A module whose one function uses f64x2.relaxed_madd: valid only where the
  // engine has relaxed SIMD.
  const relaxedProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 123, 1, 123, 3, 2, 1, 0,
    10, 13, 1, 11, 0, 32, 0, 32, 0, 32, 0, 253, 135, 2, 11]);
  global.lstmKernel = {
    // imports adds the lstmkernel imports to a Go importObject and returns a
    // handle whose load(module, goInstance) instantiates the kernel.
    // available returns 2 for the FMA build (load's fma), 1 for the exact one.
    imports: function (importObject) {
      let k = null;
      let fused = false;
      importObject.lstmkernel = {
        available: function () { return k ? (fused ? 2 : 1) : 0; },
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
        load: async function (module, goInstance, fma) {
          if (!module) return false;
          try {
            const inst = await WebAssembly.instantiate(module, { go: { mem: goInstance.exports.mem } });
            k = inst.exports;
            fused = fma === true;
            return true;
          } catch (e) {
            return false;
          }
        },
      };
    },
    // relaxedSIMD reports whether this browser accepts relaxed SIMD.
    relaxedSIMD: function () {
      try {
        return WebAssembly.validate(relaxedProbe);
      } catch (e) {
        return false;
      }
    },
    // choose compiles the kernels build.json names (build.kernel, and
    // build.kernelFMA for the FMA build) for a page at an address whose query
    // is search: { module, fma }, module null where there are none.
    choose: async function (build, search) {
      const exact = new URLSearchParams(search || '').get('kernels') === 'exact';
      if (build.kernelFMA && !exact && this.relaxedSIMD()) {
        const module = await this.compile(build.kernelFMA);
        if (module) return { module: module, fma: true };
      }
      return { module: build.kernel ? await this.compile(build.kernel) : null, fma: false };
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
