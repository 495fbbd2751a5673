// Package chart computes everything the playground draws that is arithmetic:
// scales and their ticks, colour maps, heatmap and legend pixels, and the
// geometry of line charts.
//
// It knows nothing of the model or of the browser: it takes plain slices
// ([]float32, []float64), as TensorFlow Playground's heatmap.ts takes
// number[][], and writes into caller-owned buffers (destination first), which
// the UI copies to a canvas once per frame (js.CopyBytesToJS, putImageData).
// Functions panic on programmer errors (a buffer of the wrong size) and never
// on data: NaN and ±Inf values get a colour, clamp or are skipped, as each
// function documents.
package chart

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/wasm/mathtext"
)

// Scale maps data values to pixel positions along one axis.
type Scale interface {
	// Map returns the pixel position of the data value v.
	Map(v float64) float64
	// Invert returns the data value at pixel position px.
	Invert(px float64) float64
	// Ticks returns about n tick marks inside the domain, with labels.
	Ticks(n int) []Tick
}

// Tick is one tick mark of an axis.
type Tick struct {
	Value float64 // data value
	Pos   float64 // pixel position, Map(Value)
	Label string  // Value formatted for the axis, e.g. "0.5", "2k", "1e-3"
}

// Linear maps the domain [D0, D1] linearly onto the pixel range [R0, R1].
// R0 > R1 is allowed and usual for a y axis (pixel rows grow downwards). A
// domain with D0 == D1 maps every value to the middle of the range.
type Linear struct {
	D0, D1 float64 // domain
	R0, R1 float64 // range, in pixels
}

// Map returns R0 + (v−D0)·(R1−R0)/(D1−D0). Values outside the domain map
// outside the range; the caller clips.
func (s Linear) Map(v float64) float64 {
	if s.D1 == s.D0 {
		return (s.R0 + s.R1) / 2
	}
	return s.R0 + (v-s.D0)*(s.R1-s.R0)/(s.D1-s.D0)
}

// Invert returns the data value at pixel px.
func (s Linear) Invert(px float64) float64 {
	if s.R1 == s.R0 {
		return (s.D0 + s.D1) / 2
	}
	return s.D0 + (px-s.R0)*(s.D1-s.D0)/(s.R1-s.R0)
}

// Ticks returns about n ticks at "nice" values (1, 2 or 5 times a power of
// ten) inside the domain, labelled with as many decimals as the step needs and
// k, M, G suffixes for thousands and beyond ("1.5k").
func (s Linear) Ticks(n int) []Tick {
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	vals, step := NiceTicks(lo, hi, n)
	ticks := make([]Tick, len(vals))
	for i, v := range vals {
		ticks[i] = Tick{Value: v, Pos: s.Map(v), Label: FormatTick(v, step)}
	}
	return ticks
}

// Nice returns s with its domain extended outward to multiples of the tick
// step for about n ticks, so that the axis starts and ends on a tick. An empty
// domain (D0 == D1) is widened by 1 on each side first.
func (s Linear) Nice(n int) Linear {
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	if !finite(lo) || !finite(hi) {
		return s
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	// Two rounds, as d3's nice: extending the domain can change the step.
	for range 2 {
		step := tickStep(lo, hi, n)
		if step <= 0 {
			break
		}
		lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	}
	if s.D0 > s.D1 {
		lo, hi = hi, lo
	}
	s.D0, s.D1 = lo, hi
	return s
}

// tickStep returns the nice step (1, 2 or 5 × 10^k) for about n ticks over
// [lo, hi], or 0 if there is none (an empty or non-finite domain, or a step
// below the smallest normal float64, 2^−1022).
func tickStep(lo, hi float64, n int) float64 {
	if n < 1 {
		n = 1
	}
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) {
		return 0
	}
	raw := span / float64(n)
	if raw < 0x1p-1022 {
		// Below the smallest normal float64, Log10 and Pow lose their
		// precision and the step would not fit the span.
		return 0
	}
	power := math.Floor(math.Log10(raw))
	e := raw / math.Pow(10, power)
	// The thresholds are the geometric means of 1, 2, 5 and 10, as in d3.
	f := 1.0
	switch {
	case e >= math.Sqrt(50):
		f = 10
	case e >= math.Sqrt(10):
		f = 5
	case e >= math.Sqrt(2):
		f = 2
	}
	return f * math.Pow(10, power)
}

