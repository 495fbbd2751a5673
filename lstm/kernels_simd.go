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

//go:wasmimport lstmkernel matvect
func kernelMatVecT(y, m, x unsafe.Pointer, rows, n int32)

//go:wasmimport lstmkernel gemmacc
func kernelGemmAcc(dst unsafe.Pointer, m, n int32, a unsafe.Pointer, si, st int32, b unsafe.Pointer, steps int32)

//go:wasmimport lstmkernel addv
func kernelAdd(y, x unsafe.Pointer, n int32)

//go:wasmimport lstmkernel sumsq
func kernelSumSq(g unsafe.Pointer, n int32) float64

//go:wasmimport lstmkernel clip
func kernelClip(g unsafe.Pointer, n int32, limit float64) int32

//go:wasmimport lstmkernel adam
func kernelAdam(p, g, m, v unsafe.Pointer, n int32, lr, b1, b2, c1, c2, eps float64)

//go:wasmimport lstmkernel lstmgates
func kernelLSTMGates(a, cPrev, c, tc, h unsafe.Pointer, n int32)

//go:wasmimport lstmkernel lstmback
func kernelLSTMBack(da, g, cPrev, tc, dhAbove, dhNext, dcNext unsafe.Pointer, n int32)

//go:wasmimport lstmkernel tanhv
func kernelTanh(x unsafe.Pointer, n int32)

//go:wasmimport lstmkernel expshift
func kernelExpShift(p, y unsafe.Pointer, m float64, n int32) float64

// simd is whether the kernels are loaded and agree with the Go code; fma is
// whether they are the FMA build (the loader's available returns 2).
var (
	simd = kernelAvailable() >= 1 && kernelsAgree()
	fma  = simd && kernelAvailable() == 2
)

