package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

func TestFeatures(t *testing.T) {
	tests := []struct {
		name string
		f    func([]rune) []float64
		in   string
		want []float64
	}{
		{"position", PositionInLine, "", []float64{}},
		{"position", PositionInLine, "ab\ncd", []float64{1, 2, 0, 1, 2}},
		{"position", PositionInLine, "\n\nx", []float64{0, 0, 1}},
		{"position", PositionInLine, "天地\n🙂", []float64{1, 2, 0, 1}},
		{"quotes", InsideQuotes, `a"bc"d`, []float64{0, 1, 1, 1, 0, 0}},
		{"quotes", InsideQuotes, "“a”b", []float64{1, 1, 0, 0}},
		{"quotes", InsideQuotes, "”a“b", []float64{0, 0, 1, 1}}, // a closing quote with none open
		{"quotes", InsideQuotes, "“a“b”", []float64{1, 1, 1, 1, 0}},
		{"quotes", InsideQuotes, "\"a\nb\"", []float64{1, 1, 1, 1, 0}}, // spans lines
		{"quotes", InsideQuotes, "「天」«x»", []float64{1, 1, 0, 1, 1, 0}},
		{"brackets", BracketDepth, "(a[b]{c})", []float64{1, 1, 2, 2, 1, 2, 2, 1, 0}},
		{"brackets", BracketDepth, "))(", []float64{0, 0, 1}},
		{"brackets", BracketDepth, "((]", []float64{1, 2, 1}},
		{"count", CountSoFar, "aaaXbbb", []float64{1, 2, 3, 3, 2, 1, 0}},
		{"count", CountSoFar, "aaaXbbb\naXb\n", []float64{1, 2, 3, 3, 2, 1, 0, 0, 1, 1, 0, 0}},
		{"count", CountSoFar, "((()))", []float64{1, 2, 3, 2, 1, 0}},
		{"count", CountSoFar, "aabb", []float64{1, 2, 1, 0}},
		{"count", CountSoFar, "aaXbbbb", []float64{1, 2, 2, 1, 0, -1, -2}}, // too many b: negative
		{"count", CountSoFar, "aaXbab", []float64{1, 2, 2, 1, 2, 1}},       // a after the separator counts too
		{"count", CountSoFar, "xxXyy", []float64{1, 2, 2, 1, 0}},
		{"count", CountSoFar, "aaXa", []float64{1, 2, 2, 3}}, // b is a
		{"count", CountSoFar, "aaaa", []float64{1, 2, 3, 4}},
		{"count", CountSoFar, "\n", []float64{0}},
		{"vowel", IsVowel, "Hello, Ünïcødé y!", []float64{0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0}},
		{"vowel", IsVowel, "AEIOUaeiouyY天", []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}},
		{"space", IsSpace, "a b\tc\nd\u00a0e", []float64{0, 1, 0, 1, 0, 1, 0, 1, 0}},
	}
	for _, tt := range tests {
		got := tt.f([]rune(tt.in))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTextFeatures(t *testing.T) {
	text := []rune("a \"(b)\"\nXy")
	fs := TextFeatures(text)
	names := []string{FeaturePosition, FeatureQuotes, FeatureBrackets, FeatureCount, FeatureVowel, FeatureSpace}
	if len(fs) != len(names) {
		t.Fatalf("%d features", len(fs))
	}
	for i, f := range fs {
		if f.Name != names[i] || f.About == "" || strings.Contains(f.About, "\n") || len(f.Values) != len(text) {
			t.Errorf("feature %d: %q %q, %d values", i, f.Name, f.About, len(f.Values))
		}
	}
	if !slices.Equal(fs[2].Values, BracketDepth(text)) {
		t.Error("TextFeatures' bracket depth differs from BracketDepth")
	}
	nf := NumberFeatures([]float32{1, 3, 2})
	if nf[0].Name != FeatureValue || !slices.Equal(nf[0].Values, []float64{1, 3, 2}) ||
		nf[1].Name != FeatureChange || !slices.Equal(nf[1].Values, []float64{0, 2, -1}) {
		t.Errorf("NumberFeatures = %+v", nf)
	}
	tr := &protocol.TraceResult{Kind: lstm.Text, Symbols: text}
	if got := FeaturesOf(tr); len(got) != 6 || !slices.Equal(got[0].Values, fs[0].Values) {
		t.Error("FeaturesOf a text trace")
	}
	tr = &protocol.TraceResult{Kind: lstm.Numbers, Values: []float32{1, 3, 2}}
	if got := FeaturesOf(tr); len(got) != 2 || got[0].Name != FeatureValue {
		t.Error("FeaturesOf a numbers trace")
	}
}

// activations builds a (T, H) array whose unit j is cols[j].
func activations(T int, cols ...[]float64) []float32 {
	H := len(cols)
	x := make([]float32, T*H)
	for j, c := range cols {
		for t := range T {
			x[t*H+j] = float32(c[t])
		}
	}
	return x
}

func affine(v []float64, a, b float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = a*x + b
	}
	return out
}

