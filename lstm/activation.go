package lstm

import "math"

// The activations are written out instead of calling math.Exp and math.Tanh:
// in WebAssembly those spend most of their time in a final scaling call
// (math.Ldexp), and the gates evaluate five of them per unit per step. These
// versions agree with package math to a few units in the last place (relative
// error ≤ 1e−15 for exp and σ, ≤ 1e−14 for tanh; tested) and are deterministic:
// plain IEEE operations only.

const (
	ln2Hi   = 6.93147180369123816490e-01 // high bits of ln 2
	ln2Lo   = 1.90821492927058770002e-10 // ln 2 − ln2Hi
	log2e   = 1.44269504088896338700e+00 // 1/ln 2
	shifter = 6755399441055744.0         // 1.5·2⁵²: adding it rounds to an integer
)

// exp returns e^x for x in [−708, 709] and the value at the nearer end of that
// range outside it (NaN stays NaN): about 3e−308 instead of smaller values and
// 8e307 instead of larger ones, which no caller here can tell from the truth.
func exp(x float64) float64 {
	if !(x > -708) {
		if x != x {
			return x
		}
		x = -708
	}
	if x > 709 {
		x = 709
	}
	// x = k·ln 2 + r with k integral and |r| ≤ ln2/2; e^x = 2^k·e^r.
	t := x*log2e + shifter // the low bits of t hold k = round(x/ln 2)
	k := t - shifter
	r := (x - k*ln2Hi) - k*ln2Lo
	// e^r by its Taylor series to degree 13 (truncation error < 2e−16 relative).
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720+r*(1.0/5040+
		r*(1.0/40320+r*(1.0/362880+r*(1.0/3628800+r*(1.0/39916800+r*(1.0/479001600+r*(1.0/6227020800)))))))))))))
	// 2^k built from its exponent bits; k+1023 is in [1, 2046].
	return p * math.Float64frombits((math.Float64bits(t)+1023)<<52)
}

// sigmoid returns σ(x) = 1/(1+e^−x).
func sigmoid(x float64) float64 {
	return 1 / (1 + exp(-x))
}

// tanh returns tanh(x) = (e^{2x}−1)/(e^{2x}+1), from its Taylor series near 0
// where that quotient would lose relative precision.
func tanh(x float64) float64 {
	switch {
	case x > 20:
		return 1 // tanh(20) = 1 − 8e−18 rounds to 1
	case x < -20:
		return -1
	case x > -0.01 && x < 0.01:
		x2 := x * x
		return x * (1 + x2*(-1.0/3+x2*(2.0/15+x2*(-17.0/315)))) // error < 1e−19·|x|
	}
	e := exp(2 * x)
	return (e - 1) / (e + 1)
}

// log returns the natural logarithm of x.
func log(x float64) float64 { return math.Log(x) }

// sqrt returns √x.
func sqrt(x float64) float64 { return math.Sqrt(x) }