// NiceTicks returns the tick values for about n ticks over [lo, hi], at
// multiples of a step of 1, 2 or 5 times a power of ten, and the step. Values
// are computed as i/10^k when the step is below 1, so that 0.3 is 0.3 and not
// 0.30000000000000004. An empty or non-finite domain gives no ticks, except
// lo == hi, which gives that one value.
func NiceTicks(lo, hi float64, n int) (ticks []float64, step float64) {
	if lo == hi && finite(lo) {
		return []float64{lo}, 0
	}
	step = tickStep(lo, hi, n)
	if step == 0 {
		return nil, 0
	}
	// Work in integer multiples of the step: step = m·10^p, m in {1, 2, 5}.
	p := math.Floor(math.Log10(step) + 1e-9)
	m := math.Round(step / math.Pow(10, p))
	i0, i1 := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	if !(i1-i0 <= 10000) { // n was absurd; refuse rather than allocate
		return nil, step
	}
	// Count with an int: above 2^53, i0+k is not always a new float64 (i++
	// would loop for ever there), so neighbouring multiples can round to
	// the same value; each value is kept once.
	for k := range int(i1-i0) + 1 {
		i := i0 + float64(k)
		var v float64
		if p < 0 {
			v = i * m / math.Pow(10, -p)
		} else {
			v = i * m * math.Pow(10, p)
		}
		if v == 0 {
			v = 0 // no −0
		}
		if n := len(ticks); !finite(v) || n > 0 && v <= ticks[n-1] {
			continue
		}
		ticks = append(ticks, v)
	}
	return ticks, step
}

// FormatTick formats the tick value v of an axis whose ticks are step apart:
// with the decimals the step needs and trailing zeros dropped ("0", "0.5",
// "1"); with a k, M, G or T suffix from 1000 on ("500", "1k", "1.5k", "2M");
// in e-notation if the step is below 0.001 ("1e-4", "1.5e-4"). Negative values
// get a minus sign (U+2212), as in print.
func FormatTick(v, step float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return "∞"
		}
		return "−∞"
	}
	step = math.Abs(step)
	a := math.Abs(v)
	var s string
	switch {
	case v == 0:
		s = "0"
	case a >= 1e15:
		s = formatExp(v)
	case a >= 1000:
		unit, suffix := 1e3, "k"
		switch {
		case a >= 1e12:
			unit, suffix = 1e12, "T"
		case a >= 1e9:
			unit, suffix = 1e9, "G"
		case a >= 1e6:
			unit, suffix = 1e6, "M"
		}
		s = trimZeros(strconv.FormatFloat(v/unit, 'f', decimals(step/unit), 64)) + suffix
	case step > 0 && step < 1e-3:
		s = formatExp(v)
	case step == 0: // a lone tick: as many digits as it takes
		s = strconv.FormatFloat(v, 'f', -1, 64)
	default:
		s = trimZeros(strconv.FormatFloat(v, 'f', decimals(step), 64))
	}
	return mathtext.TrueMinus(s)
}

// decimals returns the number of decimals that shows multiples of step exactly.
func decimals(step float64) int {
	if !(step > 0) || step >= 1 {
		return 0
	}
	d := int(math.Ceil(-math.Log10(step) - 1e-9))
	// A step of 2.5·10^-k needs one more decimal than 10^-k.
	if math.Abs(step*math.Pow(10, float64(d))-math.Round(step*math.Pow(10, float64(d)))) > 1e-6 {
		d++
	}
	return min(d, 15)
}

// trimZeros drops trailing zeros after a decimal point, and the point itself
// if nothing is left after it; it leaves the exponent of e-notation alone.
func trimZeros(s string) string {
	exp := ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		s, exp = s[:i], s[i:]
	}
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s + exp
}

// formatExp formats v in short e-notation: 1e-3, 2.5e-4, 1e6.
func formatExp(v float64) string {
	s := strconv.FormatFloat(v, 'e', -1, 64) // e.g. 2.5e-04
	mant, exp, _ := strings.Cut(s, "e")
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	if exp == "" {
		return mant
	}
	return mant + "e" + sign + exp
}