func simdMatVec(y, m, x []float64) {
	kernelMatVec(unsafe.Pointer(&y[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&x[0]), int32(len(y)), int32(len(x)))
}

// simdMatVecT sets y[k] += Σ_r m[r·n+k]·x[r] for m of len(x) rows of n = len(y):
// y += mᵀx, read from m itself.
func simdMatVecT(y, m, x []float64) {
	if len(m) < len(y)*len(x) {
		panic("lstm: slice lengths do not match")
	}
	kernelMatVecT(unsafe.Pointer(&y[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&x[0]), int32(len(x)), int32(len(y)))
}

func simdGemmAcc(dst []float64, m, n int, a []float64, si, st int, b []float64, steps int) {
	kernelGemmAcc(unsafe.Pointer(&dst[0]), int32(m), int32(n), unsafe.Pointer(&a[0]), int32(si), int32(st), unsafe.Pointer(&b[0]), int32(steps))
}

func simdAdd(y, x []float64) {
	kernelAdd(unsafe.Pointer(&y[0]), unsafe.Pointer(&x[:len(y)][0]), int32(len(y)))
}

func simdSumSq(g []float64) float64 { return kernelSumSq(unsafe.Pointer(&g[0]), int32(len(g))) }

func simdClip(g []float64, limit float64) int {
	return int(kernelClip(unsafe.Pointer(&g[0]), int32(len(g)), limit))
}

func simdAdam(p, g, m, v []float64, lr, b1, b2, c1, c2, eps float64) {
	kernelAdam(unsafe.Pointer(&p[0]), unsafe.Pointer(&g[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&v[0]), int32(len(p)), lr, b1, b2, c1, c2, eps)
}

// simdLSTMGates does the activation loop of lstmStep for units 0 … 2⌊H/2⌋−1;
// it returns how many units it did.
func simdLSTMGates(a, cPrev, c, tc, h []float64) int {
	n := len(h) &^ 1
	if n > 0 {
		kernelLSTMGates(unsafe.Pointer(&a[0]), unsafe.Pointer(&cPrev[0]), unsafe.Pointer(&c[0]), unsafe.Pointer(&tc[0]), unsafe.Pointer(&h[0]), int32(len(h)))
	}
	return n
}

// simdLSTMStepBack does lstmStepBack's loop for units 0 … 2⌊H/2⌋−1 (H =
// len(dcNext)); it returns how many units it did.
func simdLSTMStepBack(da, gates, cPrev, tc, dhAbove, dhNext, dcNext []float64) int {
	n := len(dcNext) &^ 1
	if n > 0 {
		kernelLSTMBack(unsafe.Pointer(&da[0]), unsafe.Pointer(&gates[0]), unsafe.Pointer(&cPrev[0]), unsafe.Pointer(&tc[0]),
			unsafe.Pointer(&dhAbove[0]), unsafe.Pointer(&dhNext[0]), unsafe.Pointer(&dcNext[0]), int32(len(dcNext)))
	}
	return n
}

// simdTanh sets x[i] = tanh(x[i]) for i < 2⌊len(x)/2⌋ and returns that count.
func simdTanh(x []float64) int {
	n := len(x) &^ 1
	if n > 0 {
		kernelTanh(unsafe.Pointer(&x[0]), int32(n))
	}
	return n
}

// simdExpShift sets p[v] = exp(y[v]−m) for v < 2⌊len(p)/2⌋ and returns that
// count and the sum of those values, added in order.
func simdExpShift(p, y []float64, m float64) (int, float64) {
	n := len(p) &^ 1
	if n == 0 {
		return 0, 0
	}
	return n, kernelExpShift(unsafe.Pointer(&p[0]), unsafe.Pointer(&y[0]), m, int32(n))
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
	for _, sz := range [][3]int{{1, 1, 1}, {7, 5, 3}, {9, 13, 2}, {16, 64, 32}, {17, 3, 5}, {35, 6, 4}} {
		rows, n, steps := sz[0], sz[1], sz[2]
		m, x := fill(make([]float64, rows*n)), fill(make([]float64, n))
		y1 := fill(make([]float64, rows))
		y2 := append([]float64(nil), y1...)
		matVecAddGo(y1, m, x)
		simdMatVec(y2, m, x)
		if !agree(y1, y2) {
			return false
		}
		mT := make([]float64, n*rows)
		transpose(mT, m, rows, n)
		y3 := fill(make([]float64, rows))
		y4 := append([]float64(nil), y3...)
		matVecAddGo(y3, m, x)
		simdMatVecT(y4, mT, x)
		if !agree(y3, y4) {
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
	// add, exactly, on an odd length.
	s1, s2 := fill(make([]float64, 11)), fill(make([]float64, 11))
	s3 := append([]float64(nil), s1...)
	simdAdd(s1, s2)
	for i := range s3 {
		if s1[i] != s3[i]+s2[i] {
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
	if !agree(p1, p2) || !agree(m1, m2) || !agree(v1, v2) {
		return false
	}
	// The activations give exactly the bits of activation.go.
	x := fill(make([]float64, 10))
	for i, scale := range []float64{1e-3, 0.009, 0.5, 3, 19, 21, -25, 700, -710, 1e-300} {
		x[i] *= scale
	}
	y := append([]float64(nil), x...)
	simdTanh(y)
	for i := range x {
		if y[i] != tanh(x[i]) {
			return false
		}
	}
	e := make([]float64, 10)
	if _, sum := simdExpShift(e, x, 0.25); sum != sum {
		return false
	}
	for i := range x {
		if e[i] != exp(x[i]-0.25) {
			return false
		}
	}
	// The LSTM cell's activations and state update, on an odd H (the kernel
	// does the even part), against lstmStep's loop: the same bits.
	const H = 5
	a := fill(make([]float64, 4*H))
	for i := range a {
		a[i] *= []float64{0.01, 2, 9, 40}[i%4]
	}
	cPrev := fill(make([]float64, H))
	want := append([]float64(nil), a...)
	c, tc, h := make([]float64, H), make([]float64, H), make([]float64, H)
	n := simdLSTMGates(a, cPrev, c, tc, h)
	if n != H&^1 {
		return false
	}
	for j := range n {
		zi, zf, z, zo := sigmoid(want[j]), sigmoid(want[H+j]), tanh(want[2*H+j]), sigmoid(want[3*H+j])
		cj := zf*cPrev[j] + zi*z
		if a[j] != zi || a[H+j] != zf || a[2*H+j] != z || a[3*H+j] != zo || c[j] != cj || tc[j] != tanh(cj) || h[j] != zo*tanh(cj) {
			return false
		}
	}
	return stepBackAgrees(fill)
}

// stepBackAgrees reports whether simdLSTMStepBack gives the bits of
// lstmStepBack's Go loop, on an odd H.
func stepBackAgrees(fill func([]float64) []float64) bool {
	const H = 7
	gates, cPrev, tc := fill(make([]float64, 4*H)), fill(make([]float64, H)), fill(make([]float64, H))
	dhAbove, dhNext, dc1 := fill(make([]float64, H)), fill(make([]float64, H)), fill(make([]float64, H))
	dc2 := append([]float64(nil), dc1...)
	da1, da2 := make([]float64, 4*H), make([]float64, 4*H)
	if simdLSTMStepBack(da2, gates, cPrev, tc, dhAbove, dhNext, dc2) != H&^1 {
		return false
	}
	lstmStepBackGo(da1, gates, cPrev, tc, dhAbove, dhNext, dc1, 0)
	for j := range H &^ 1 {
		if dc1[j] != dc2[j] || da1[j] != da2[j] || da1[H+j] != da2[H+j] || da1[2*H+j] != da2[2*H+j] || da1[3*H+j] != da2[3*H+j] {
			return false
		}
	}
	return true
}
