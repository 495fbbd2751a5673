//go:build js && wasm && lstmsimd

package lstm

import "unsafe"

// The WebAssembly SIMD kernels of kernels.wat, imported from the module
// "lstmkernel" that the page's loader provides (static/kernel.js). Pointers are
// passed as byte offsets into the Go program's memory, which the kernel module
// shares; Go's garbage collector does not move heap objects, and no Go code runs
// during a call.

//go:wasmimport lstmkernel available
func kernelAvailable() int32

//go:wasmimport lstmkernel matvec
func kernelMatVec(y, m, x unsafe.Pointer, rows, n int32)

//go:wasmimport lstmkernel gemmacc
func kernelGemmAcc(dst unsafe.Pointer, m, n int32, a unsafe.Pointer, si, st int32, b unsafe.Pointer, steps int32)

//go:wasmimport lstmkernel sumsq
func kernelSumSq(g unsafe.Pointer, n int32) float64

//go:wasmimport lstmkernel clip
func kernelClip(g unsafe.Pointer, n int32, limit float64) int32

//go:wasmimport lstmkernel adam
func kernelAdam(p, g, m, v unsafe.Pointer, n int32, lr, b1, b2, c1, c2, eps float64)

// simd is whether the kernels are loaded and agree with the Go code.
var simd = kernelAvailable() == 1 && kernelsAgree()

func simdMatVec(y, m, x []float64) {
	kernelMatVec(unsafe.Pointer(&y[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&x[0]), int32(len(y)), int32(len(x)))
}

func simdGemmAcc(dst []float64, m, n int, a []float64, si, st int, b []float64, steps int) {
	kernelGemmAcc(unsafe.Pointer(&dst[0]), int32(m), int32(n), unsafe.Pointer(&a[0]), int32(si), int32(st), unsafe.Pointer(&b[0]), int32(steps))
}

func simdSumSq(g []float64) float64 { return kernelSumSq(unsafe.Pointer(&g[0]), int32(len(g))) }

func simdClip(g []float64, limit float64) int {
	return int(kernelClip(unsafe.Pointer(&g[0]), int32(len(g)), limit))
}

func simdAdam(p, g, m, v []float64, lr, b1, b2, c1, c2, eps float64) {
	kernelAdam(unsafe.Pointer(&p[0]), unsafe.Pointer(&g[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&v[0]), int32(len(p)), lr, b1, b2, c1, c2, eps)
}

// kernelsAgree runs the kernels and their Go counterparts on small fixed
// problems, including odd sizes that exercise every tail, and reports whether
// they agree to 1e-12 relative. A loader that provides broken kernels therefore
// costs speed, never correctness.
func kernelsAgree() bool {
	seed := uint64(0x9e3779b97f4a7c15)
	fill := func(s []float64) []float64 {
		for i := range s {
			seed = seed*6364136223846793005 + 1442695040888963407
			s[i] = float64(int64(seed>>11))/float64(1<<52) - 1
		}
		return s
	}
	agree := func(a, b []float64) bool {
		for i := range a {
			d := a[i] - b[i]
			if d < 0 {
				d = -d
			}
			s := a[i]
			if s < 0 {
				s = -s
			}
			if !(d <= 1e-12*(1+s)) {
				return false
			}
		}
		return true
	}
	for _, sz := range [][3]int{{1, 1, 1}, {7, 5, 3}, {9, 13, 2}, {16, 64, 32}, {17, 3, 5}} {
		rows, n, steps := sz[0], sz[1], sz[2]
		m, x := fill(make([]float64, rows*n)), fill(make([]float64, n))
		y1 := fill(make([]float64, rows))
		y2 := append([]float64(nil), y1...)
		matVecAddGo(y1, m, x)
		simdMatVec(y2, m, x)
		if !agree(y1, y2) {
			return false
		}
		a, b := fill(make([]float64, steps*rows)), fill(make([]float64, steps*n))
		d1 := fill(make([]float64, rows*n))
		d2 := append([]float64(nil), d1...)
		addMulTNGo(d1, rows, n, a, b, steps)
		simdGemmAcc(d2, rows, n, a, 1, rows, b, steps)
		if !agree(d1, d2) {
			return false
		}
		d3 := fill(make([]float64, rows*n))
		d4 := append([]float64(nil), d3...)
		addMulNNGo(d3, rows, n, a, steps, b)
		simdGemmAcc(d4, rows, n, a, steps, 1, b, steps)
		if !agree(d3, d4) {
			return false
		}
	}
	// The optimizer kernels, on an odd length.
	g := fill(make([]float64, 37))
	for i := range g {
		g[i] *= 3
	}
	g1, g2 := append([]float64(nil), g...), append([]float64(nil), g...)
	if clipElementwiseGo(g1, 1.5) != simdClip(g2, 1.5) || !agree(g1, g2) {
		return false
	}
	if s1, s2 := sumSquaresGo(g), simdSumSq(g); !agree([]float64{s1}, []float64{s2}) {
		return false
	}
	p1, m1, v1 := fill(make([]float64, 37)), fill(make([]float64, 37)), fill(make([]float64, 37))
	for i := range v1 {
		v1[i] *= v1[i]
	}
	p2, m2, v2 := append([]float64(nil), p1...), append([]float64(nil), m1...), append([]float64(nil), v1...)
	adamGo(p1, g, m1, v1, 0.01, 0.9, 0.999, 10, 1000, 1e-8)
	simdAdam(p2, g, m2, v2, 0.01, 0.9, 0.999, 10, 1000, 1e-8)
	return agree(p1, p2) && agree(m1, m2) && agree(v1, v2)
}
