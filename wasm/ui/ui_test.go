package ui

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
)

func TestPresets(t *testing.T) {
	ps := Presets()
	if ps[0].Name != "Nursery rhyme" {
		t.Errorf("first preset %q, want the nursery rhyme (the page starts with it)", ps[0].Name)
	}
	var modes [2]int
	for _, p := range ps {
		modes[p.Mode]++
		var err error
		if p.Mode == lstm.Numbers {
			_, err = lstm.NewNumberData(p.Text)
		} else {
			_, err = lstm.NewTextData(p.Text)
		}
		if err != nil {
			t.Errorf("preset %q: %v", p.Name, err)
		}
		if p.Probe == "" || p.Prime == "" || p.About == "" {
			t.Errorf("preset %q: empty probe, prime or description", p.Name)
		}
		if p.Mode == lstm.Text {
			d, _ := lstm.NewTextData(p.Text)
			if _, err := d.Vocab.Encode(p.Probe); err != nil {
				t.Errorf("preset %q: probe uses characters outside the text: %v", p.Name, err)
			}
			if _, err := d.Vocab.Encode(p.Prime); err != nil {
				t.Errorf("preset %q: prime uses characters outside the text: %v", p.Name, err)
			}
		}
	}
	if modes[lstm.Numbers] == 0 || modes[lstm.Text] < 5 {
		t.Errorf("modes %v: want text presets and a numbers preset", modes)
	}
	// deterministic
	if a, b := Presets(), Presets(); a[2].Text != b[2].Text || a[3].Text != b[3].Text {
		t.Error("generated presets differ between calls")
	}
}

func TestCountingPreset(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(countingText(), "\n"), "\n")
	if len(lines) != 120 {
		t.Fatalf("%d lines, want 120", len(lines))
	}
	seen := map[int]int{}
	for _, l := range lines {
		a, b, ok := strings.Cut(l, "X")
		if !ok || strings.Trim(a, "a") != "" || strings.Trim(b, "b") != "" || len(a) != len(b) || len(a) < 1 || len(a) > 10 {
			t.Fatalf("line %q is not aⁿXbⁿ with 1 ≤ n ≤ 10", l)
		}
		seen[len(a)]++
	}
	for n := 1; n <= 10; n++ {
		if seen[n] != 12 {
			t.Errorf("n=%d appears %d times, want 12", n, seen[n])
		}
	}
	if strings.HasPrefix(countingText(), "aXb\naaXbb\naaaXbbb") {
		t.Error("the order is not shuffled")
	}
}

func TestBracketsPreset(t *testing.T) {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, l := range strings.Split(strings.TrimSuffix(bracketsText(), "\n"), "\n") {
		var stack []rune
		depth := 0
		for _, r := range l {
			switch r {
			case '(', '[', '{':
				stack = append(stack, r)
				depth = max(depth, len(stack))
			default:
				if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
					t.Fatalf("line %q is not balanced", l)
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) != 0 || depth > 6 {
			t.Fatalf("line %q: unclosed or deeper than 6", l)
		}
	}
}

func TestSinePreset(t *testing.T) {
	if !strings.HasPrefix(sineText(), "0, 0.38, 0.71, 0.92, 1, 0.92, 0.71, 0.38, 0, -0.38") {
		t.Errorf("sine starts %q", sineText()[:60])
	}
	vals, err := lstm.ParseNumbers(sineText())
	if err != nil || len(vals) != 320 {
		t.Errorf("%d values, %v; want 320", len(vals), err)
	}
}

func TestTruncateProbe(t *testing.T) {
	long := strings.Repeat("ab", 50)
	p, cut := TruncateProbe(long, lstm.Text)
	if utf8.RuneCountInString(p) != ProbeSteps || !cut {
		t.Errorf("text: %d runes, cut %v", utf8.RuneCountInString(p), cut)
	}
	p, cut = TruncateProbe("春天来了", lstm.Text)
	if p != "春天来了" || cut {
		t.Errorf("short Chinese probe changed: %q %v", p, cut)
	}
	nums := strings.Repeat("1, ", 70)
	p, cut = TruncateProbe(nums, lstm.Numbers)
	vals, err := lstm.ParseNumbers(p)
	if err != nil || len(vals) != ProbeSteps || !cut {
		t.Errorf("numbers: %d values, %v, cut %v", len(vals), err, cut)
	}
	if got := DefaultProbe(sineText(), lstm.Numbers); !strings.HasPrefix(got, "0, 0.38, 0.71") {
		t.Errorf("default numbers probe %q", got)
	}
}

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
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
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

// Loss-history helpers for the session tests (the history is client.LossHistory).

func lossRun(n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(3*math.Exp(-float64(i)/float64(n/4+1)) + 0.5*math.Abs(math.Sin(float64(i)*0.37)))
		if i%9973 == 17 {
			out[i] = float32(math.NaN())
		}
	}
	return out
}

