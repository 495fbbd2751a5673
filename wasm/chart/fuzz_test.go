package chart

import (
	"encoding/binary"
	"math"
	"testing"
)

// Extreme values every fuzz target below is seeded with: the ends of float64,
// the integers where float64 stops counting by 1 (2^53) and where int64
// overflows (2^63), the update counts of a crafted model file (10^18,
// 2^64−1), and the non-finite values.
var extremes = []float64{0, 1, -1, 0.5, 1e-300, 5e-324, 1e300, -1e300, math.MaxFloat64, -math.MaxFloat64,
	1 << 53, 1<<53 + 2, 1 << 63, -(1 << 63), 1e18, 1 << 64, math.Inf(1), math.Inf(-1), math.NaN()}

// floats returns the float64s of b, 8 bytes each.
func floats(b []byte) []float64 {
	v := make([]float64, len(b)/8)
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v
}

// maxTicks bounds the ticks any axis returns, whatever its domain and n.
const maxTicks = 10001

// TestNiceTicksBeyond2p53 is the crafted update count of issue 16: a loss
// chart's x axis from update 10^18, where i++ no longer changes a float64, ran
// NiceTicks out of memory. The ticks must be few, distinct, ascending and
// inside the domain.
func TestNiceTicksBeyond2p53(t *testing.T) {
	for _, c := range [][2]float64{{1e18, 1e18 + 384}, {1 << 53, 1<<53 + 6}, {1 << 63, 1<<63 + 4096}, {1e300, 1e300 * (1 + 1e-15)}} {
		vals, step := NiceTicks(c[0], c[1], 5)
		checkTicks(t, c[0], c[1], vals)
		if len(vals) == 0 || len(vals) > 11 {
			t.Errorf("[%g, %g]: %d ticks (step %g), want 1 to 11", c[0], c[1], len(vals), step)
		}
	}
}

// checkTicks checks that vals are at most maxTicks, finite, strictly
// ascending and (within the slack NiceTicks allows) inside [lo, hi].
func checkTicks(t *testing.T, lo, hi float64, vals []float64) {
	t.Helper()
	if len(vals) > maxTicks {
		t.Fatalf("[%g, %g]: %d ticks", lo, hi, len(vals))
	}
	slack := 1e-6 * max(math.Abs(lo), math.Abs(hi), hi-lo)
	for i, v := range vals {
		if !finite(v) || v < lo-slack || v > hi+slack {
			t.Fatalf("[%g, %g]: tick %d is %g", lo, hi, i, v)
		}
		if i > 0 && !(v > vals[i-1]) {
			t.Fatalf("[%g, %g]: tick %d (%g) does not follow %g", lo, hi, i, v, vals[i-1])
		}
	}
}

// FuzzLinear: NiceTicks, Linear's Map, Invert, Nice and Ticks and
// FormatTick never panic or loop, and return a bounded number of ascending
// ticks inside the domain.
func FuzzLinear(f *testing.F) {
	for i, a := range extremes {
		b := extremes[(i+3)%len(extremes)]
		f.Add(a, b, 5)
		f.Add(a, a+1, 1<<30)
		f.Add(a, math.Nextafter(a, math.Inf(1)), 10)
		f.Add(a, b, -1)
	}
	f.Fuzz(func(t *testing.T, d0, d1 float64, n int) {
		lo, hi := min(d0, d1), max(d0, d1)
		vals, step := NiceTicks(lo, hi, n)
		checkTicks(t, lo, hi, vals)
		for _, v := range vals {
			if FormatTick(v, step) == "" {
				t.Fatalf("empty label for %g (step %g)", v, step)
			}
		}
		s := Linear{D0: d0, D1: d1, R0: 300, R1: 10}
		for _, v := range append(extremes, d0, d1, (d0+d1)/2) {
			// A value in the domain maps into the range (or, if the
			// arithmetic overflows, to a non-finite position, which
			// Polyline drops).
			if px := s.Map(v); v >= lo && v <= hi && finite(px) && (px < 10-1e-6 || px > 300+1e-6) {
				t.Fatalf("Map(%g) = %g, outside the range [10, 300]", v, px)
			}
			if dv := s.Invert(v); finite(v) && finite(dv) && finite(lo) && finite(hi) && (dv < lo-math.Abs(hi-lo) || dv > hi+math.Abs(hi-lo)) && v >= 10 && v <= 300 {
				t.Fatalf("Invert(%g) = %g, outside the domain", v, dv)
			}
			if FormatTick(v, d0) == "" {
				t.Fatalf("empty label for %g", v)
			}
		}
		if ticks := s.Ticks(n); len(ticks) > maxTicks {
			t.Fatalf("%d ticks", len(ticks))
		}
		nice := s.Nice(n)
		if ticks := nice.Ticks(n); len(ticks) > maxTicks {
			t.Fatalf("%d ticks after Nice", len(ticks))
		}
	})
}

