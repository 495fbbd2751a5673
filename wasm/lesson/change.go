package lesson

import (
	"math"
	"slices"
)

// minRange is the least range over which a unit counts as moving at all: a
// unit flatter than this says nothing about speed and is left out of means.
const minRange = 1e-6

// checkShape panics if x is not a (T, H) array or x0 is neither nil nor H
// long: the page's own buffers, a programming error.
func checkShape(name string, x, x0 []float32, T, H int) {
	if T < 0 || H < 0 || len(x) != T*H {
		panic("lesson: " + name + ": x is not T·H long")
	}
	if x0 != nil && len(x0) != H {
		panic("lesson: " + name + ": x0 is not H long")
	}
}

// prevAt returns x_{t−1} of unit j: the row before t, or x0 (nil: 0) at t = 0.
func prevAt(x, x0 []float32, t, j, H int) float64 {
	switch {
	case t > 0:
		return float64(x[(t-1)*H+j])
	case x0 != nil:
		return float64(x0[j])
	}
	return 0
}

// Ranges writes into dst (grown to H) the range max − min of every unit of
// the (T, H) array x over its T steps and the state before them, x0 (nil:
// zeros): the span the unit uses over the probe.
func Ranges(dst []float64, x, x0 []float32, T, H int) []float64 {
	checkShape("Ranges", x, x0, T, H)
	dst = slices.Grow(dst[:0], H)[:H]
	for j := range H {
		lo := prevAt(x, x0, 0, j, H)
		hi := lo
		for t := range T {
			v := float64(x[t*H+j])
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		dst[j] = hi - lo
	}
	return dst
}

// RelativeChange is the measure of the claim "c changes slowly, h a lot" that
// means what it says: for every unit j, the mean step-to-step change
// |x_t − x_{t−1}| over the T steps divided by the unit's own range over the
// probe (Ranges) — the fraction of its span a unit crosses in one step, 0 …
// 1. Raw |Δc| and |Δh| are not comparable, because c is unbounded and h stays
// within −1 … 1; relative to its own range, a unit that drifts steadily
// scores low and one that jumps between its extremes scores near 1.
//
// The per-unit values go into dst (grown to H); mean is their mean over the
// units that move at all (range > 1e-6), NaN if none does. x is (T, H)
// row-major, x0 the state before step 1 (nil: zeros). It panics if the
// shapes do not match.
func RelativeChange(dst []float64, x, x0 []float32, T, H int) (perUnit []float64, mean float64) {
	checkShape("RelativeChange", x, x0, T, H)
	perUnit = Ranges(dst, x, x0, T, H)
	var sum float64
	n := 0
	for j, r := range perUnit {
		if !(r > minRange) || T == 0 {
			perUnit[j] = 0
			continue
		}
		var d float64
		for t := range T {
			d += math.Abs(float64(x[t*H+j]) - prevAt(x, x0, t, j, H)) // |x_t − x_{t−1}|
		}
		perUnit[j] = d / float64(T) / r
		sum += perUnit[j]
		n++
	}
	if n == 0 {
		return perUnit, math.NaN()
	}
	return perUnit, sum / float64(n)
}

// StepCorrelation is the other reading of "slow": for every unit j, Pearson's
// correlation between x_{t−1} and x_t over the steps (x0 before step 1) —
// near 1 for a unit that carries its value on, near 0 or below for one that
// jumps. The per-unit values go into dst (grown to H), NaN for a unit that
// does not move; mean is over the units that do (NaN if none).
func StepCorrelation(dst []float64, x, x0 []float32, T, H int) (perUnit []float64, mean float64) {
	checkShape("StepCorrelation", x, x0, T, H)
	perUnit = slices.Grow(dst[:0], H)[:H]
	var sum float64
	n := 0
	for j := range H {
		var sa, sb, saa, sbb, sab float64
		for t := range T {
			a, b := prevAt(x, x0, t, j, H), float64(x[t*H+j])
			sa, sb, saa, sbb, sab = sa+a, sb+b, saa+a*a, sbb+b*b, sab+a*b
		}
		k := float64(T)
		va, vb := saa-sa*sa/k, sbb-sb*sb/k
		if T < 2 || !(va > minRange*minRange) || !(vb > minRange*minRange) {
			perUnit[j] = math.NaN()
			continue
		}
		perUnit[j] = (sab - sa*sb/k) / math.Sqrt(va*vb)
		sum += perUnit[j]
		n++
	}
	if n == 0 {
		return perUnit, math.NaN()
	}
	return perUnit, sum / float64(n)
}

// RelativeSteps is RelativeChange along the time axis, for a chart: for every
// step t, the mean over the units that move (range > 1e-6) of
// |x_t − x_{t−1}| divided by the unit's range, written into dst (grown to T);
// 0 at every step if no unit moves. The mean of these T values is
// RelativeChange's mean. It panics if the shapes do not match.
func RelativeSteps(dst []float64, x, x0 []float32, T, H int) []float64 {
	checkShape("RelativeSteps", x, x0, T, H)
	ranges := Ranges(nil, x, x0, T, H)
	dst = slices.Grow(dst[:0], T)[:T]
	for t := range T {
		var s float64
		n := 0
		for j, r := range ranges {
			if r > minRange {
				s += math.Abs(float64(x[t*H+j])-prevAt(x, x0, t, j, H)) / r // |x_t − x_{t−1}| / range
				n++
			}
		}
		dst[t] = 0
		if n > 0 {
			dst[t] = s / float64(n)
		}
	}
	return dst
}
