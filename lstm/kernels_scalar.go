//go:build !(js && wasm && lstmsimd)

package lstm

// Without the lstmsimd build tag (natively, and in plain WebAssembly builds such
// as `go test` under Node) the kernels are the Go code of kernels.go.
const simd, fma = false, false

func simdMatVec(y, m, x []float64) { panic("lstm: no SIMD kernels in this build") }

func simdMatVecT(y, m, x []float64) { panic("lstm: no SIMD kernels in this build") }

func simdGemmAcc(dst []float64, m, n int, a []float64, si, st int, b []float64, steps int) {
	panic("lstm: no SIMD kernels in this build")
}

func simdAdd(y, x []float64) { panic("lstm: no SIMD kernels in this build") }

func simdSumSq(g []float64) float64 { panic("lstm: no SIMD kernels in this build") }

func simdClip(g []float64, limit float64) int { panic("lstm: no SIMD kernels in this build") }

func simdAdam(p, g, m, v []float64, lr, b1, b2, c1, c2, eps float64) {
	panic("lstm: no SIMD kernels in this build")
}

func simdLSTMGates(a, cPrev, c, tc, h []float64) int { panic("lstm: no SIMD kernels in this build") }

func simdLSTMStepBack(da, gates, cPrev, tc, dhAbove, dhNext, dcNext []float64) int {
	panic("lstm: no SIMD kernels in this build")
}

func simdTanh(x []float64) int { panic("lstm: no SIMD kernels in this build") }

func simdExpShift(p, y []float64, m float64) (int, float64) {
	panic("lstm: no SIMD kernels in this build")
}
