package lstm

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// trainedModel returns a model of cfg trained for a few updates on trainText,
// so that its parameters are not just the initial ones.
func trainedModel(t *testing.T, cfg Config, updates int) *Model {
	t.Helper()
	m, tr := newTextTrainer(t, cfg, trainText)
	for range updates {
		mustStep(t, tr)
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-14*math.Max(1, math.Abs(b)) }

// checkTraceEquations recomputes c_t and h_t of every layer and step of an LSTM
// trace from its gates: c_t = zᶠ⊙c_{t−1} + zⁱ⊙z, h_t = zᵒ⊙tanh(c_t). Units in
// skip (layer, state) are clamped and not checked.
func checkTraceEquations(t *testing.T, pr *Probe, layers int, skip map[[3]int]bool) {
	t.Helper()
	H := pr.H
	for l := range layers {
		for j := 0; j < H; j++ {
			if pr.C(l, 0)[j] != 0 || pr.Hid(l, 0)[j] != 0 {
				t.Fatalf("layer %d: the initial state is not zero", l)
			}
		}
		for s := 0; s < pr.T; s++ {
			zi, zf, z, zo := pr.Zi(l, s), pr.Zf(l, s), pr.Z(l, s), pr.Zo(l, s)
			cPrev, c, h := pr.C(l, s), pr.C(l, s+1), pr.Hid(l, s+1)
			for j := 0; j < H; j++ {
				for _, g := range []float64{zi[j], zf[j], zo[j]} {
					if !(g > 0 && g < 1) {
						t.Fatalf("layer %d step %d unit %d: gate %g outside (0, 1)", l, s, j, g)
					}
				}
				if !(z[j] > -1 && z[j] < 1) {
					t.Fatalf("layer %d step %d unit %d: z = %g outside (−1, 1)", l, s, j, z[j])
				}
				if !skip[[3]int{l, int(StateC), j}] {
					if want := zf[j]*cPrev[j] + zi[j]*z[j]; !near(c[j], want) {
						t.Errorf("layer %d step %d unit %d: c = %.17g, zᶠc_{t−1} + zⁱz = %.17g", l, s, j, c[j], want)
					}
				}
				if !skip[[3]int{l, int(StateH), j}] {
					if want := zo[j] * math.Tanh(c[j]); !near(h[j], want) {
						t.Errorf("layer %d step %d unit %d: h = %.17g, zᵒ tanh c = %.17g", l, s, j, h[j], want)
					}
				}
			}
		}
	}
}

// checkTraceOutput recomputes the head from the trace's top h: the output at
// step t is softmax(Wʸ h_{t+1} + bʸ).
func checkTraceOutput(t *testing.T, m *Model, pr *Probe) {
	t.Helper()
	V, H, top := m.Params.Y, pr.H, len(pr.Layers)-1
	for s := 0; s < pr.T; s++ {
		h := pr.Hid(top, s+1)
		y := make([]float64, V)
		for v := range y {
			y[v] = m.Params.By[v]
			for j := 0; j < H; j++ {
				y[v] += m.Params.Wy[v*H+j] * h[j]
			}
		}
		var z float64
		for _, yv := range y {
			z += math.Exp(yv)
		}
		var sum float64
		for v, yv := range y {
			got := pr.Output[s*V+v]
			sum += got
			if want := math.Exp(yv) / z; math.Abs(got-want) > 1e-14 {
				t.Fatalf("step %d: p[%d] = %.17g, softmax(Wʸh + bʸ) = %.17g", s, v, got, want)
			}
		}
		if math.Abs(sum-1) > 1e-14 {
			t.Errorf("step %d: probabilities sum to %.17g", s, sum)
		}
	}
}

func TestTraceText(t *testing.T) {
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		for _, layers := range []int{1, 2} {
			t.Run(fmt.Sprintf("%v/L%d", cell, layers), func(t *testing.T) {
				cfg := DefaultConfig()
				cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, layers, 6, 16
				m := trainedModel(t, cfg, 20)
				const probe = "the lazy cat, the quick fox"
				pr, err := m.TraceText(probe, nil)
				if err != nil {
					t.Fatal(err)
				}
				T := len([]rune(probe))
				if pr.T != T || pr.H != 6 || len(pr.Layers) != layers || len(pr.Input) != T || len(pr.Output) != T*m.Vocab.Size() || pr.Cell != cell {
					t.Fatalf("trace T=%d H=%d layers=%d input %d output %d cell %v", pr.T, pr.H, len(pr.Layers), len(pr.Input), len(pr.Output), pr.Cell)
				}
				if got := m.Vocab.Decode(pr.Input); got != probe {
					t.Errorf("input decodes to %q", got)
				}
				if cell == CellLSTM {
					checkTraceEquations(t, pr, layers, nil)
				} else if pr.Zi(0, 0) != nil || pr.C(0, 0) != nil {
					t.Error("an RNN trace has gates or a cell state")
				}
				checkTraceOutput(t, m, pr)
				// Every h (and c) agrees with the reference implementation.
				rp := toRef(m.Params, f64Of)
				z := toRefRows(zeroState(layers, 6), f64Of)
				hs, cs, _ := refForward(rp, pr.Input, nil, T, z, z, nil)
				for l := range layers {
					for s := 0; s <= T; s++ {
						for j := range 6 {
							if !near(pr.Hid(l, s)[j], float64(hs[l][s][j])) || (cell == CellLSTM && !near(pr.C(l, s)[j], float64(cs[l][s][j]))) {
								t.Fatalf("layer %d step %d unit %d differs from the reference", l, s, j)
							}
						}
					}
				}
				// A second trace is identical and independent of the first.
				pr2, _ := m.TraceText(probe, nil)
				if !slices.Equal(pr.Output, pr2.Output) || &pr.Output[0] == &pr2.Output[0] {
					t.Error("tracing twice gave different or shared results")
				}
			})
		}
	}
}

