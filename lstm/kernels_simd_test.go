//go:build js && wasm && lstmsimd

package lstm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// These tests run only in the lstmsimd build, under tests/simd/run.cjs (which
// loads the kernels as the page does). Every other test of the package then
// runs on the kernels too.

func TestSIMDKernelsLoaded(t *testing.T) {
	if !SIMD() {
		t.Fatal("the lstmsimd build runs without its kernels: run it with tests/simd/go_js_wasm_simd_exec and LSTM_KERNEL set")
	}
	t.Logf("FMA kernels in use: %v", FMA())
}

// TestSIMDFusedMultiplyAdd checks that the kernels round as their build says:
// on a sum whose exact value is −2⁻⁶⁰, (1 + 2⁻³⁰)(1 − 2⁻³⁰) − 1, the exact build
// rounds the product to 1 and gives 0; the FMA build rounds once and gives
// −2⁻⁶⁰. Each kernel whose loops the FMA build fuses is checked in its vector
// loop. (Relaxed SIMD lets an engine compute relaxed_madd unfused, on a CPU
// without FMA; the FMA build then gains nothing, and this test says so.)
func TestSIMDFusedMultiplyAdd(t *testing.T) {
	const e = 1.0 / (1 << 30)
	want := 0.0
	if FMA() {
		want = -e * e
	}
	check := func(what string, got float64) {
		t.Helper()
		if got != want {
			t.Errorf("%s gives %g, want %g (FMA build: %v)", what, got, want, FMA())
		}
	}
	// matvec, 4 rows of 8: row 0 sums 1·(−1) at k = 0, then (1+e)(1−e) at k = 4.
	m, x, y := make([]float64, 4*8), make([]float64, 8), make([]float64, 4)
	m[0], x[0], m[4], x[4] = 1, -1, 1+e, 1-e
	simdMatVec(y, m, x)
	check("matvec", y[0])
	// matvect, 2 rows of 16 columns: column 0 sums over the rows.
	mt, xt, yt := make([]float64, 2*16), []float64{-1, 1 - e}, make([]float64, 16)
	mt[0], mt[16] = 1, 1+e
	simdMatVecT(yt, mt, xt)
	check("matvect", yt[0])
	// gemmacc as addMulTN, dst (4, 4) over 2 steps: A(0,t) = a[4t], b[t·4].
	a, b, d := make([]float64, 2*4), make([]float64, 2*4), make([]float64, 4*4)
	a[0], b[0], a[4], b[4] = 1, -1, 1+e, 1-e
	simdGemmAcc(d, 4, 4, a, 1, 4, b, 2)
	check("gemmacc", d[0])
}

func TestSIMDKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.NormFloat64()
		}
		return s
	}
	check := func(what string, got, want []float64) {
		t.Helper()
		for i := range want {
			if d := math.Abs(got[i] - want[i]); !(d <= 1e-12*(1+math.Abs(want[i]))) {
				t.Fatalf("%s[%d] = %.17g, Go gives %.17g", what, i, got[i], want[i])
			}
		}
	}
	for rows := 1; rows <= 13; rows++ {
		for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 71} {
			m, x := fill(rows*n), fill(n)
			y := fill(rows)
			want := append([]float64(nil), y...)
			matVecAddGo(want, m, x)
			simdMatVec(y, m, x)
			check("matvec", y, want)
			// the same product read from the transpose mT (n, rows): y += (mT)ᵀx
			mT := make([]float64, n*rows)
			transpose(mT, m, rows, n)
			yT := append([]float64(nil), y...)
			wantT := append([]float64(nil), y...)
			matVecAddGo(wantT, m, x)
			simdMatVecT(yT, mT, x)
			check("matvect", yT, wantT)
			sum := append([]float64(nil), x...)
			simdAdd(sum, m[:n])
			for k := range sum {
				if sum[k] != x[k]+m[k] {
					t.Fatalf("add[%d] of %d = %.17g, not %.17g", k, n, sum[k], x[k]+m[k])
				}
			}
			for _, steps := range []int{1, 2, 5, 32} {
				a, b := fill(steps*rows), fill(steps*n)
				d := fill(rows * n)
				wantTN := append([]float64(nil), d...)
				addMulTNGo(wantTN, rows, n, a, b, steps)
				gotTN := append([]float64(nil), d...)
				simdGemmAcc(gotTN, rows, n, a, 1, rows, b, steps)
				check("addMulTN", gotTN, wantTN)
				wantNN := append([]float64(nil), d...)
				addMulNNGo(wantNN, rows, n, a, steps, b)
				gotNN := append([]float64(nil), d...)
				simdGemmAcc(gotNN, rows, n, a, steps, 1, b, steps)
				check("addMulNN", gotNN, wantNN)
			}
		}
	}
}

func TestSIMDOptimizerKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	fill := func(n int, scale float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = scale * rng.NormFloat64()
		}
		return s
	}
	for _, n := range []int{1, 2, 3, 4, 5, 8, 31, 1001} {
		g := fill(n, 4)
		if got, want := simdSumSq(g), sumSquaresGo(g); math.Abs(got-want) > 1e-12*want {
			t.Errorf("n=%d: sumsq %.17g, Go %.17g", n, got, want)
		}
		g1, g2 := append([]float64(nil), g...), append([]float64(nil), g...)
		if c1, c2 := clipElementwiseGo(g1, 3), simdClip(g2, 3); c1 != c2 {
			t.Errorf("n=%d: clip counted %d, Go %d", n, c2, c1)
		}
		for i := range g1 {
			if g1[i] != g2[i] {
				t.Fatalf("n=%d: clipped g[%d] = %g, Go %g", n, i, g2[i], g1[i])
			}
		}
		p, m, v := fill(n, 1), fill(n, 0.1), fill(n, 0.1)
		for i := range v {
			v[i] *= v[i]
		}
		p2, m2, v2 := append([]float64(nil), p...), append([]float64(nil), m...), append([]float64(nil), v...)
		adamGo(p, g, m, v, 0.01, 0.9, 0.999, 1/(1-0.9), 1/(1-0.999), 1e-8)
		simdAdam(p2, g, m2, v2, 0.01, 0.9, 0.999, 1/(1-0.9), 1/(1-0.999), 1e-8)
		for i := range p {
			// The kernel does the Go code's operations in its order: the same bits.
			if p[i] != p2[i] || m[i] != m2[i] || v[i] != v2[i] {
				t.Fatalf("n=%d: adam differs at %d: θ %g/%g m %g/%g v %g/%g", n, i, p2[i], p[i], m2[i], m[i], v2[i], v[i])
			}
		}
	}
}

// TestSIMDActivationsSameBits checks that the kernels' σ and tanh give exactly
// the bits of activation.go, so the gates are the same in both builds.
func TestSIMDActivationsSameBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, H := range []int{1, 2, 3, 6, 7, 8, 33, 64} { // quads, a pair left, an odd unit left
		a := make([]float64, 4*H)
		for i := range a {
			a[i] = rng.NormFloat64() * []float64{0.004, 1, 5, 30}[i%4]
		}
		cPrev := make([]float64, H)
		for i := range cPrev {
			cPrev[i] = 3 * rng.NormFloat64()
		}
		want := append([]float64(nil), a...)
		wc, wtc, wh := make([]float64, H), make([]float64, H), make([]float64, H)
		for j := 0; j < H; j++ {
			zi, zf, z, zo := want[j:], want[H+j:], want[2*H+j:], want[3*H+j:]
			zi[0], zf[0], z[0], zo[0] = sigmoid(zi[0]), sigmoid(zf[0]), tanh(z[0]), sigmoid(zo[0])
			wc[j] = zf[0]*cPrev[j] + zi[0]*z[0]
			wtc[j] = tanh(wc[j])
			wh[j] = zo[0] * wtc[j]
		}
		c, tc, h := make([]float64, H), make([]float64, H), make([]float64, H)
		n := simdLSTMGates(a, cPrev, c, tc, h)
		if n != H&^1 {
			t.Fatalf("H=%d: the kernel did %d units", H, n)
		}
		for j := 0; j < n; j++ {
			for g := 0; g < 4; g++ {
				if a[g*H+j] != want[g*H+j] {
					t.Fatalf("H=%d: gate %d unit %d = %v, Go %v", H, g, j, a[g*H+j], want[g*H+j])
				}
			}
			if c[j] != wc[j] || tc[j] != wtc[j] || h[j] != wh[j] {
				t.Fatalf("H=%d unit %d: c %v/%v tanh c %v/%v h %v/%v", H, j, c[j], wc[j], tc[j], wtc[j], h[j], wh[j])
			}
		}
	}
}

// TestSIMDStepBackSameBits checks the backward kernel of an LSTM step against
// lstmStepBackGo bit for bit, for pairs of units and an odd unit left over.
func TestSIMDStepBackSameBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.NormFloat64()
		}
		return s
	}
	for _, H := range []int{1, 2, 3, 6, 7, 64} {
		gates, cPrev, tc := fill(4*H), fill(H), fill(H)
		dhAbove, dhNext, dc := fill(H), fill(H), fill(H)
		wantDC := append([]float64(nil), dc...)
		want, got := make([]float64, 4*H), make([]float64, 4*H)
		lstmStepBackGo(want, gates, cPrev, tc, dhAbove, dhNext, wantDC, 0)
		lstmStepBack(got, gates, cPrev, tc, dhAbove, dhNext, dc)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("H=%d: da[%d] = %.17g, Go gives %.17g", H, i, got[i], want[i])
			}
		}
		for j := range wantDC {
			if dc[j] != wantDC[j] {
				t.Fatalf("H=%d: dcNext[%d] = %.17g, Go gives %.17g", H, j, dc[j], wantDC[j])
			}
		}
	}
}
