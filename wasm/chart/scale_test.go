package chart

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   string // labels joined by spaces
	}{
		{0, 1, 2, "0 0.5 1"},
		{0, 1, 5, "0 0.2 0.4 0.6 0.8 1"},
		{0, 1, 10, "0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1"},
		{-1, 1, 4, "−1 −0.5 0 0.5 1"},
		{0.1, 0.3, 2, "0.1 0.2 0.3"},
		{0, 0.003, 3, "0 0.001 0.002 0.003"},
		{0, 3e-4, 3, "0 1e-4 2e-4 3e-4"},
		{0, 2.5e-5, 5, "0 5e-6 1e-5 1.5e-5 2e-5 2.5e-5"},
		{0, 10000, 5, "0 2k 4k 6k 8k 10k"},
		{0, 2500, 5, "0 500 1k 1.5k 2k 2.5k"},
		{1000, 1600, 3, "1k 1.2k 1.4k 1.6k"},
		{0, 3e6, 3, "0 1M 2M 3M"},
		{-2500, 0, 2, "−2k −1k 0"},
		{0.5, 4.4, 4, "1 2 3 4"},
		{2.3, 2.3, 5, "2.3"},
		{1, 0, 5, ""},           // inverted: the caller orders lo ≤ hi
		{0, math.Inf(1), 5, ""}, // no ticks for an infinite domain
		{math.NaN(), 1, 5, ""},
	} {
		vals, step := NiceTicks(tc.lo, tc.hi, tc.n)
		labels := make([]string, len(vals))
		for i, v := range vals {
			labels[i] = FormatTick(v, step)
		}
		if got := strings.Join(labels, " "); got != tc.want {
			t.Errorf("ticks over [%g, %g], n=%d: %q, want %q (values %v)", tc.lo, tc.hi, tc.n, got, tc.want, vals)
		}
	}
}

func TestNiceTicksExact(t *testing.T) {
	vals, _ := NiceTicks(0, 1, 10)
	for i, v := range vals {
		if want := float64(i) / 10; v != want {
			t.Errorf("tick %d = %v, want %v exactly", i, v, want)
		}
	}
}

func TestFormatTick(t *testing.T) {
	for _, tc := range []struct {
		v, step float64
		want    string
	}{
		{0, 1, "0"}, {math.Copysign(0, -1), 1, "0"}, {0.5, 0.5, "0.5"}, {1, 0.5, "1"}, {0.25, 0.05, "0.25"},
		{-0.75, 0.25, "−0.75"}, {1500, 500, "1.5k"}, {999, 1, "999"}, {123456, 1, "123.456k"},
		{2e9, 1e9, "2G"}, {3e12, 1e12, "3T"}, {1e15, 1e15, "1e15"}, {1e-3, 1e-3, "0.001"}, {1.5e-4, 5e-5, "1.5e-4"},
		{math.NaN(), 1, "NaN"}, {math.Inf(1), 1, "∞"}, {math.Inf(-1), 1, "−∞"},
	} {
		if got := FormatTick(tc.v, tc.step); got != tc.want {
			t.Errorf("FormatTick(%g, %g) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestLinear(t *testing.T) {
	s := Linear{D0: 0, D1: 10, R0: 100, R1: 0} // a y axis: 0 at the bottom
	for _, tc := range []struct{ v, px float64 }{{0, 100}, {10, 0}, {2.5, 75}, {-1, 110}} {
		if got := s.Map(tc.v); math.Abs(got-tc.px) > 1e-12 {
			t.Errorf("Map(%g) = %g, want %g", tc.v, got, tc.px)
		}
		if got := s.Invert(tc.px); math.Abs(got-tc.v) > 1e-12 {
			t.Errorf("Invert(%g) = %g, want %g", tc.px, got, tc.v)
		}
	}
	ticks := s.Ticks(2)
	want := []Tick{{0, 100, "0"}, {5, 50, "5"}, {10, 0, "10"}}
	if !reflect.DeepEqual(ticks, want) {
		t.Errorf("Ticks(2) = %v, want %v", ticks, want)
	}
	if got := (Linear{D0: 3, D1: 3, R0: 0, R1: 10}).Map(7); got != 5 {
		t.Errorf("empty domain maps to %g, want the middle 5", got)
	}
}

func TestLinearNice(t *testing.T) {
	for _, tc := range []struct {
		d0, d1, w0, w1 float64
		n              int
	}{
		{0, 0.93, 0, 1, 5},
		{0.13, 4.4, 0, 5, 5},
		{-0.3, 2.21, -0.5, 2.5, 5},
		{3.7, 3.7, 2.5, 5, 5},    // widened by 1, then rounded
		{4.4, 0.13, 5, 0, 5},     // reversed stays reversed
		{0, 98765, 0, 100000, 5}, // update counts
	} {
		got := Linear{D0: tc.d0, D1: tc.d1}.Nice(tc.n)
		if got.D0 != tc.w0 || got.D1 != tc.w1 {
			t.Errorf("Nice([%g, %g], %d) = [%g, %g], want [%g, %g]", tc.d0, tc.d1, tc.n, got.D0, got.D1, tc.w0, tc.w1)
		}
	}
}

func TestLog(t *testing.T) {
	s := Log{D0: 1e-4, D1: 1, R0: 100, R1: 0}
	for _, tc := range []struct{ v, px float64 }{{1e-4, 100}, {1, 0}, {1e-2, 50}, {1e-3, 75}} {
		if got := s.Map(tc.v); math.Abs(got-tc.px) > 1e-9 {
			t.Errorf("Map(%g) = %g, want %g", tc.v, got, tc.px)
		}
		if got := s.Invert(tc.px); math.Abs(got-tc.v)/tc.v > 1e-9 {
			t.Errorf("Invert(%g) = %g, want %g", tc.px, got, tc.v)
		}
	}
	for _, v := range []float64{0, -1, math.NaN()} {
		if got := s.Map(v); got != 100 {
			t.Errorf("Map(%g) = %g, want the bottom, 100", v, got)
		}
	}
	if got := (Log{D0: 3e-5, D1: 0.7}).Nice(); got.D0 != 1e-5 || got.D1 != 1 {
		t.Errorf("Nice = [%g, %g], want [1e-5, 1]", got.D0, got.D1)
	}
	for _, tc := range []struct {
		d0, d1 float64
		n      int
		want   string
	}{
		{1e-5, 1, 10, "1e-5 1e-4 1e-3 1e-2 0.1 1"},
		{1e-5, 1, 3, "1e-4 1e-2 1"},
		{1e-6, 1e3, 4, "1e-6 1e-3 1 1e3"},
		{0.5, 20, 10, "1 10"},
		{2, 9, 10, "2 5"},
		{0.0019, 0.009, 10, "2e-3 5e-3"},
		{0, 1, 10, ""},
	} {
		ticks := Log{D0: tc.d0, D1: tc.d1, R0: 0, R1: 100}.Ticks(tc.n)
		labels := make([]string, len(ticks))
		for i, tk := range ticks {
			labels[i] = tk.Label
		}
		if got := strings.Join(labels, " "); got != tc.want {
			t.Errorf("Log[%g, %g].Ticks(%d) = %q, want %q", tc.d0, tc.d1, tc.n, got, tc.want)
		}
	}
}