// pearson is the textbook two-pass formula, for reference.
func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestCorrelateFindsUnits(t *testing.T) {
	text := []rune("(a[b(c)]d)\n{\"x (y)\" z}\n((()))")
	T := len(text)
	feats := TextFeatures(text)
	depth, quotes, pos := BracketDepth(text), InsideQuotes(text), PositionInLine(text)
	rng := rand.New(rand.NewPCG(5, 6))
	noise := func() []float64 {
		v := make([]float64, T)
		for i := range v {
			v[i] = 0.1 * rng.NormFloat64()
		}
		return v
	}
	constant := make([]float64, T)
	for i := range constant {
		constant[i] = 0.7
	}
	withNaN := affine(depth, 1, 0)
	withNaN[3] = math.NaN()
	withInf := affine(depth, 1, 0)
	withInf[4] = math.Inf(1)
	act := activations(T,
		noise(),                     // 0
		affine(depth, 0.25, -0.5),   // 1: bracket depth, r = 1 (float32 values are exact)
		noise(),                     // 2
		affine(quotes, -0.75, 0.25), // 3: inside quotes, r = −1
		constant,                    // 4: constant: no correlation
		withNaN,                     // 5: NaN: no correlation
		affine(pos, 0.125, 0),       // 6: position in line, r = 1
		withInf,                     // 7: Inf: no correlation
	)
	ms := Correlate(act, T, 8, feats)
	for _, m := range ms {
		if math.IsNaN(m.R) || m.R < -1 || m.R > 1 {
			t.Fatalf("match %+v", m)
		}
		if m.Unit == 4 || m.Unit == 5 || m.Unit == 7 {
			t.Errorf("unit %d has no correlation, but matched %+v", m.Unit, m)
		}
		if m.Name != feats[m.Feature].Name {
			t.Errorf("match %+v names feature %q", m, feats[m.Feature].Name)
		}
	}
	for i := 1; i < len(ms); i++ {
		if math.Abs(ms[i].R) > math.Abs(ms[i-1].R) {
			t.Fatalf("not sorted by |r|: %+v before %+v", ms[i-1], ms[i])
		}
	}
	best := Best(ms)
	want := map[string]struct {
		unit int
		r    float64
	}{FeatureBrackets: {1, 1}, FeatureQuotes: {3, -1}, FeaturePosition: {6, 1}}
	found := 0
	for _, b := range best {
		w, ok := want[b.Name]
		if !ok {
			continue
		}
		found++
		if b.Unit != w.unit || math.Abs(b.R-w.r) > 1e-12 {
			t.Errorf("best unit of %s: %d with r = %.15g, want %d with r = %g", b.Name, b.Unit, b.R, w.unit, w.r)
		}
	}
	if found != 3 {
		t.Errorf("Best = %+v lacks features", best)
	}
	// The three exact matches lead the list.
	for _, m := range ms[:3] {
		if math.Abs(math.Abs(m.R)-1) > 1e-12 {
			t.Errorf("top matches %+v", ms[:4])
		}
	}
	// Every feature appears at most once in Best, and Best follows ms.
	seen := map[int]bool{}
	for _, b := range best {
		if seen[b.Feature] {
			t.Errorf("feature %d twice in Best", b.Feature)
		}
		seen[b.Feature] = true
	}
}

func TestCorrelateValues(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	T, H := 50, 7
	act := make([]float32, T*H)
	for i := range act {
		act[i] = float32(rng.NormFloat64())
	}
	f := make([]float64, T)
	for i := range f {
		f[i] = rng.Float64()
	}
	ms := Correlate(act, T, H, []Feature{{Name: "f", Values: f}})
	if len(ms) != H {
		t.Fatalf("%d matches, want %d", len(ms), H)
	}
	for _, m := range ms {
		col := make([]float64, T)
		for t := range T {
			col[t] = float64(act[t*H+m.Unit])
		}
		if want := pearson(f, col); math.Abs(m.R-want) > 1e-12 {
			t.Errorf("unit %d: r = %.15g, want %.15g", m.Unit, m.R, want)
		}
	}
}