// FuzzLog: Log's Map, Invert, Nice and Ticks never panic or loop, and
// return a bounded number of ticks.
func FuzzLog(f *testing.F) {
	for i, a := range extremes {
		f.Add(a, extremes[(i+5)%len(extremes)], 4)
		f.Add(a, 1e300, math.MaxInt)
		f.Add(5e-324, a, math.MinInt)
	}
	f.Fuzz(func(t *testing.T, d0, d1 float64, n int) {
		s := Log{D0: d0, D1: d1, R0: 200, R1: 0}
		for _, v := range extremes {
			s.Map(v)
			s.Invert(v)
		}
		for _, s := range []Log{s, s.Nice()} {
			if ticks := s.Ticks(n); len(ticks) > maxTicks {
				t.Fatalf("%d ticks", len(ticks))
			}
		}
	})
}

// FuzzPolyline: Polyline never panics, keeps at most one point per value,
// and only points with finite coordinates; Smooth and AppendPath never panic.
func FuzzPolyline(f *testing.F) {
	b := make([]byte, 0, 8*len(extremes))
	for _, v := range extremes {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	for i, a := range extremes {
		f.Add(b, a, extremes[(i+1)%len(extremes)], 0.0, a, 0.95)
		f.Add(b, 1e18, 1.0, a, 1e18+384, 0.0)
	}
	f.Fuzz(func(t *testing.T, raw []byte, x0, dx, y0, y1, weight float64) {
		data := floats(raw)
		fr := NewFrame(PlotRect(640, 200, Margins{8, 12, 30, 40}), x0, x0+dx*float64(len(data)), y0, y1)
		pts := Polyline(nil, fr, x0, dx, data)
		if len(pts) > len(data) {
			t.Fatalf("%d points for %d values", len(pts), len(data))
		}
		for _, p := range pts {
			if !finite(p.X) || !finite(p.Y) {
				t.Fatalf("point %v is not finite", p)
			}
		}
		AppendPath(nil, pts)
		if weight >= 0 && weight < 1 {
			Smooth(make([]float64, len(data)), data, weight)
		}
	})
}

// FuzzHeatmap: Heatmap, Legend and the colour maps never panic, whatever
// the domain and the values, and every heatmap pixel is the colour At gives.
func FuzzHeatmap(f *testing.F) {
	b := make([]byte, 0, 8*len(extremes))
	for _, v := range extremes {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	for i, a := range extremes {
		f.Add(b, a, extremes[(i+2)%len(extremes)], uint8(3), false)
		f.Add(b, -a, a, uint8(2), true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, lo, hi float64, cols uint8, transpose bool) {
		data := floats(raw)
		c := int(cols%8) + 1
		rows := len(data) / c
		data = data[:rows*c]
		for _, m := range []*ColorMap{Diverging(hi), Sequential()} {
			m.Lo, m.Hi = lo, hi
			dst := make([]byte, 4*len(data))
			Heatmap(dst, data, rows, c, transpose, m)
			for r := range rows {
				for k := range c {
					p := 4 * pixel(r, k, rows, c, transpose)
					got, want := dst[p:p+4], m.At(data[r*c+k])
					if got[0] != want.R || got[1] != want.G || got[2] != want.B || got[3] != want.A {
						t.Fatalf("value %g over [%g, %g]: pixel %v, At %v", data[r*c+k], lo, hi, got, want)
					}
				}
			}
			Legend(make([]byte, 4*c*3), c, 3, m, transpose)
			m.CSS(lo)
		}
	})
}
