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