func TestCorrelateDegenerate(t *testing.T) {
	// A feature constant along the probe (no quotes in it) matches nothing.
	text := []rune("abc abc")
	feats := TextFeatures(text)
	act := activations(len(text), PositionInLine(text), IsSpace(text))
	for _, m := range Correlate(act, len(text), 2, feats) {
		if m.Name == FeatureQuotes || m.Name == FeatureBrackets {
			t.Errorf("constant feature matched: %+v", m)
		}
	}
	// T < 2, H = 0 and no features give nothing.
	if ms := Correlate([]float32{1, 2}, 1, 2, []Feature{{Name: "f", Values: []float64{1}}}); len(ms) != 0 {
		t.Errorf("T = 1: %+v", ms)
	}
	if ms := Correlate(nil, 0, 3, []Feature{{Name: "f", Values: []float64{}}}); len(ms) != 0 {
		t.Errorf("T = 0: %+v", ms)
	}
	if ms := Correlate(nil, 3, 0, []Feature{{Name: "f", Values: []float64{1, 2, 3}}}); len(ms) != 0 {
		t.Errorf("H = 0: %+v", ms)
	}
	if ms := Correlate([]float32{1, 2, 3}, 3, 1, nil); len(ms) != 0 {
		t.Errorf("no features: %+v", ms)
	}
	// A feature with NaN matches nothing.
	if ms := Correlate([]float32{1, 2, 3}, 3, 1, []Feature{{Name: "f", Values: []float64{1, math.NaN(), 3}}}); len(ms) != 0 {
		t.Errorf("NaN feature: %+v", ms)
	}
	// Tiny but real variation still correlates.
	if ms := Correlate([]float32{1, 1 + 1e-6, 1}, 3, 1, []Feature{{Name: "f", Values: []float64{0, 1, 0}}}); len(ms) != 1 || math.Abs(ms[0].R-1) > 1e-9 {
		t.Errorf("tiny variation: %+v", ms)
	}
}

func TestOrderUnits(t *testing.T) {
	T := 40
	rng := rand.New(rand.NewPCG(9, 10))
	wave := func(freq, phase, amp float64) []float64 {
		v := make([]float64, T)
		for i := range v {
			v[i] = amp*math.Sin(freq*float64(i)+phase) + 0.05*rng.NormFloat64()
		}
		return v
	}
	constant := make([]float64, T)
	// Units 0, 3, 5 follow one pattern, 1, 4, 6 another; 2 and 7 are constant.
	act := activations(T,
		wave(0.3, 0, 1), wave(1.7, 1, 0.5), constant, wave(0.3, 0, 0.4),
		wave(1.7, 1, 2), wave(0.3, 0, 0.8), wave(1.7, 1, 0.3), constant)
	order := OrderUnits(act, T, 8)
	if got := slices.Sorted(slices.Values(order)); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6, 7}) {
		t.Fatalf("OrderUnits = %v is not a permutation", order)
	}
	if order[0] != 4 {
		t.Errorf("OrderUnits = %v does not start at unit 4, the largest variance", order)
	}
	group := func(u int) int {
		switch u {
		case 0, 3, 5:
			return 0
		case 1, 4, 6:
			return 1
		}
		return 2
	}
	changes := 0
	for i := 1; i < len(order); i++ {
		if group(order[i]) != group(order[i-1]) {
			changes++
		}
	}
	if changes != 2 || !slices.Equal(order[6:], []int{2, 7}) {
		t.Errorf("OrderUnits = %v does not keep the groups together with the constant units last", order)
	}
	if again := OrderUnits(act, T, 8); !slices.Equal(again, order) {
		t.Errorf("OrderUnits is not deterministic: %v, %v", order, again)
	}
	// Mirror images are far apart: 1 − r = 2.
	x := wave(0.5, 0, 1)
	act = activations(T, x, affine(x, -1, 0), affine(x, 2, 1))
	if got := OrderUnits(act, T, 3); !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("OrderUnits of x, −x, 2x+1 = %v, want [2 0 1]", got)
	}
	// Degenerate shapes.
	if got := OrderUnits(nil, 0, 3); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("T = 0: %v", got)
	}
	if got := OrderUnits([]float32{5}, 1, 1); !slices.Equal(got, []int{0}) {
		t.Errorf("T = 1, H = 1: %v", got)
	}
	if got := OrderUnits(nil, 4, 0); len(got) != 0 {
		t.Errorf("H = 0: %v", got)
	}
	nan := float32(math.NaN())
	if got := OrderUnits([]float32{nan, 1, 2, 2, 3, 1}, 3, 2); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("a NaN unit goes last: %v", got)
	}
}