func addInChunks(h *LossHistory, losses []float32, chunk int) {
	for i := 0; i < len(losses); i += chunk {
		j := min(i+chunk, len(losses))
		h.Add(uint64(j), losses[i:j])
	}
}

func sameEntry(a, b LossEntry) bool {
	eq := func(x, y float32) bool { return x == y || math.IsNaN(float64(x)) && math.IsNaN(float64(y)) }
	return a.Span == b.Span && a.N == b.N && eq(a.Raw, b.Raw) && eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi) && eq(a.Smooth, b.Smooth)
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

// testEngine stands for the engine in the State tests: it keeps the
// requests the page sent.
type testEngine struct {
	t    *testing.T
	sent []protocol.Message
}

func (e *testEngine) post(b []byte) {
	m, err := protocol.Decode(b)
	if err != nil {
		e.t.Fatal(err)
	}
	e.sent = append(e.sent, m)
}

// last returns the newest request sent.
func (e *testEngine) last() protocol.Message {
	if len(e.sent) == 0 {
		e.t.Fatal("nothing was sent")
	}
	return e.sent[len(e.sent)-1]
}

// newTestState returns a State whose engine is the test.
func newTestState(t *testing.T) (*State, *testEngine) {
	e := &testEngine{t: t}
	return NewState(client.New(e.post)), e
}

// apply passes m to s as the page receives it: as bytes, placed in the
// conversation (a reply to a request given up is dropped: no change).
func apply(t *testing.T, s *State, m protocol.Message) (Dirty, []byte) {
	t.Helper()
	b, err := protocol.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Receive(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Msg == nil {
		return 0, nil
	}
	return s.Apply(r)
}

func TestStateTraceGate(t *testing.T) {
	s, eng := newTestState(t)
	apply(t, s, protocol.Ready{Protocol: protocol.Version})
	s.SetProbe("ab")
	if s.TraceDue(1000) {
		t.Fatal("trace due before the engine has a model")
	}
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100, Vocab: []rune("ab")})
	if !s.TraceDue(1000) {
		t.Fatal("no trace due after the model was made")
	}
	s.RequestTrace(1000)
	req := eng.last().(protocol.Trace)
	if req.Probe != "ab" || s.TraceDue(2000) {
		t.Fatalf("request %+v; a second one due while the first is under way", req)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 5, Running: true, Losses: []float32{1, 1, 1, 1, 1}})
	tr := trace2x3()
	tr.Gen = 1
	tr.ID = req.ID
	d, _ := apply(t, s, tr)
	if d&DirtyTrace == 0 || s.Trace == nil {
		t.Fatal("the trace was not taken")
	}
	if s.TraceDue(1050) {
		t.Error("a trace due within 100 ms of the last")
	}
	if !s.TraceDue(1100) {
		t.Error("no trace due after new progress and 100 ms")
	}
	// a refused probe waits for a new one
	s.RequestTrace(1100)
	req = eng.last().(protocol.Trace)
	bad := protocol.Error{Gen: 1, ID: req.ID, Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyProbe}
	apply(t, s, bad)
	apply(t, s, protocol.Progress{Gen: 1, Update: 6, Running: true, Losses: []float32{1}})
	if s.TraceDue(5000) || s.Errors[FieldProbe] != ErrorText(bad) {
		t.Errorf("after a refused probe: due %v, error %q", s.TraceDue(5000), s.Errors[FieldProbe])
	}
	s.SetProbe("a")
	if !s.TraceDue(5000) || s.Errors[FieldProbe] != "" {
		t.Error("a new probe does not ask again or keeps the old error")
	}
	// an answer to a replaced request is ignored
	s.RequestTrace(5000)
	old := eng.last().(protocol.Trace)
	s.SetProbe("b")
	tr.ID = old.ID
	if d, _ := apply(t, s, tr); d != 0 {
		t.Error("an answer to a replaced request was taken")
	}
}