func TestTraceNumbers(t *testing.T) {
	d, err := NewNumberData("10, 20, 30, 20, 10, 0, 10, 20, 30, 20, 10, 0")
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Layers, cfg.Hidden, cfg.SeqLen = 2, 5, 6
	m, tr := newTrainerOn(t, cfg, d)
	for range 30 {
		mustStep(t, tr)
	}
	vals := []float64{10, 20, 30, 25}
	pr, err := m.TraceNumbers(vals, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pr.T != 4 || len(pr.Output) != 4 || !slices.Equal(pr.Values, vals) {
		t.Fatalf("trace T=%d output %v values %v", pr.T, pr.Output, pr.Values)
	}
	checkTraceEquations(t, pr, 2, nil)
	// The output is Wʸh + bʸ in the user's units.
	for s := range 4 {
		h := pr.Hid(1, s+1)
		y := m.Params.By[0]
		for j, w := range m.Params.Wy {
			y += w * h[j]
		}
		if want := m.Norm.From(y); math.Abs(pr.Output[s]-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("step %d: output %.15g, want %.15g", s, pr.Output[s], want)
		}
	}
	// The input is normalised: the first layer's reference run on To(v) agrees.
	x := make([]f64, len(vals))
	for i, v := range vals {
		x[i] = f64(m.Norm.To(v))
	}
	z := toRefRows(zeroState(2, 5), f64Of)
	hs, _, _ := refForward(toRef(m.Params, f64Of), nil, x, 4, z, z, nil)
	if !near(pr.Hid(1, 4)[0], float64(hs[1][4][0])) {
		t.Errorf("h differs from the reference: %g vs %g", pr.Hid(1, 4)[0], float64(hs[1][4][0]))
	}
	for _, bad := range [][]float64{nil, {1, math.NaN()}, {2e9}, {math.Inf(-1)}} {
		if pr, err := m.TraceNumbers(bad, nil); err == nil || pr != nil {
			t.Errorf("TraceNumbers(%v) = %v, %v", bad, pr, err)
		}
	}
	if _, err := m.TraceText("abc", nil); err == nil {
		t.Error("a numbers model traced text")
	}
}

func TestTraceRefuses(t *testing.T) {
	m := trainedModel(t, DefaultConfig(), 0)
	for _, probe := range []string{"", "the quick brown fox jumps over the lazy dog Q", strings.Repeat("a", MaxProbe+1)} {
		if pr, err := m.TraceText(probe, nil); err == nil || pr != nil {
			t.Errorf("TraceText(%.20q…) = %v, %v", probe, pr, err)
		}
	}
	if _, err := m.TraceText("Q", nil); !errors.Is(err, ErrUnknownRune) {
		t.Errorf("unknown character: %v", err)
	}
	if _, err := m.TraceText(strings.Repeat("a", MaxProbe), nil); err != nil {
		t.Errorf("%d characters: %v", MaxProbe, err)
	}
	if _, err := m.TraceNumbers([]float64{1, 2}, nil); err == nil {
		t.Error("a text model traced numbers")
	}
}

func TestInterventions(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Layers, cfg.Hidden, cfg.SeqLen = 2, 6, 16
	m := trainedModel(t, cfg, 20)
	const probe = "the lazy dog sleeps"
	base, err := m.TraceText(probe, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, iv := range []Intervention{
		{Layer: 0, State: StateC, Unit: 2, Value: 0},
		{Layer: 1, State: StateC, Unit: 5, Value: 2},
		{Layer: 0, State: StateH, Unit: 0, Value: 0},
		{Layer: 1, State: StateH, Unit: 3, Value: -0.75},
		{Layer: 1, State: StateC, Unit: 0, Value: -100},
	} {
		t.Run(fmt.Sprintf("%+v", iv), func(t *testing.T) {
			pr, err := m.TraceText(probe, []Intervention{iv})
			if err != nil {
				t.Fatal(err)
			}
			l, j := iv.Layer, iv.Unit
			skip := map[[3]int]bool{{l, int(iv.State), j}: true}
			for s := 1; s <= pr.T; s++ {
				if iv.State == StateC {
					if got := pr.C(l, s)[j]; got != iv.Value {
						t.Fatalf("step %d: c = %g, clamped to %g", s, got, iv.Value)
					}
				} else if got := pr.Hid(l, s)[j]; got != iv.Value {
					t.Fatalf("step %d: h = %g, clamped to %g", s, got, iv.Value)
				}
			}
			// Everything else still follows the equations, from the clamped values.
			checkTraceEquations(t, pr, 2, skip)
			checkTraceOutput(t, m, pr)
			if slices.Equal(pr.Output, base.Output) {
				t.Error("the intervention did not change the output")
			}
			// Clamping h is clamping it in the reference too.
			if iv.State == StateH {
				z := toRefRows(zeroState(2, 6), f64Of)
				hs, _, _ := refForward(toRef(m.Params, f64Of), pr.Input, nil, pr.T, z, z, func(l2, _ int, h []f64) {
					if l2 == l {
						h[j] = f64(iv.Value)
					}
				})
				for s := 1; s <= pr.T; s++ {
					for u := range 6 {
						if !near(pr.Hid(1, s)[u], float64(hs[1][s][u])) {
							t.Fatalf("step %d: top h[%d] = %g, the reference with the clamp %g", s, u, pr.Hid(1, s)[u], float64(hs[1][s][u]))
						}
					}
				}
			}
			// The model is left alone: without interventions the trace is the base.
			if again, _ := m.TraceText(probe, nil); !slices.Equal(again.Output, base.Output) {
				t.Error("the intervention stayed in the model")
			}
		})
	}
	// Several at once.
	ivs := []Intervention{{Layer: 0, State: StateC, Unit: 1, Value: 1}, {Layer: 0, State: StateH, Unit: 4, Value: 0.5}, {Layer: 1, State: StateH, Unit: 1, Value: 0}}
	pr, err := m.TraceText(probe, ivs)
	if err != nil {
		t.Fatal(err)
	}
	for s := 1; s <= pr.T; s++ {
		if pr.C(0, s)[1] != 1 || pr.Hid(0, s)[4] != 0.5 || pr.Hid(1, s)[1] != 0 {
			t.Fatalf("step %d: not every clamp holds", s)
		}
	}
}

func TestInterventionsRefused(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Layers, cfg.Hidden = 2, 6
	m := trainedModel(t, cfg, 0)
	cfg.Cell = CellRNN
	rnn := trainedModel(t, cfg, 0)
	for _, tc := range []struct {
		m  *Model
		iv Intervention
	}{
		{m, Intervention{Layer: -1, State: StateH}},
		{m, Intervention{Layer: 2, State: StateH}},
		{m, Intervention{Unit: -1, State: StateC}},
		{m, Intervention{Unit: 6, State: StateC}},
		{m, Intervention{State: 7}},
		{m, Intervention{State: StateH, Value: math.NaN()}},
		{m, Intervention{State: StateH, Value: 100.5}},
		{m, Intervention{State: StateC, Value: math.Inf(-1)}},
		{rnn, Intervention{State: StateC}},
	} {
		pr, err := tc.m.TraceText("the", []Intervention{{State: StateH}, tc.iv})
		if err == nil || pr != nil {
			t.Errorf("%v %+v: accepted", tc.m.Config.Cell, tc.iv)
		}
	}
	for _, iv := range []Intervention{{Layer: 1, Unit: 5, State: StateC, Value: 100}, {State: StateH, Value: -100}} {
		if _, err := m.TraceText("the", []Intervention{iv}); err != nil {
			t.Errorf("%+v: %v", iv, err)
		}
	}
}

func TestSampleGreedy(t *testing.T) {
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		cfg := DefaultConfig()
		cfg.Cell, cfg.Layers, cfg.Hidden = cell, 2, 16
		m := trainedModel(t, cfg, 300)
		const prime = "the "
		got, err := m.Sample(prime, 40, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := m.Sample(prime, 40, 0, rand.New(rand.NewPCG(7, 7))); again != got {
			t.Errorf("%v: greedy samples differ: %q, %q", cell, got, again)
		}
		if n := len([]rune(got)); n != 40 {
			t.Fatalf("%v: %d characters, want 40", cell, n)
		}
		// Each character is the most likely one after the text so far.
		rs := []rune(got)
		pr, err := m.TraceText(prime+string(rs[:39]), nil)
		if err != nil {
			t.Fatal(err)
		}
		V, P := m.Vocab.Size(), len(prime)
		for i, r := range rs {
			k, _ := m.Vocab.Index(r)
			row := pr.Output[(P-1+i)*V : (P+i)*V]
			if argmax(row) != k {
				t.Fatalf("%v: character %d %q is not the most likely (%q)", cell, i, r, m.Vocab.Rune(argmax(row)))
			}
		}
		t.Logf("%v greedy: %q", cell, got)
	}
}

func TestSampleSeeded(t *testing.T) {
	m := trainedModel(t, DefaultConfig(), 60)
	sample := func(seed uint64, temp float64) string {
		s, err := m.Sample("the", 60, temp, rand.New(rand.NewPCG(seed, 0)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	differ := 0
	for seed := uint64(1); seed <= 5; seed++ {
		a, b := sample(seed, 1), sample(seed, 1)
		if a != b {
			t.Errorf("seed %d: %q, then %q", seed, a, b)
		}
		if a != sample(seed+100, 1) {
			differ++
		}
	}
	if differ < 4 {
		t.Errorf("only %d of 5 pairs of seeds gave different samples", differ)
	}
	// An empty prime starts from a character drawn with the rng, reproducibly.
	a, _ := m.Sample("", 10, 0.5, rand.New(rand.NewPCG(3, 3)))
	b, _ := m.Sample("", 10, 0.5, rand.New(rand.NewPCG(3, 3)))
	if a != b || len([]rune(a)) != 10 {
		t.Errorf("empty prime: %q and %q", a, b)
	}
	if s, err := m.Sample("the", 0, 1, rand.New(rand.NewPCG(1, 1))); s != "" || err != nil {
		t.Errorf("0 characters: %q, %v", s, err)
	}
}

// TestSampleTemperature: the first character after the prime is drawn from
// softmax(y/temp) = p^(1/temp) / Σ p^(1/temp), p the model's distribution.
func TestSampleTemperature(t *testing.T) {
	m := trainedModel(t, DefaultConfig(), 30)
	const prime = "th"
	pr, err := m.TraceText(prime, nil)
	if err != nil {
		t.Fatal(err)
	}
	V := m.Vocab.Size()
	p := pr.Output[(len(prime)-1)*V:]
	rng := rand.New(rand.NewPCG(11, 12))
	for _, temp := range []float64{0.5, 1, 3} {
		want := make([]float64, V)
		var z float64
		for v := range want {
			want[v] = math.Pow(p[v], 1/temp)
			z += want[v]
		}
		const n = 3000
		count := make([]float64, V)
		for range n {
			s, err := m.Sample(prime, 1, temp, rng)
			if err != nil {
				t.Fatal(err)
			}
			k, _ := m.Vocab.Index([]rune(s)[0])
			count[k]++
		}
		for v := range want {
			q := want[v] / z
			sd := math.Sqrt(q * (1 - q) / n)
			if f := count[v] / n; math.Abs(f-q) > 5*sd+1e-3 {
				t.Errorf("temp %g: %q drawn %.4f of the time, want %.4f ± %.4f", temp, m.Vocab.Rune(v), f, q, 5*sd)
			}
		}
	}
	// A tiny temperature is greedy.
	greedy, _ := m.Sample(prime, 20, 0, nil)
	cold, _ := m.Sample(prime, 20, 1e-6, rng)
	if cold != greedy {
		t.Errorf("temperature 1e-6 gave %q, greedy %q", cold, greedy)
	}
}

func TestSampleRefuses(t *testing.T) {
	m := trainedModel(t, DefaultConfig(), 0)
	rng := rand.New(rand.NewPCG(1, 1))
	for _, temp := range []float64{-0.1, math.NaN(), MaxTemperature + 0.5, math.Inf(1)} {
		s, err := m.Sample("the", 5, temp, rng)
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Key != KeyTemperature || ce.Max != MaxTemperature || s != "" {
			t.Errorf("temperature %g: %q, %v", temp, s, err)
		}
	}
	if _, err := m.Sample("the", 5, MaxTemperature, rng); err != nil {
		t.Errorf("temperature %d: %v", MaxTemperature, err)
	}
	if _, err := m.Sample("thé", 5, 1, rng); !errors.Is(err, ErrUnknownRune) {
		t.Errorf("unknown prime character: %v", err)
	}
	for _, n := range []int{-1, MaxSample + 1} {
		if _, err := m.Sample("the", n, 1, rng); err == nil {
			t.Errorf("%d characters accepted", n)
		}
	}
	d, _ := NewNumberData("1 2 3")
	nm, _ := NewModel(DefaultConfig(), d)
	if _, err := nm.Sample("1", 5, 1, rng); err == nil {
		t.Error("a numbers model sampled text")
	}
}

func TestContinue(t *testing.T) {
	d, err := NewNumberData(sineText(80, 16))
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Layers, cfg.Hidden, cfg.SeqLen = 2, 8, 16
	m, tr := newTrainerOn(t, cfg, d)
	for range 50 {
		mustStep(t, tr)
	}
	prime := []float64{0, 0.38, 0.71, 0.92, 1}
	got, err := m.Continue(prime, 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 {
		t.Fatalf("%d values, want 6", len(got))
	}
	// Each value is the model's prediction after the prime and the values before
	// it, fed back as input.
	seq := slices.Clone(prime)
	for i, v := range got {
		pr, err := m.TraceNumbers(seq, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := pr.Output[len(seq)-1]
		if math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("value %d = %.15g, the traced prediction %.15g", i, v, want)
		}
		seq = append(seq, v)
	}
	if again, _ := m.Continue(prime, 6); !slices.Equal(again, got) {
		t.Error("Continue is not deterministic")
	}
	if out, err := m.Continue(prime, 0); err != nil || len(out) != 0 {
		t.Errorf("0 values: %v, %v", out, err)
	}
	for _, bad := range [][]float64{nil, {}, {1, math.NaN()}, {1e10}} {
		if out, err := m.Continue(bad, 3); err == nil || out != nil {
			t.Errorf("Continue(%v) = %v, %v", bad, out, err)
		}
	}
	for _, n := range []int{-1, MaxSample + 1} {
		if _, err := m.Continue(prime, n); err == nil {
			t.Errorf("%d values accepted", n)
		}
	}
	tm := trainedModel(t, DefaultConfig(), 0)
	if _, err := tm.Continue(prime, 3); err == nil {
		t.Error("a text model continued numbers")
	}
}

// TestSampleNilRng: greedy sampling from a prime draws nothing and needs no rng;
// anything that draws panics without one (a programmer error).
func TestSampleNilRng(t *testing.T) {
	m := trainedModel(t, DefaultConfig(), 0)
	if _, err := m.Sample("the", 5, 0, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		prime string
		temp  float64
	}{{"", 0}, {"the", 1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Sample(%q, temp %g) with a nil rng did not panic", tc.prime, tc.temp)
				}
			}()
			m.Sample(tc.prime, 5, tc.temp, nil)
		}()
	}
}

// TestOrthogonalInit: with InitOrthogonal every layer's U (G·H rows, H
// columns) has orthonormal columns, UᵀU = I, drawn from the seed alone; with
// InitGlorot U stays within its Glorot range.
func TestOrthogonalInit(t *testing.T) {
	d, err := NewTextData("the quick brown fox jumps over the lazy dog")
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		cfg := DefaultConfig()
		cfg.Cell, cfg.Layers, cfg.Hidden, cfg.Init = cell, 2, 12, InitOrthogonal
		m, err := NewModel(cfg, d)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := NewModel(cfg, d)
		if !slices.Equal(m.Params.Data, again.Params.Data) {
			t.Errorf("%v: one seed gave two initialisations", cell)
		}
		for l, L := range m.Params.Layers {
			for j := range L.H {
				for k := range L.H {
					dot := 0.0
					for i := range L.G * L.H {
						dot += L.U[i*L.H+j] * L.U[i*L.H+k]
					}
					want := 0.0
					if j == k {
						want = 1
					}
					if math.Abs(dot-want) > 1e-12 {
						t.Fatalf("%v layer %d: column %d · column %d = %g, want %g", cell, l, j, k, dot, want)
					}
				}
			}
		}
		cfg.Init = InitGlorot
		g, _ := NewModel(cfg, d)
		limit := math.Sqrt(6 / float64(2*cfg.Hidden))
		for _, u := range g.Params.Layers[0].U {
			if math.Abs(u) > limit {
				t.Fatalf("%v: Glorot U has %g beyond ±%g", cell, u, limit)
			}
		}
		if slices.Equal(g.Params.Layers[0].U, m.Params.Layers[0].U) {
			t.Errorf("%v: the two schemes gave the same U", cell)
		}
	}
}
