package lstm

import (
	"math"
	"testing"
)

// TestActivationsMatchMath compares exp, sigmoid and tanh with package math over
// their whole useful range, on a grid that is not aligned with ln 2.
func TestActivationsMatchMath(t *testing.T) {
	var worstExp, worstSig, worstTanh float64
	var atExp, atSig, atTanh float64
	for i := -708000; i <= 709000; i += 7 {
		x := float64(i)/1000 + 1.23e-4
		if r := math.Abs(exp(x)-math.Exp(x)) / math.Exp(x); r > worstExp {
			worstExp, atExp = r, x
		}
		if x > -40 && x < 40 {
			want := 1 / (1 + math.Exp(-x))
			if r := math.Abs(sigmoid(x)-want) / want; r > worstSig {
				worstSig, atSig = r, x
			}
			want = math.Tanh(x)
			if r := math.Abs(tanh(x)-want) / math.Abs(want); r > worstTanh {
				worstTanh, atTanh = r, x
			}
		}
	}
	for _, x := range []float64{1e-300, -1e-12, 3e-5, -0.0099, 0.0101, 0.3, -19.9, 20.1} {
		if r := math.Abs(tanh(x)-math.Tanh(x)) / math.Abs(math.Tanh(x)); r > worstTanh {
			worstTanh, atTanh = r, x
		}
	}
	t.Logf("worst relative error: exp %.2g at %g, sigmoid %.2g at %g, tanh %.2g at %g", worstExp, atExp, worstSig, atSig, worstTanh, atTanh)
	if worstExp > 1e-15 || worstSig > 1e-15 || worstTanh > 1e-14 {
		t.Errorf("relative error too large (want exp, sigmoid ≤ 1e-15, tanh ≤ 1e-14): exp %g at %g, sigmoid %g at %g, tanh %g at %g", worstExp, atExp, worstSig, atSig, worstTanh, atTanh)
	}
	// The ends of the range and beyond.
	if exp(-1000) <= 0 || exp(-1000) > 1e-307 || math.IsInf(exp(1000), 0) || exp(1000) < 1e307 {
		t.Errorf("exp clamps badly: exp(−1000) = %g, exp(1000) = %g", exp(-1000), exp(1000))
	}
	if !math.IsNaN(exp(math.NaN())) || !math.IsNaN(tanh(math.NaN())) || !math.IsNaN(sigmoid(math.NaN())) {
		t.Error("NaN must stay NaN")
	}
	if tanh(math.Inf(1)) != 1 || tanh(math.Inf(-1)) != -1 || sigmoid(math.Inf(-1)) != 0 && sigmoid(math.Inf(-1)) > 1e-300 {
		t.Error("infinities map to the limits")
	}
}
