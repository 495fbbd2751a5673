package cell

import (
	"math"
	"strings"
	"testing"

	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/mathtext"
)

// TestFormatValue pins the page's format of a value (wasm/ui FormatValue).
func TestFormatValue(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{0.9321, "0.932"}, {-0.8, "−0.800"}, {-0.0001, "0.000"}, {0, "0.000"}, {12.3456, "12.346"},
		{math.NaN(), "NaN"}, {math.Inf(1), "∞"}, {math.Inf(-1), "−∞"}} {
		if got := FormatValue(tc.v); got != tc.want {
			t.Errorf("FormatValue(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := FormatOperand(-0.8); got != "(−0.800)" {
		t.Errorf("FormatOperand(−0.8) = %q", got)
	}
	if got := FormatPercent(0.004); got != "0.4%" {
		t.Errorf("FormatPercent(0.004) = %q", got)
	}
}

// TestSceneValues checks that every part shows its input value, formatted
// as the step inspector formats it, and that its equation ends in it.
func TestSceneValues(t *testing.T) {
	s := lstmStep
	sc := Build(s, nil)
	want := map[string]float64{
		"hprev": s.HPrev, "cprev": s.CPrev, "zf": s.Zf, "zi": s.Zi, "z": s.Z, "zo": s.Zo,
		"kept": s.Zf * s.CPrev, "write": s.Zi * s.Z, "c": s.C, "plus": s.C, "tanhc": math.Tanh(s.C), "h": s.H, "out": s.H,
	}
	for id, v := range want {
		p := sc.Part(id)
		if p == nil {
			t.Errorf("no part %q", id)
			continue
		}
		if !p.HasValue || p.Value != v || p.Text != FormatValue(v) {
			t.Errorf("part %s: value %v %q, want %v %q", id, p.Value, p.Text, v, FormatValue(v))
		}
		last := p.Equation[len(p.Equation)-1]
		if end := last[len(last)-1]; end.Kind != mathtext.Result || end.Text != FormatValue(v) {
			t.Errorf("part %s: equation %q does not end in %s", id, last.String(), FormatValue(v))
		}
	}
	if p := sc.Part("x"); p.Text != "“a”" || p.HasValue {
		t.Errorf("x^t shows %q (value %v), want the symbol a and no value", p.Text, p.HasValue)
	}
	if p := sc.Part("y"); p.Text != "“b” 62%" || p.Value != 0.62 {
		t.Errorf("y^t shows %q, want b 62%%", p.Text)
	}
	wantEq := map[string]string{
		"c":    "cᵗ = zᶠ ⊙ cᵗ⁻¹ + zⁱ ⊙ z = (−0.746) + 0.316 = −0.430",
		"kept": "zᶠ ⊙ cᵗ⁻¹ = 0.932 × (−0.800) = −0.746",
		"h":    "hᵗ = zᵒ ⊙ tanh(cᵗ) = 0.660 × (−0.405) = −0.268",
		"zf":   "zᶠ = σ(Wᶠ · [xᵗ; hᵗ⁻¹] + bᶠ) = σ(2.618) = 0.932",
	}
	for id, w := range wantEq {
		var got []string
		for _, l := range sc.Part(id).Equation {
			got = append(got, l.String())
		}
		if g := strings.Join(got, " "); g != w {
			t.Errorf("equation of %s:\n got %s\nwant %s", id, g, w)
		}
	}
}

// TestSceneColours checks the colours against the heatmaps' scales and the
// widths against the values' sizes.
func TestSceneColours(t *testing.T) {
	s := lstmStep
	s.CLimit = 4
	sc := Build(s, nil)
	gate, signed, c := chart.Sequential(), chart.Diverging(1), chart.Diverging(4)
	for _, tc := range []struct {
		id string
		m  *chart.ColorMap
		v  float64
	}{{"zf", gate, s.Zf}, {"zo", gate, s.Zo}, {"z", signed, s.Z}, {"h", signed, s.H}, {"c", c, s.C}, {"cprev", c, s.CPrev}} {
		if got := sc.Part(tc.id).Fill; got != tc.m.CSS(tc.v) {
			t.Errorf("%s has fill %s, want %s", tc.id, got, tc.m.CSS(tc.v))
		}
	}
	small, big := s, s
	small.Zf, big.Zf = 0.1, 0.9
	scS, scB := Build(small, nil), Build(big, nil)
	ws, wb := scS.Part("zf").Width, scB.Part("zf").Width
	if !(ws < wb && ws >= 1 && wb <= 5) {
		t.Errorf("z^f 0.1 has width %v and 0.9 width %v: want 1 ≤ the first < the second ≤ 5", ws, wb)
	}
	// Without a limit, c's scale reaches the largest c value.
	s.CLimit, s.CPrev = 0, -7
	scC := Build(s, nil)
	if got := scC.Part("cprev").Fill; got != chart.Diverging(7).CSS(-7) {
		t.Errorf("c^{t−1} = −7 without a limit has fill %s, want the end of ±7", got)
	}
	if Ink := ink("#000000"); Ink != "#ffffff" {
		t.Errorf("ink on black is %s", Ink)
	}
}

func TestHit(t *testing.T) {
	sc := Build(lstmStep, nil)
	for _, tc := range []struct {
		x, y float64
		want string
	}{
		{60, 60, "cprev"}, {200, 60, "kept"}, {380, 60, "plus"}, {660, 200, "h"}, {560, 130, "tanhc"},
		{200, 270, "zf"}, {440, 270, "z"}, {300, 350, "concat"},
		{300, 60, "kept"}, // on the wire from the forget ⊙ to the +
		{200, 150, "zf"},  // on z^f's wire
		{500, 200, ""},    // empty space
		{-5, -5, ""}, {ViewW + 1, 10, ""},
	} {
		if got := sc.At(tc.x, tc.y); got != tc.want {
			t.Errorf("At(%v, %v) = %q, want %q", tc.x, tc.y, got, tc.want)
		}
	}
	for _, tc := range []struct {
		x, y float64
		want Stage
	}{{200, 300, StageForget}, {300, 20, StageSelect}, {700, 300, StageOutput}, {700, 20, StageNone}, {60, 60, StageNone}} {
		if got := sc.StageAt(tc.x, tc.y); got != tc.want {
			t.Errorf("StageAt(%v, %v) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
	rnn := Build(rnnStep, nil)
	if got := rnn.StageAt(200, 300); got != StageNone {
		t.Errorf("the RNN has no stages, StageAt = %v", got)
	}
	// A point at the corner of a round part's bounds is outside its circle.
	if got := sc.At(sc.Part("tanhc").X+1, sc.Part("tanhc").Y+1); got == "tanhc" {
		t.Errorf("the corner of tanh's bounds hits it")
	}
	x, y := ToView(720, 550, 1440, 1100) // the centre of a 2× element, letterboxed
	if math.Abs(x-ViewW/2) > 1e-9 || math.Abs(y-ViewH/2) > 1e-9 {
		t.Errorf("ToView of the centre = (%v, %v)", x, y)
	}
	if x, _ := ToView(1, 1, 0, 10); !math.IsNaN(x) {
		t.Errorf("ToView in an empty element = %v, want NaN", x)
	}
}

func TestDescribe(t *testing.T) {
	sc := Build(lstmStep, nil)
	d := Describe(&sc, nil)
	// Every value as text, in the article's order.
	order := []string{"LSTM cell, unit 3, step 5 · reads “a”.", "input: x t = “a”", "previous hidden state: h t−1 = 0.200",
		"forget, forget gate (σ, between 0 and 1): z f = σ(W f · [x t; h t−1] + b f) = σ(2.618) = 0.932",
		"select memory, input gate", "select memory, content (tanh, between −1 and 1)", "output, output gate",
		"forget, previous cell state: c t−1 = −0.800", "= 0.932 × (−0.800) = −0.746", "= 0.410 × 0.770 = 0.316",
		"select memory, cell state: c t = z f ⊙ c t−1 + z i ⊙ z = (−0.746) + 0.316 = −0.430",
		"tanh(c t) = tanh(−0.430) = −0.405", "= 0.660 × (−0.405) = −0.268", "prediction: y t = softmax(W′ h t) → “b”, 62%"}
	at := 0
	for _, w := range order {
		i := strings.Index(d[at:], w)
		if i < 0 {
			t.Fatalf("Describe lacks %q after position %d:\n%s", w, at, d)
		}
		at += i + len(w)
	}
	if n := strings.Count(d, "cell state: c t ="); n != 1 {
		t.Errorf("c^t is read %d times, want once", n)
	}
	rnn := Build(rnnStep, nil)
	if d := Describe(&rnn, nil); !strings.Contains(d, "RNN cell, unit 1, step 1") || !strings.Contains(d, "= tanh(0.549) = 0.500") {
		t.Errorf("RNN description:\n%s", d)
	}
}

// TestKeys checks that every label comes from the table through tr, and
// that the table has no sentence the figure never uses.
func TestKeys(t *testing.T) {
	used := map[string]bool{}
	tr := func(id string, args ...string) string {
		used[id] = true
		if _, ok := en[id]; !ok {
			t.Errorf("key %q is not in the table", id)
		}
		return "«" + id + "»"
	}
	for _, s := range []Step{lstmStep, rnnStep} {
		sc := Build(s, tr)
		sc.AddGrad(Grad{DC: 1, DH: 2})
		Describe(&sc, tr)
		for _, p := range sc.Parts {
			if !strings.HasPrefix(p.Name, "«") {
				t.Errorf("part %s has name %q, not from the catalogue", p.ID, p.Name)
			}
		}
		for _, b := range sc.Bands {
			if !strings.HasPrefix(b.Label, "«") {
				t.Errorf("band %q not from the catalogue", b.Label)
			}
		}
	}
	for _, k := range Keys() {
		if !used[k] {
			t.Errorf("key %q is never used", k)
		}
	}
	if got := Fill("{2} and {1}, {3}", "a", "b"); got != "b and a, {3}" {
		t.Errorf("Fill = %q", got)
	}
}

func TestNumbersY(t *testing.T) {
	s := lstmStep
	s.Numbers, s.Y, s.P = true, "0.5", math.NaN()
	sc := Build(s, nil)
	y := sc.Part("y")
	var eq []string
	for _, l := range y.Equation {
		eq = append(eq, l.String())
	}
	if y.Text != "0.5" || y.HasValue || strings.Join(eq, " ") != "yᵗ = W′ hᵗ + b′ = 0.5" {
		t.Errorf("y^t of a numbers model: %q %v %q", y.Text, y.HasValue, eq)
	}
}

func TestNotation(t *testing.T) {
	got := eq("y^t = softmax(W′ h^{t−1}) + #", res(-2))
	want := mathtext.Line{{Kind: mathtext.Var, Text: "y"}, {Kind: mathtext.Sup, Text: "t"}, {Kind: mathtext.Plain, Text: " = softmax("}, {Kind: mathtext.Var, Text: "W′"}, {Kind: mathtext.Plain, Text: " "}, {Kind: mathtext.Var, Text: "h"}, {Kind: mathtext.Sup, Text: "t−1"},
		{Kind: mathtext.Plain, Text: ") + "}, {Kind: mathtext.Result, Text: "−2.000"}}
	if len(got) != len(want) {
		t.Fatalf("eq = %#v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %#v, want %#v", i, got[i], want[i])
		}
	}
	if s := eq("a^").String(); s != "a^" {
		t.Errorf("a trailing ^ is written as it is: %q", s)
	}
}
