package present

import (
	"errors"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/words"
)

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatCount(0), "0"}, {FormatCount(999), "999"}, {FormatCount(1234567), "1,234,567"},
		{FormatCount(int64(-1234)), "−1,234"}, {FormatCount(uint64(1000)), "1,000"},
		{FormatLoss(2.302585, true), "2.303"}, {FormatLoss(0, false), "–"},
		{FormatRate(850), "850"}, {FormatRate(12345), "12.3k"}, {FormatRate(0), "–"},
		{FormatValue(-0.8), "−0.800"}, {FormatValue(-0.0001), "0.000"}, {FormatValue(0.93215), "0.932"},
		{FormatOperand(-0.8), "(−0.800)"}, {FormatOperand(0.5), "0.500"},
		{FormatNumber(0.01), "0.01"}, {FormatNumber(1e-5), "1e-05"}, {FormatNumber(32), "32"},
		{FormatPercent(0.623), "62%"}, {FormatPercent(0.004), "0.4%"},
		{DisplayRune(' '), "␣"}, {DisplayRune('\n'), "↵"}, {DisplayRune('春'), "春"}, {DisplayRune(0x7), "·"},
		{DescribeRune('a'), "“a”"}, {DescribeRune(' '), "space"}, {DescribeRune(0x200b), "U+200B"},
		{DescribeRuneIn(words.English, '\n'), "newline"}, {DescribeRuneIn(words.ZhCN, '\n'), "换行"},
		{DescribeRuneIn(words.ZhCN, ' '), "空格"}, {DescribeRuneIn(words.ZhCN, 'd'), "“d”"}, {DescribeRuneIn(words.ZhCN, 0x200b), "U+200B"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func trace2x3() protocol.TraceResult {
	// T=2, H=3
	return protocol.TraceResult{ID: 1, Kind: lstm.Text, Cell: lstm.CellLSTM, T: 2, H: 3,
		Layers: []protocol.LayerTrace{{
			Zi: []float32{0.5, 0.5, 0.5, 1, 1, 1}, Zf: []float32{0.9, 0.9, 0.9, 0.5, 0.5, 0.5},
			Z: []float32{0.2, -0.2, 0, 0.5, -0.5, 0}, Zo: []float32{1, 1, 1, 0.5, 0.5, 0.5},
			C: []float32{0.1, -0.1, 0, 0.55, -0.55, 0}, H: []float32{0.1, -0.1, 0, 0.25, -0.25, 0},
			C0: []float32{0, 0, 0}, H0: []float32{0, 0, 0},
		}},
		Symbols: []rune("ab"), PNext: []float32{0.5, float32(math.NaN())}, Top: []rune("bb"), TopP: []float32{0.5, 0.4}}
}

func TestLayerView(t *testing.T) {
	tr := trace2x3()
	v := Layer(&tr, 0)
	s := v.At(1, 0)
	if s.CPrev != float64(float32(0.1)) || s.Zf != 0.5 || s.Zi != 1 || s.Z != 0.5 || s.C != float64(float32(0.55)) {
		t.Errorf("At(1, 0) = %+v", s)
	}
	if math.Abs(s.Kept()+s.Written()-s.C) > 1e-6 {
		t.Errorf("kept %g + written %g ≠ c %g", s.Kept(), s.Written(), s.C)
	}
	if s0 := v.At(0, 1); s0.CPrev != 0 || s0.HPrev != 0 {
		t.Errorf("step 1 reads c_0 and h_0: %+v", s0)
	}
	kept, written := v.StepBars(1, nil, nil)
	if len(kept) != 3 || len(written) != 3 || math.Abs(written[1]+0.5) > 1e-6 {
		t.Errorf("bars %v %v", kept, written)
	}
	if top := TopUnits(Variances(v.C, 2, 3), 2); !slices.Equal(top, []int{0, 1}) {
		t.Errorf("top units %v", top)
	}
	// the equations with the numbers filled in
	eq := CellEquation(s)
	if got := eq[0].String(); got != "cₜ = zᶠ ⊙ cₜ₋₁ + zⁱ ⊙ z" {
		t.Errorf("equation %q", got)
	}
	if got := eq[2].String(); got != "= 0.050 + 0.500 = 0.550" {
		t.Errorf("sum %q", got)
	}
	if got := HiddenEquation(s)[1].String(); got != "= 0.500 × tanh(0.550)" {
		t.Errorf("h line %q", got)
	}
	rnn := protocol.TraceResult{Cell: lstm.CellRNN, T: 1, H: 1, Layers: []protocol.LayerTrace{{H: []float32{0.5}, H0: []float32{0}}}}
	rs := Layer(&rnn, 0).At(0, 0)
	if rs.LSTM || len(InspectorRows(rs)) != 2 || !strings.HasPrefix(HiddenEquation(rs)[0].String(), "hₜ = tanh(W xₜ") {
		t.Errorf("RNN inspector: %+v %v", rs, HiddenEquation(rs))
	}
}

func TestGeometry(t *testing.T) {
	g := NewGeometry(640, 40, 40, 32)
	if g.ColW != (640-40-RightMargin)/40 || g.HeatH != 96 || g.RowH != 3 {
		t.Errorf("geometry %+v", g)
	}
	if g.Step(-5) != 0 || g.Step(1e6) != 39 || g.Step(float64(g.ColW)*3+1) != 3 {
		t.Error("Step does not clamp or map")
	}
	if g.Unit(4) != 1 || g.Unit(1e6) != 31 {
		t.Error("Unit does not map")
	}
	big := NewGeometry(300, 40, 60, 512)
	if big.Width() <= 300 {
		t.Errorf("a narrow screen squeezes the steps: %+v", big)
	}
	if big.ColW != MinColW || big.HeatH != MaxHeatH || big.RowH >= 1 {
		t.Errorf("large geometry %+v", big)
	}
}

func TestSpreadLabels(t *testing.T) {
	got := SpreadLabels([]float64{50, 52, 10}, 10, 0, 100)
	if got[2] != 10 || got[1]-got[0] < 10 {
		t.Errorf("%v", got)
	}
	got = SpreadLabels([]float64{99, 99, 99}, 10, 0, 100)
	if got[0] < 0 || got[2] > 100 || slices.Max(got)-slices.Min(got) < 20 {
		t.Errorf("at the bottom edge: %v", got)
	}
}

func TestNiceLimit(t *testing.T) {
	for _, c := range [][3]float64{{0.3, 1, 1}, {1.2, 1, 1.5}, {2.5, 1, 3}, {11.7, 1, 15}, {0.042, 0.01, 0.05}, {math.NaN(), 1, 1}} {
		if got := NiceLimit(c[0], c[1]); got != c[2] {
			t.Errorf("NiceLimit(%g, %g) = %g, want %g", c[0], c[1], got, c[2])
		}
	}
	q, _ := AbsQuantile([]float32{1, -2, 3, -100}, 0.75, nil)
	if q != 3 {
		t.Errorf("AbsQuantile = %g", q)
	}
}

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

func TestSpecs(t *testing.T) {
	for _, c := range []struct {
		spec  IntSpec
		typed string
		ok    bool
		want  int
	}{
		{SpecHidden, "32", true, 32}, {SpecHidden, " 512 ", true, 512}, {SpecHidden, "0", false, 0},
		{SpecHidden, "100000", false, 0}, {SpecHidden, "", false, 0}, {SpecHidden, "abc", false, 0},
		{SpecHidden, "3.5", false, 0}, {SpecSeqLen, "1", true, 1}, {SpecSeqLen, "257", false, 0},
		{SpecSeed, "9007199254740991", true, MaxSeed}, {SpecSeed, "-1", false, 0},
	} {
		got, err := c.spec.Parse(c.typed)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%s %q: %d, %v", c.spec.Field, c.typed, got, err)
		}
		var fe *FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != c.spec.Field || !strings.Contains(fe.Message, "from")) {
			t.Errorf("%s %q: error %v does not name the field and the range", c.spec.Field, c.typed, err)
		}
	}
	for _, c := range []struct {
		typed string
		ok    bool
	}{{"0.01", true}, {"1", true}, {"0", false}, {"100", false}, {"1e-6", true}, {"NaN", false}, {"Inf", false}, {"0,5", true}, {"−0.1", false}} {
		if _, err := SpecLR.Parse(c.typed); (err == nil) != c.ok {
			t.Errorf("learning rate %q: %v", c.typed, err)
		}
	}
	if _, err := SpecLR.Parse("100"); err == nil || !strings.Contains(err.Error(), "from 0.000001 to 1") {
		t.Errorf("learning rate 100: %v", err)
	}
	if v, err := SpecForgetBias.Parse("−2"); err != nil || v != -2 {
		t.Errorf("forget bias −2: %v %v", v, err)
	}
}

