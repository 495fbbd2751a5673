package present

import (
	"image/color"
	"math"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// PermuteUnits writes x, a (T, H) array, into dst with its units in the
// order given (row i of each step is unit order[i]), and returns dst resized.
func PermuteUnits(dst, x []float32, T, H int, order []int) []float32 {
	if cap(dst) < T*H {
		dst = make([]float32, T*H)
	}
	dst = dst[:T*H]
	for t := range T {
		row := x[t*H : (t+1)*H]
		out := dst[t*H : (t+1)*H]
		for i, u := range order {
			out[i] = row[u]
		}
	}
	return dst
}

// InvertOrder returns pos with pos[order[i]] = i: the row of each unit.
func InvertOrder(order []int) []int {
	pos := make([]int, len(order))
	for i, u := range order {
		pos[u] = i
	}
	return pos
}

// ValidOrder reports whether order is a permutation of 0 … H−1.
func ValidOrder(order []int, H int) bool {
	if len(order) != H {
		return false
	}
	seen := make([]bool, H)
	for _, u := range order {
		if u < 0 || u >= H || seen[u] {
			return false
		}
		seen[u] = true
	}
	return true
}

// Effect is how an intervention changed a model's predictions over a probe.
type Effect struct {
	Steps   int // steps compared: those with a next symbol (text) or all (numbers)
	Changed int // steps whose top guess (text) changed
	// Text: the mean probability given to the actual next character,
	// before and after. Numbers: the mean |error| of the prediction of the
	// next value, before and after.
	Before, After float64
	// Numbers: the mean |change| of the predicted next value.
	Shift float64
}

// CompareTraces returns the effect of an intervention: before is the probe's
// trace without it, after with it. Both must trace the same probe.
func CompareTraces(before, after *protocol.TraceResult) Effect {
	var e Effect
	T := min(before.T, after.T)
	if before.Kind == lstm.Numbers {
		for t := range T {
			if t < len(before.Pred) && t < len(after.Pred) {
				e.Shift += math.Abs(float64(after.Pred[t]) - float64(before.Pred[t]))
				if t+1 < T {
					next := float64(before.Values[t+1])
					e.Before += math.Abs(float64(before.Pred[t]) - next)
					e.After += math.Abs(float64(after.Pred[t]) - next)
					e.Steps++
				}
			}
		}
		if T > 0 {
			e.Shift /= float64(T)
		}
		if e.Steps > 0 {
			e.Before /= float64(e.Steps)
			e.After /= float64(e.Steps)
		}
		return e
	}
	for t := range T {
		if t < len(before.Top) && t < len(after.Top) && before.Top[t] != after.Top[t] {
			e.Changed++
		}
		if t+1 < T && t < len(before.PNext) && t < len(after.PNext) {
			e.Before += float64(before.PNext[t])
			e.After += float64(after.PNext[t])
			e.Steps++
		}
	}
	if e.Steps > 0 {
		e.Before /= float64(e.Steps)
		e.After /= float64(e.Steps)
	}
	return e
}

// InkOn returns the text colour that reads best on background c: near-black
// or white, by the background's relative luminance (WCAG).
func InkOn(c color.RGBA) string {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	// contrast with black (l+0.05)/0.05 against white 1.05/(l+0.05)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#111111"
	}
	return "#ffffff"
}

// Snapshot updates: the heatmaps and a sample are kept at these updates, and
// then at every further 1, 3 × a power of ten.
var snapshotUpdates = []uint64{0, 100, 300, 1000, 3000, 10000, 30000, 100000, 300000, 1000000}

// NextSnapshot returns the first snapshot update above after (after < 0:
// update 0). It works in uint64 and ends for every after: the last snapshot
// update in uint64, 10^19, is above every int64.
func NextSnapshot(after int64) uint64 {
	for _, u := range snapshotUpdates {
		if int64(u) > after {
			return u
		}
	}
	a := uint64(after) // ≥ 10^6 here
	for p := snapshotUpdates[len(snapshotUpdates)-1]; ; p *= 10 {
		if 3*p > a {
			return 3 * p
		}
		if 10*p > a { // at the latest with p = 10^18
			return 10 * p
		}
	}
}

// SampleSeed returns the seed of the n-th Generate (from 0) at an update of
// a model made with seed: the same in every page with the same model, and
// different from press to press (SplitMix64 of the three).
func SampleSeed(seed, update, n uint64) uint64 {
	z := seed*0x9e3779b97f4a7c15 ^ update*0xbf58476d1ce4e5b9 ^ (n+1)*0x94d049bb133111eb
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
