package present

import (
	"math"
	"slices"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// LayerView is one layer of a trace, with its shape: every (T, H) array is
// row-major, one row of H units per step t = 1 … T (index t−1).
type LayerView struct {
	Cell          lstm.Cell
	T, H          int
	Zi, Zf, Z, Zo []float32 // nil for the RNN
	C, Hid        []float32 // C nil for the RNN
	C0, H0        []float32 // the state before step 1
}

// Layer returns layer l of tr (clamped to the layers it has).
func Layer(tr *protocol.TraceResult, l int) LayerView {
	l = max(0, min(l, len(tr.Layers)-1))
	lt := &tr.Layers[l]
	return LayerView{Cell: tr.Cell, T: tr.T, H: tr.H, Zi: lt.Zi, Zf: lt.Zf, Z: lt.Z, Zo: lt.Zo,
		C: lt.C, Hid: lt.H, C0: lt.C0, H0: lt.H0}
}

// LSTM reports whether the layer has gates and a cell state.
func (v LayerView) LSTM() bool { return v.Cell == lstm.CellLSTM && v.C != nil }

// StepValues are every value of one unit j at one step t (0-based), as the
// article's equations name them.
type StepValues struct {
	T, Unit   int     // 0-based step and unit
	Zf, CPrev float64 // forget gate, c_{t−1}
	Zi, Z     float64 // input gate, candidate
	C         float64 // c_t
	Zo        float64 // output gate
	HPrev, H  float64 // h_{t−1}, h_t
	LSTM      bool
}

// Kept returns zᶠ ⊙ c_{t−1}, what the forget stage keeps of the old cell state.
func (s StepValues) Kept() float64 { return s.Zf * s.CPrev }

// Written returns zⁱ ⊙ z, what the select-memory stage writes.
func (s StepValues) Written() float64 { return s.Zi * s.Z }

// At returns the values of unit j at step t; both are clamped into range.
func (v LayerView) At(t, j int) StepValues {
	t = max(0, min(t, v.T-1))
	j = max(0, min(j, v.H-1))
	s := StepValues{T: t, Unit: j, LSTM: v.LSTM()}
	if v.T == 0 {
		return s
	}
	i := t*v.H + j
	s.H = float64(v.Hid[i])
	if t == 0 {
		s.HPrev = float64(v.H0[j])
	} else {
		s.HPrev = float64(v.Hid[i-v.H])
	}
	if !s.LSTM {
		return s
	}
	s.Zf, s.Zi, s.Z, s.Zo, s.C = float64(v.Zf[i]), float64(v.Zi[i]), float64(v.Z[i]), float64(v.Zo[i]), float64(v.C[i])
	if t == 0 {
		s.CPrev = float64(v.C0[j])
	} else {
		s.CPrev = float64(v.C[i-v.H])
	}
	return s
}

// StepBars writes, for every unit at step t, what the forget stage keeps
// (zᶠ ⊙ c_{t−1}) into kept and what the select-memory stage writes (zⁱ ⊙ z)
// into written, and returns them resized to H.
func (v LayerView) StepBars(t int, kept, written []float64) ([]float64, []float64) {
	kept, written = slices.Grow(kept[:0], v.H)[:v.H], slices.Grow(written[:0], v.H)[:v.H]
	for j := range v.H {
		s := v.At(t, j)
		kept[j], written[j] = s.Kept(), s.Written()
	}
	return kept, written
}

// Variances returns the variance over the steps of every unit of x, a (T, H) array.
func Variances(x []float32, T, H int) []float64 {
	out := make([]float64, H)
	if T == 0 {
		return out
	}
	for j := range H {
		var sum, sq float64
		for t := range T {
			v := float64(x[t*H+j])
			sum += v
			sq += v * v
		}
		m := sum / float64(T)
		out[j] = max(0, sq/float64(T)-m*m)
	}
	return out
}

// TopUnits returns the k units (0-based) of largest score, largest first; ties
// go to the lower unit. NaN scores come last.
func TopUnits(score []float64, k int) []int {
	idx := make([]int, len(score))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		sa, sb := score[a], score[b]
		switch {
		case math.IsNaN(sa) && math.IsNaN(sb):
			return 0
		case math.IsNaN(sa):
			return 1
		case math.IsNaN(sb):
			return -1
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return idx[:min(k, len(idx))]
}

// AbsMax returns the largest |v| of the finite values of x (0 if none).
func AbsMax(x []float32) float64 {
	var m float64
	for _, v := range x {
		a := math.Abs(float64(v))
		if a > m && !math.IsInf(a, 0) {
			m = a
		}
	}
	return m
}

// RowAbsMax returns, in dst (resized), the largest finite |x| of each unit
// j of x (T, H) row-major over its T steps; 1 for a unit whose values are
// all below 1e-6 in size, so that dividing by it is safe.
func RowAbsMax(dst []float64, x []float32, T, H int) []float64 {
	dst = append(dst[:0], make([]float64, H)...)
	for i, v := range x[:min(len(x), T*H)] {
		if a := math.Abs(float64(v)); a > dst[i%H] && !math.IsInf(a, 0) {
			dst[i%H] = a
		}
	}
	for j, m := range dst {
		if !(m > 1e-6) {
			dst[j] = 1
		}
	}
	return dst
}

// AbsQuantile returns the q-quantile (0 … 1) of |v| over the finite values of
// x, using scratch (returned, resized) for sorting. It gives a colour scale an
// end that a few outliers do not wash out.
func AbsQuantile(x []float32, q float64, scratch []float64) (float64, []float64) {
	scratch = scratch[:0]
	for _, v := range x {
		a := math.Abs(float64(v))
		if !math.IsNaN(a) && !math.IsInf(a, 0) {
			scratch = append(scratch, a)
		}
	}
	if len(scratch) == 0 {
		return 0, scratch
	}
	i := int(math.Ceil(q*float64(len(scratch)))) - 1
	return nth(scratch, max(0, min(i, len(scratch)-1))), scratch
}

// nth returns the k-th smallest of x (from 0), reordering x: a quickselect
// with three-way partitions, so that runs of equal values (zeros, saturated
// units) do not slow it. Sorting x would give the same value for more work,
// and slices' sort for float64 would add 13 KB of code to app.wasm.
func nth(x []float64, k int) float64 {
	lo, hi := 0, len(x)
	for hi-lo > 1 {
		a, b, c := x[lo], x[lo+(hi-lo)/2], x[hi-1]
		p := max(min(a, b), min(max(a, b), c)) // the median of the three
		// x[lo:lt] < p, x[lt:i] == p, x[gt:hi] > p
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch {
			case x[i] < p:
				x[lt], x[i] = x[i], x[lt]
				lt++
				i++
			case x[i] > p:
				gt--
				x[i], x[gt] = x[gt], x[i]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return p
		}
	}
	return x[k]
}

// MeanAbs returns the mean of |v| over x (0 for none).
func MeanAbs(x []float32) float64 {
	if len(x) == 0 {
		return 0
	}
	var s float64
	for _, v := range x {
		s += math.Abs(float64(v))
	}
	return s / float64(len(x))
}

// NiceLimit rounds a positive magnitude up to 1, 1.5, 2, 3 or 5 times a power
// of ten, at least lo: the end of a symmetric colour scale.
func NiceLimit(v, lo float64) float64 {
	if !(v > lo) || math.IsInf(v, 0) {
		return lo
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.5, 2, 3, 5, 10} {
		if m*p >= v*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}