func TestCheckText(t *testing.T) {
	if CheckText("", lstm.Text) == nil || CheckText("  \n", lstm.Numbers) == nil {
		t.Error("empty text accepted")
	}
	if err := CheckText("a", lstm.Text); err != nil {
		t.Errorf("one character refused by the page (the engine says why): %v", err)
	}
	if err := CheckText("   ", lstm.Text); err != nil {
		t.Errorf("spaces refused: %v", err)
	}
	if err := CheckText(strings.Repeat("x", lstm.MaxTextChars+1), lstm.Text); err == nil || !strings.Contains(err.Error(), "1,000,000") {
		t.Errorf("over-long text: %v", err)
	}
	if err := CheckText(strings.Repeat("春", lstm.MaxTextChars), lstm.Text); err != nil {
		t.Errorf("a text at the limit (counted in characters, not bytes): %v", err)
	}
}

func TestParseUnits(t *testing.T) {
	u, err := ParseUnits("3, 7 3;12", 32, 6)
	if err != nil || !slices.Equal(u, []int{2, 6, 11}) || FormatUnits(u) != "3, 7, 12" {
		t.Errorf("%v %v", u, err)
	}
	for _, bad := range []string{"", "0", "33", "x", "1,2,3,4,5,6,7"} {
		if _, err := ParseUnits(bad, 32, 6); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestNth: the quickselect of AbsQuantile gives the value sorting would, for
// every rank, with runs of equal values and without.
func TestNth(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1))
	for _, n := range []int{1, 2, 3, 7, 50, 301} {
		for _, distinct := range []int{1, 3, 1000} {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(r.IntN(distinct)) / 7
			}
			sorted := slices.Sorted(slices.Values(x))
			for k := range n {
				if got := nth(slices.Clone(x), k); got != sorted[k] {
					t.Fatalf("n %d, %d distinct, rank %d: nth %g, sorted %g", n, distinct, k, got, sorted[k])
				}
			}
		}
	}
}
