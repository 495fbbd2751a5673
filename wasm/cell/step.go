package cell

import "math"

// Step holds the values of one unit at one step, as the page's step
// inspector has them (its StepValues), and what the figure shows beside
// them: the symbol read and the prediction made.
type Step struct {
	T, Unit   int     // 0-based step and unit
	Zf, CPrev float64 // forget gate z^f, c^{t−1}
	Zi, Z     float64 // input gate z^i, content z
	C         float64 // c^t
	Zo        float64 // output gate z^o
	HPrev, H  float64 // h^{t−1}, h^t
	LSTM      bool    // false: the plain RNN (only HPrev and H count)

	X string  // x^t as the page shows it: "a", "␣", "0.5"
	Y string  // y^t's most likely next symbol as shown; "" when unknown
	P float64 // the probability of Y, 0 … 1; NaN when y^t is not a distribution

	// Numbers is true for a model of numbers: y^t = W′h^t + b′ is the next
	// value itself (Y, as the page writes it), not a softmax.
	Numbers bool

	// CLimit is the limit ±CLimit of the colour scale of c, the c heatmap's;
	// 0 or less means max(1, |c^{t−1}|, |c^t|).
	CLimit float64
}

// shown returns a symbol of a text model in quotes, so that a dash or a
// dot reads as a symbol; a number (Numbers) as it is.
func (s Step) shown(sym string) string {
	if s.Numbers || sym == "" {
		return sym
	}
	return "“" + sym + "”"
}

// Kept returns z^f ⊙ c^{t−1}, what the forget stage keeps of the old cell state.
func (s Step) Kept() float64 { return s.Zf * s.CPrev }

// Written returns z^i ⊙ z, what the select-memory stage writes.
func (s Step) Written() float64 { return s.Zi * s.Z }

// cLimit returns the limit of the colour scale of c.
func (s Step) cLimit() float64 {
	if s.CLimit > 0 && !math.IsInf(s.CLimit, 0) {
		return s.CLimit
	}
	l := 1.0
	for _, v := range [...]float64{s.CPrev, s.C, s.Kept(), s.Written()} {
		if a := math.Abs(v); a > l && !math.IsInf(a, 0) {
			l = a
		}
	}
	return l
}

// logit is σ⁻¹, the pre-activation a gate came from, kept finite.
func logit(p float64) float64 {
	const edge = 1e-7
	p = max(edge, min(1-edge, p))
	return math.Log(p / (1 - p))
}

// atanh is tanh⁻¹, kept finite.
func atanh(v float64) float64 {
	const edge = 1 - 1e-7
	return math.Atanh(max(-edge, min(edge, v)))
}
