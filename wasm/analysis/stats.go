package analysis

import (
	"cmp"
	"math"
	"slices"
)

func checkShape(name string, x []float32, T, H int) {
	if T < 0 || H < 0 || len(x) != T*H {
		panic("analysis: " + name + ": the activations are not T·H long")
	}
}

// Match is the correlation of one unit with one feature.
type Match struct {
	Feature int     // index of the feature in the list given to Correlate
	Name    string  // the feature's name
	Unit    int     // 0-based unit
	R       float64 // Pearson's r, −1 … 1
}

// Correlate returns Pearson's correlation r of every unit's activation series
// with every feature along the T steps: act is (T, H) and every feature has T
// values. The matches are sorted by |r|, largest first (ties: feature order,
// then unit order), so the first ones are the top matches overall, and Best
// picks each feature's best unit.
//
// A pair has no correlation, and is left out, when either series is constant
// (all values equal, as a gate stuck at 1 or a feature absent from the probe)
// or holds a NaN or an infinity: r is never NaN. With T < 2 nothing
// correlates and the result is empty. It panics if len(act) ≠ T·H or a
// feature does not have T values.
func Correlate(act []float32, T, H int, feats []Feature) []Match {
	checkShape("Correlate", act, T, H)
	for _, f := range feats {
		if len(f.Values) != T {
			panic("analysis: Correlate: feature " + f.Name + " does not have T values")
		}
	}
	units := center32(act, T, H)
	var out []Match
	dev := make([]float64, T)
	cov := make([]float64, H)
	for fi, f := range feats {
		norm, ok := center(dev, f.Values)
		if !ok {
			continue
		}
		clear(cov)
		for t, d := range dev {
			row := act[t*H : (t+1)*H]
			for j, x := range row {
				cov[j] += d * (float64(x) - units.mean[j]) // Σ (f_t − f̄)(x_t − x̄)
			}
		}
		for j := range H {
			if !units.ok[j] {
				continue
			}
			r := cov[j] / (norm * units.norm[j]) // r = cov / (‖f − f̄‖ ‖x − x̄‖)
			out = append(out, Match{Feature: fi, Name: f.Name, Unit: j, R: max(-1, min(1, r))})
		}
	}
	// The sort runs on indices: slices' sort for int is in app.wasm anyway,
	// one for Match would add 9 KB of code.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(math.Abs(out[j].R), math.Abs(out[i].R)) })
	sorted := make([]Match, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	return sorted
}

// Best returns the first match of each feature in ms, in the order of ms: for
// the sorted result of Correlate, each feature's best unit, the best feature
// first. A feature with no match (constant along the probe) is absent.
func Best(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		if !slices.ContainsFunc(out, func(o Match) bool { return o.Feature == m.Feature }) {
			out = append(out, m)
		}
	}
	return out
}

// unitStats are the per-unit means and centred norms of a (T, H) array.
type unitStats struct {
	mean, norm []float64 // (H) x̄ and ‖x − x̄‖
	ok         []bool    // (H) the series is finite and not constant
}

// center32 returns the statistics of every unit of x, a (T, H) array.
func center32(x []float32, T, H int) unitStats {
	s := unitStats{mean: make([]float64, H), norm: make([]float64, H), ok: make([]bool, H)}
	if T == 0 {
		return s
	}
	for j := range H {
		lo, hi := math.Inf(1), math.Inf(-1)
		var sum float64
		for t := range T {
			v := float64(x[t*H+j])
			sum += v
			lo, hi = min(lo, v), max(hi, v)
		}
		m := sum / float64(T)
		var ss float64
		for t := range T {
			d := float64(x[t*H+j]) - m
			ss += d * d
		}
		s.mean[j], s.norm[j] = m, math.Sqrt(ss)
		s.ok[j] = lo < hi && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) && s.norm[j] > 0 && !math.IsInf(s.norm[j], 0)
	}
	return s
}

// center writes v − v̄ into dst and returns ‖v − v̄‖, and false if v is
// constant or not finite.
func center(dst, v []float64) (float64, bool) {
	if len(v) == 0 {
		return 0, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	var sum float64
	for _, x := range v {
		sum += x
		lo, hi = min(lo, x), max(hi, x)
	}
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 0, false
	}
	m := sum / float64(len(v))
	var ss float64
	for i, x := range v {
		dst[i] = x - m
		ss += dst[i] * dst[i]
	}
	n := math.Sqrt(ss)
	return n, n > 0 && !math.IsInf(n, 0)
}