// Log maps the domain [D0, D1] (both > 0) onto the range [R0, R1] linearly in
// log10, for quantities that span decades, such as how far a gradient reaches.
type Log struct {
	D0, D1 float64 // domain, both > 0
	R0, R1 float64 // range, in pixels
}

// Map returns the pixel position of v. Values ≤ 0 and NaN, which have no
// logarithm, map to R0, the bottom of the axis; so does an invalid domain.
func (s Log) Map(v float64) float64 {
	if !(v > 0) || !(s.D0 > 0) || !(s.D1 > 0) {
		return s.R0
	}
	l0, l1 := math.Log10(s.D0), math.Log10(s.D1)
	if l0 == l1 {
		return (s.R0 + s.R1) / 2
	}
	return s.R0 + (math.Log10(v)-l0)*(s.R1-s.R0)/(l1-l0)
}

// Invert returns the data value at pixel px.
func (s Log) Invert(px float64) float64 {
	if s.R1 == s.R0 || !(s.D0 > 0) || !(s.D1 > 0) {
		return math.Sqrt(s.D0 * s.D1)
	}
	l0, l1 := math.Log10(s.D0), math.Log10(s.D1)
	return math.Pow(10, l0+(px-s.R0)*(l1-l0)/(s.R1-s.R0))
}

// Nice returns s with its domain extended outward to powers of ten.
func (s Log) Nice() Log {
	if !(s.D0 > 0) || !(s.D1 > 0) || math.IsInf(s.D0, 0) || math.IsInf(s.D1, 0) {
		return s
	}
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	lo, hi = math.Pow(10, math.Floor(math.Log10(lo))), math.Pow(10, math.Ceil(math.Log10(hi)))
	if lo == hi {
		lo, hi = lo/10, hi*10
	}
	if s.D0 > s.D1 {
		lo, hi = hi, lo
	}
	s.D0, s.D1 = lo, hi
	return s
}

// Ticks returns ticks at powers of ten inside the domain, every k-th decade so
// that there are at most about n; if the domain holds fewer than two powers of
// ten it adds 2 and 5 times them. Labels are "0.1", "1", "10", "100" and
// "1e-3", "1e3" beyond.
func (s Log) Ticks(n int) []Tick {
	if !(s.D0 > 0) || !(s.D1 > 0) || math.IsInf(s.D0, 0) || math.IsInf(s.D1, 0) {
		return nil
	}
	n = max(n, 1)
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	e0, e1 := int(math.Ceil(math.Log10(lo)-1e-9)), int(math.Floor(math.Log10(hi)+1e-9))
	var ticks []Tick
	if e1-e0+1 >= 2 {
		decades := e1 - e0 + 1         // at most about 650
		n := min(n, decades)           // so that the sum below cannot overflow
		every := (decades + n - 1) / n // ceil(decades/n)
		// Keep the decades that are multiples of every, so that 1 stays a tick.
		for e := e0; e <= e1; e++ {
			if e%every != 0 {
				continue
			}
			v := pow10(e)
			ticks = append(ticks, Tick{Value: v, Pos: s.Map(v), Label: formatDecade(e)})
		}
		return ticks
	}
	for e := e0 - 1; e <= e1; e++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * pow10(e)
			if v < lo*(1-1e-9) || v > hi*(1+1e-9) {
				continue
			}
			label := formatDecade(e)
			if m != 1 {
				label = strconv.FormatFloat(v, 'g', -1, 64)
				if e < -1 || e > 2 {
					label = formatExp(v)
				}
			}
			ticks = append(ticks, Tick{Value: v, Pos: s.Map(v), Label: label})
		}
	}
	return ticks
}

// pow10 returns 10^e exactly for the decades a chart uses.
func pow10(e int) float64 {
	if e < 0 {
		return 1 / math.Pow10(-e)
	}
	return math.Pow10(e)
}

// formatDecade labels 10^e: "0.1", "1", "10", "100", else "1e-3", "1e3".
func formatDecade(e int) string {
	switch e {
	case -1:
		return "0.1"
	case 0:
		return "1"
	case 1:
		return "10"
	case 2:
		return "100"
	}
	return "1e" + strconv.Itoa(e)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
