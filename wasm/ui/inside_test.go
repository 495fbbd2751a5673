package ui

import (
	"image/color"
	"math"
	"slices"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

func TestPermuteUnits(t *testing.T) {
	x := []float32{1, 2, 3, 4, 5, 6} // T=2, H=3
	order := []int{2, 0, 1}
	got := PermuteUnits(nil, x, 2, 3, order)
	if want := []float32{3, 1, 2, 6, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("PermuteUnits = %v, want %v", got, want)
	}
	pos := InvertOrder(order)
	for i, u := range order {
		if pos[u] != i {
			t.Errorf("InvertOrder: pos[%d] = %d, want %d", u, pos[u], i)
		}
	}
	if !ValidOrder(order, 3) || ValidOrder([]int{0, 0, 1}, 3) || ValidOrder([]int{0, 1}, 3) || ValidOrder([]int{0, 1, 3}, 3) {
		t.Error("ValidOrder")
	}
}

func TestCompareTraces(t *testing.T) {
	before := &protocol.TraceResult{Kind: lstm.Text, T: 3, Symbols: []rune("abc"),
		Top: []rune("bcd"), PNext: []float32{0.8, 0.6, float32(math.NaN())}}
	after := &protocol.TraceResult{Kind: lstm.Text, T: 3, Symbols: []rune("abc"),
		Top: []rune("bxd"), PNext: []float32{0.4, 0.2, float32(math.NaN())}}
	e := CompareTraces(before, after)
	if e.Steps != 2 || e.Changed != 1 || math.Abs(e.Before-0.7) > 1e-6 || math.Abs(e.After-0.3) > 1e-6 {
		t.Errorf("text effect %+v", e)
	}
	nb := &protocol.TraceResult{Kind: lstm.Numbers, T: 3, Values: []float32{0, 1, 2}, Pred: []float32{1, 2, 3}}
	na := &protocol.TraceResult{Kind: lstm.Numbers, T: 3, Values: []float32{0, 1, 2}, Pred: []float32{0, 0, 3}}
	e = CompareTraces(nb, na)
	if e.Steps != 2 || e.Before != 0 || e.After != 1.5 || math.Abs(e.Shift-1) > 1e-9 {
		t.Errorf("numbers effect %+v", e)
	}
}

func TestInkOn(t *testing.T) {
	if InkOn(color.RGBA{255, 255, 255, 255}) != "#111111" || InkOn(color.RGBA{20, 30, 90, 255}) != "#ffffff" {
		t.Error("InkOn")
	}
}

func TestNextSnapshot(t *testing.T) {
	for _, c := range []struct {
		after int64
		want  uint64
	}{{-1, 0}, {0, 100}, {99, 100}, {100, 300}, {2999, 3000}, {1000000, 3000000}, {3000000, 10000000}, {10000000, 30000000}} {
		if got := NextSnapshot(c.after); got != c.want {
			t.Errorf("NextSnapshot(%d) = %d, want %d", c.after, got, c.want)
		}
	}
}

func TestUnitTextProbe(t *testing.T) {
	long := ""
	for range 100 {
		long += "abcdefghij"
	}
	if got := []rune(UnitTextProbe(long, lstm.Text)); len(got) != unitTextRunes {
		t.Errorf("%d runes", len(got))
	}
	if got := UnitTextProbe("1, 2, 3", lstm.Numbers); got != "1, 2, 3" {
		t.Errorf("numbers: %q", got)
	}
}

func TestSampleSeed(t *testing.T) {
	if a, b := SampleSeed(1, 100, 0), SampleSeed(1, 100, 0); a != b {
		t.Error("not deterministic")
	}
	seen := map[uint64]bool{}
	for _, c := range [][3]uint64{{1, 100, 0}, {1, 100, 1}, {1, 101, 0}, {2, 100, 0}, {0, 0, 0}} {
		s := SampleSeed(c[0], c[1], c[2])
		if seen[s] {
			t.Errorf("seed %v repeats", c)
		}
		seen[s] = true
	}
}