// OrderUnits returns a permutation of the H units of act, a (T, H) array, that
// puts units with similar activation series next to each other, for a heatmap
// whose rows show patterns instead of noise. It builds a greedy
// nearest-neighbour chain on the correlation distance 1 − r: it starts at the
// unit of largest variance, and repeatedly appends the unused unit most
// correlated with the last one (so units that look alike, not mirror images,
// sit together). Units without a correlation (constant or not finite) come
// last, in their order. Ties go to the lower unit, so the result is
// deterministic. It takes O(H²·T) time and panics if len(act) ≠ T·H.
func OrderUnits(act []float32, T, H int) []int {
	checkShape("OrderUnits", act, T, H)
	st := center32(act, T, H)
	// z[j] is unit j's series, centred and scaled to norm 1, so that
	// r_ij = z[i]·z[j].
	z := make([][]float64, H)
	var live []int
	for j := range H {
		if !st.ok[j] {
			continue
		}
		z[j] = make([]float64, T)
		for t := range T {
			z[j][t] = (float64(act[t*H+j]) - st.mean[j]) / st.norm[j]
		}
		live = append(live, j)
	}
	order := make([]int, 0, H)
	if len(live) > 0 {
		first := live[0]
		for _, j := range live {
			if st.norm[j] > st.norm[first] {
				first = j
			}
		}
		used := make([]bool, H)
		used[first] = true
		order = append(order, first)
		for last := first; len(order) < len(live); {
			next, best := -1, math.Inf(-1)
			for _, j := range live {
				if used[j] {
					continue
				}
				var r float64
				for t, v := range z[last] {
					r += v * z[j][t]
				}
				if r > best {
					next, best = j, r
				}
			}
			used[next] = true
			order = append(order, next)
			last = next
		}
	}
	for j := range H {
		if !st.ok[j] {
			order = append(order, j)
		}
	}
	return order
}

// Saturation thresholds of a gate (Karpathy, Johnson and Fei-Fei 2015,
// "Visualizing and Understanding Recurrent Networks", §4.3): a gate value
// below SatLow is left-saturated (closed), above SatHigh right-saturated (open).
const (
	SatLow  = 0.1
	SatHigh = 0.9
)

// Saturation is how often a gate is saturated.
type Saturation struct {
	Left, Right         float64   // share of all values < SatLow, > SatHigh
	LeftUnit, RightUnit []float64 // (H) the same, per unit
}

// GateStats returns the share of the values of z, a (T, H) array of gate
// activations (zⁱ, zᶠ or zᵒ), that are below SatLow (left-saturated) and above
// SatHigh (right-saturated), per unit and overall. NaN values count in
// neither the numerator nor the denominator; a unit with no values has
// shares 0. It panics if len(z) ≠ T·H.
func GateStats(z []float32, T, H int) Saturation {
	checkShape("GateStats", z, T, H)
	s := Saturation{LeftUnit: make([]float64, H), RightUnit: make([]float64, H)}
	n := make([]int, H)
	var left, right, total int
	for t := range T {
		for j, v := range z[t*H : (t+1)*H] {
			if v != v {
				continue
			}
			n[j]++
			switch {
			case v < SatLow:
				s.LeftUnit[j]++
			case v > SatHigh:
				s.RightUnit[j]++
			}
		}
	}
	for j := range H {
		left += int(s.LeftUnit[j])
		right += int(s.RightUnit[j])
		total += n[j]
		if n[j] > 0 {
			s.LeftUnit[j] /= float64(n[j])
			s.RightUnit[j] /= float64(n[j])
		}
	}
	if total > 0 {
		s.Left = float64(left) / float64(total)
		s.Right = float64(right) / float64(total)
	}
	return s
}

// MeanAbsDelta returns, for every step t, the mean over the H units of
// |x_t − x_{t−1}|, where x is a (T, H) array of states x_1 … x_T and x0 (H) is
// the state before step 1 (nil: zeros), and the mean of those T values. It is
// the measure of the claim "c changes slowly, h changes a lot": compare it for
// C and H of one trace. The per-step values are written into dst's storage
// when it is large enough (the page passes the same buffer every frame), so
// dst may be nil. It panics if len(x) ≠ T·H or x0 is neither nil nor H long.
func MeanAbsDelta(dst []float64, x, x0 []float32, T, H int) (perStep []float64, mean float64) {
	checkShape("MeanAbsDelta", x, T, H)
	if x0 != nil && len(x0) != H {
		panic("analysis: MeanAbsDelta: x0 is not H long")
	}
	perStep = slices.Grow(dst[:0], T)[:T]
	if T == 0 || H == 0 {
		clear(perStep)
		return perStep, 0
	}
	var total float64
	for t := range T {
		cur := x[t*H : (t+1)*H]
		var s float64
		for j, v := range cur {
			var prev float64
			switch {
			case t > 0:
				prev = float64(x[(t-1)*H+j])
			case x0 != nil:
				prev = float64(x0[j])
			}
			s += math.Abs(float64(v) - prev) // |x_t − x_{t−1}|
		}
		perStep[t] = s / float64(H)
		total += perStep[t]
	}
	return perStep, total / float64(T)
}