func TestStateErrorsAndReset(t *testing.T) {
	s, _ := newTestState(t)
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	apply(t, s, protocol.Progress{Gen: 1, Update: 50, Running: true, Losses: []float32{2}})
	if !s.Running || s.Update != 50 {
		t.Fatalf("running %v update %d", s.Running, s.Update)
	}
	diverged := protocol.Error{Gen: 1, Code: protocol.CodeDiverged, Reason: protocol.ReasonDiverged, Index: 51, Token: "loss"}
	apply(t, s, diverged)
	if s.Running || s.Errors[FieldLR] != ErrorText(diverged) || s.Update != 50 {
		t.Errorf("after divergence: running %v, error %q, update %d", s.Running, s.Errors[FieldLR], s.Update)
	}
	empty := protocol.Error{Gen: 1, Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText}
	apply(t, s, empty)
	if s.Errors[FieldText] != ErrorText(empty) || s.Update != 50 || s.Losses.Len() == 0 {
		t.Error("bad data lost the model's progress")
	}
	apply(t, s, protocol.Status{Gen: 2, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 120, Updates: 0})
	if s.Update != 0 || s.Losses.Len() != 0 || !s.ModelReset {
		t.Errorf("a new model: update %d, %d losses, reset %v", s.Update, s.Losses.Len(), s.ModelReset)
	}
	s.Mode = lstm.Numbers // the person chose numbers; the engine refused them
	apply(t, s, protocol.Status{Gen: 2, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 120})
	if s.Mode != lstm.Numbers {
		t.Error("a Status switched the page's mode under the person")
	}
}