func TestGateStats(t *testing.T) {
	nan := float32(math.NaN())
	// (T=4, H=3): unit 0 always closed, unit 1 always open, unit 2 mixed;
	// the thresholds themselves are not saturated.
	z := []float32{
		0.01, 0.95, 0.1,
		0.05, 0.99, 0.9,
		0.0, 1.0, 0.5,
		0.09, 0.91, nan,
	}
	s := GateStats(z, 4, 3)
	if !slices.Equal(s.LeftUnit, []float64{1, 0, 0}) || !slices.Equal(s.RightUnit, []float64{0, 1, 0}) {
		t.Errorf("per unit: left %v right %v", s.LeftUnit, s.RightUnit)
	}
	if s.Left != 4.0/11 || s.Right != 4.0/11 {
		t.Errorf("overall: left %v right %v, want 4/11 each", s.Left, s.Right)
	}
	z = []float32{0.05, 0.95, 0.5, 0.08}
	s = GateStats(z, 2, 2)
	if !slices.Equal(s.LeftUnit, []float64{0.5, 0.5}) || !slices.Equal(s.RightUnit, []float64{0, 0.5}) || s.Left != 0.5 || s.Right != 0.25 {
		t.Errorf("GateStats = %+v", s)
	}
	s = GateStats([]float32{nan, nan}, 2, 1)
	if s.Left != 0 || s.Right != 0 || s.LeftUnit[0] != 0 {
		t.Errorf("all NaN: %+v", s)
	}
	s = GateStats(nil, 0, 2)
	if len(s.LeftUnit) != 2 || s.Left != 0 {
		t.Errorf("T = 0: %+v", s)
	}
}

func TestMeanAbsDelta(t *testing.T) {
	// (T=3, H=2)
	x := []float32{1, -1, 1.5, -1, 0.5, 1}
	x0 := []float32{0, 1}
	per, mean := MeanAbsDelta(nil, x, x0, 3, 2)
	want := []float64{(1 + 2) / 2.0, (0.5 + 0) / 2.0, (1 + 2) / 2.0}
	if !slices.Equal(per, want) || mean != (1.5+0.25+1.5)/3 {
		t.Errorf("MeanAbsDelta = %v, %v; want %v, %v", per, mean, want, (1.5+0.25+1.5)/3)
	}
	per, _ = MeanAbsDelta(nil, x, nil, 3, 2)
	if per[0] != 1 || per[1] != 0.25 {
		t.Errorf("x0 nil is zeros: %v", per)
	}
	// A large enough dst is reused, whatever it held.
	buf := []float64{9, 9, 9, 9, 9}
	per, _ = MeanAbsDelta(buf, x, x0, 3, 2)
	if &per[0] != &buf[0] || !slices.Equal(per, want) {
		t.Errorf("with dst: %v (storage reused: %v)", per, &per[0] == &buf[0])
	}
	per, mean = MeanAbsDelta(nil, nil, nil, 0, 4)
	if len(per) != 0 || mean != 0 {
		t.Errorf("T = 0: %v, %v", per, mean)
	}
	// The claim itself, on a slowly drifting c and a jumping h.
	T, H := 20, 4
	c := make([]float32, T*H)
	h := make([]float32, T*H)
	for i := range c {
		c[i] = float32(i/H) * 0.01
		h[i] = float32(1 - 2*((i/H)%2))
	}
	_, dc := MeanAbsDelta(nil, c, nil, T, H)
	_, dh := MeanAbsDelta(nil, h, nil, T, H)
	if !(dc < 0.02 && dh > 1.9) {
		t.Errorf("mean |Δc| %v, |Δh| %v", dc, dh)
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Correlate act":     func() { Correlate(make([]float32, 5), 2, 3, nil) },
		"Correlate feature": func() { Correlate(make([]float32, 6), 2, 3, []Feature{{Name: "f", Values: []float64{1}}}) },
		"OrderUnits":        func() { OrderUnits(make([]float32, 5), 2, 3) },
		"GateStats":         func() { GateStats(make([]float32, 5), 2, 3) },
		"MeanAbsDelta":      func() { MeanAbsDelta(nil, make([]float32, 5), nil, 2, 3) },
		"MeanAbsDelta x0":   func() { MeanAbsDelta(nil, make([]float32, 6), make([]float32, 2), 2, 3) },
		"negative":          func() { GateStats(nil, -1, 0) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "analysis: ") {
					t.Errorf("%s: recovered %v, want a panic with the package prefix", name, r)
				}
			}()
			f()
		}()
	}
}