func TestGeometry(t *testing.T) {
	g := NewGeometry(640, 40, 40, 32)
	if g.ColW != (640-40-rightMargin)/40 || g.HeatH != 96 || g.RowH != 3 {
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
	if big.ColW != minColW || big.HeatH != maxHeatH || big.RowH >= 1 {
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

func TestStateReach(t *testing.T) {
	s, eng := newTestState(t)
	apply(t, s, protocol.Ready{Protocol: protocol.Version})
	if s.ReachDue(1000) {
		t.Fatal("reach due without data")
	}
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	if !s.ReachDue(1000) {
		t.Fatal("no reach due after the model was made")
	}
	s.RequestReach(1000)
	req := eng.last().(protocol.Reach)
	if s.ReachDue(2000) {
		t.Error("a second reach due while one is under way")
	}
	d, _ := apply(t, s, protocol.ReachResult{ID: req.ID, Gen: 1, Cell: lstm.CellRNN, Layers: [][]float32{{1, 0.1, 0.01}}})
	if d&DirtyReach == 0 || s.Reach[lstm.CellRNN] == nil || s.Reach[lstm.CellLSTM] != nil {
		t.Fatalf("reach not kept by cell: %v", s.Reach)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 3, Running: true, Losses: []float32{1, 1, 1}})
	if s.ReachDue(1200) || !s.ReachDue(1500) {
		t.Error("reach not limited to one per ReachInterval")
	}
	// an error answering Reach is not shown next to a field
	s.RequestReach(1500)
	req = eng.last().(protocol.Reach)
	apply(t, s, protocol.Error{Gen: 1, ID: req.ID, Code: protocol.CodeNotReady, Reason: protocol.ReasonNoData, Key: protocol.KeyText})
	if s.Errors[FieldText] != "" {
		t.Errorf("a failed Reach showed %q", s.Errors[FieldText])
	}
	s.ForgetReach()
	if s.Reach[lstm.CellRNN] != nil {
		t.Error("ForgetReach kept a curve")
	}
}

func TestTours(t *testing.T) {
	for _, p := range Presets() {
		steps := Tour(p.ID)
		if len(steps) < 2 {
			t.Errorf("preset %s: %d tour steps", p.ID, len(steps))
		}
		for _, s := range steps {
			if len(s) > 400 {
				t.Errorf("preset %s: a step of %d bytes is too long for a tip", p.ID, len(s))
			}
		}
	}
	if Tour("nope") != nil {
		t.Error("a tour for an unknown preset")
	}
	if PresetIndex(Presets(), "custom") != -1 || PresetIndex(Presets(), "2") != 2 || PresetIndex(Presets(), "99") != -1 {
		t.Error("PresetIndex")
	}
}

func TestPresetFor(t *testing.T) {
	ps := Presets()
	if i := PresetFor(ps, lstm.Numbers, nil); i < 0 || ps[i].Mode != lstm.Numbers {
		t.Errorf("numbers: %d", i)
	}
	if i := PresetFor(ps, lstm.Text, []rune("abXn\n")); i < 0 || ps[i].ID != "counting" {
		t.Errorf("a counting vocabulary: %d", i)
	}
	if i := PresetFor(ps, lstm.Text, []rune("xyz")); i != -1 {
		t.Errorf("no preset fits: %d", i)
	}
}

// TestRefusedSampleRepaintsGenerate: a refused Generate request clears the
// "generating" state and asks for the Generate area to be repainted, so the
// button is enabled again (it stayed disabled once, found by the catalogue).
func TestRefusedSampleRepaintsGenerate(t *testing.T) {
	s, eng := newTestState(t)
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	s.RequestSample("a very long prime", 10, 1, 1)
	req := eng.last().(protocol.Sample)
	if !s.Generating {
		t.Fatal("not generating after a request")
	}
	d, _ := apply(t, s, protocol.Error{Gen: 1, ID: req.ID, Code: protocol.CodeBadProbe, Reason: protocol.ReasonTooLong, Key: protocol.KeyPrime, Value: 3000, Max: 2000})
	if s.Generating {
		t.Error("still generating after the engine refused the request")
	}
	if d&DirtySample == 0 {
		t.Error("the Generate area is not repainted, so its button stays disabled")
	}
}

func TestStateAnnounce(t *testing.T) {
	s, _ := newTestState(t)
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	if msg, ok := s.Announce(false); ok {
		t.Errorf("before training: %q", msg)
	}
	s.Running = true // the person pressed Train: nothing is said until the engine trains
	if msg, ok := s.Announce(false); ok {
		t.Errorf("before the engine confirmed: %q", msg)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 3, Running: true, Losses: []float32{2, 1.5, 1.25}})
	if msg, ok := s.Announce(false); !ok || msg != "Training started." {
		t.Errorf("started: %q %v", msg, ok)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 9, Running: true, Losses: []float32{1, 1, 1, 1, 1, 1}})
	if msg, ok := s.Announce(true); ok {
		t.Errorf("progress itself was announced: %q", msg)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 1200, Running: false, Losses: []float32{0.5}})
	loss, _ := s.Losses.LastSmooth()
	want := "Paused at update 1,200, loss " + FormatLoss(loss, true) + "."
	if msg, ok := s.Announce(true); !ok || msg != want {
		t.Errorf("paused: %q %v, want %q", msg, ok, want)
	}
	apply(t, s, protocol.Progress{Gen: 1, Update: 1201, Running: true, Losses: []float32{0.5}})
	s.Announce(false)
	diverged := protocol.Error{Gen: 1, Code: protocol.CodeDiverged, Reason: protocol.ReasonDiverged, Index: 1202, Token: "loss"}
	apply(t, s, diverged)
	if msg, ok := s.Announce(true); !ok || msg != "Training stopped: "+ErrorText(diverged) {
		t.Errorf("diverged: %q %v", msg, ok)
	}
	if s.Stopped != nil {
		t.Error("the reason is said once")
	}
	apply(t, s, protocol.Error{Gen: 1, Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText})
	if msg, ok := s.Announce(false); ok {
		t.Errorf("a refused input while paused: %q", msg)
	}
}
