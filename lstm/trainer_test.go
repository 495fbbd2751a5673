package lstm

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const trainText = "the quick brown fox jumps over the lazy dog; the lazy dog sleeps. " +
	"a stitch in time saves nine, and nine lives has the cat."

// leaf is one numeric or string value found by fingerprint, with its path.
type leaf struct {
	path string
	bits uint64
	str  string
}

// fingerprint appends every number (floats by their bits), bool, string and
// length reachable from v, unexported fields included, so that two states can be
// compared bit for bit without knowing the types' fields.
func fingerprint(v reflect.Value, path string, out []leaf) []leaf {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(out, leaf{path: path, str: "nil"})
		}
		return fingerprint(v.Elem(), path, out)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			out = fingerprint(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
		return out
	case reflect.Slice, reflect.Array:
		out = append(out, leaf{path: path + ".len", bits: uint64(v.Len())})
		for i := 0; i < v.Len(); i++ {
			out = fingerprint(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
		return out
	case reflect.Float32, reflect.Float64:
		return append(out, leaf{path: path, bits: math.Float64bits(v.Float())})
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return append(out, leaf{path: path, bits: uint64(v.Int())})
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return append(out, leaf{path: path, bits: v.Uint()})
	case reflect.Bool:
		return append(out, leaf{path: path, str: fmt.Sprint(v.Bool())})
	case reflect.String:
		return append(out, leaf{path: path, str: v.String()})
	}
	return append(out, leaf{path: path, str: "unhandled " + v.Kind().String()})
}

// trainerState is everything a failed Step must leave alone: the model (its
// configuration, parameters and update count), the optimizer's state, the
// carried state and the position in the data.
func trainerState(tr *Trainer) []leaf {
	var out []leaf
	out = fingerprint(reflect.ValueOf(tr.m), "model", out)
	out = fingerprint(reflect.ValueOf(&tr.opt), "opt", out)
	out = fingerprint(reflect.ValueOf(tr.h), "h", out)
	out = fingerprint(reflect.ValueOf(tr.c), "c", out)
	return fingerprint(reflect.ValueOf(tr.pos), "pos", out)
}

func diffState(a, b []leaf) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d values, then %d", len(a), len(b))
	}
	var diffs []string
	for i := range a {
		if a[i] != b[i] {
			diffs = append(diffs, fmt.Sprintf("%s: %v → %v", a[i].path, a[i], b[i]))
		}
	}
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("… %d differences", len(diffs)))
	}
	return strings.Join(diffs, "; ")
}

// sameUpdate reports whether two updates are identical bit for bit.
func sameUpdate(a, b Update) bool {
	return a.Step == b.Step && math.Float64bits(a.Loss) == math.Float64bits(b.Loss) &&
		math.Float64bits(a.GradNorm) == math.Float64bits(b.GradNorm) &&
		a.Clipped == b.Clipped && a.Chars == b.Chars && a.Wrapped == b.Wrapped
}

// kindData returns fresh training data of kind: the numbers of a list, or
// trainText.
func kindData(t testing.TB, kind Kind, numbers string) *Data {
	t.Helper()
	if kind == Numbers {
		d, err := NewNumberData(numbers)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return mustText(t, trainText)
}

func TestTrainerDeterministic(t *testing.T) {
	numbers := sineText(120, 17)
	for _, kind := range []Kind{Text, Numbers} {
		for _, cell := range []Cell{CellLSTM, CellRNN} {
			for _, opt := range []Optimizer{Adam, RMSProp, SGD} {
				t.Run(fmt.Sprintf("%v/%v/%v", kind, cell, opt), func(t *testing.T) {
					data := func() *Data { return kindData(t, kind, numbers) }
					cfg := DefaultConfig()
					cfg.Cell, cfg.Optimizer, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, opt, 2, 12, 16
					_, a := newTrainerOn(t, cfg, data())
					_, b := newTrainerOn(t, cfg, data())
					cfg.Seed = 2
					_, c := newTrainerOn(t, cfg, data())
					differ := 0
					for i := range 40 {
						ua, ub, uc := mustStep(t, a), mustStep(t, b), mustStep(t, c)
						if !sameUpdate(ua, ub) {
							t.Fatalf("update %d: %+v and %+v from the same seed", i+1, ua, ub)
						}
						if ua.Loss != uc.Loss {
							differ++
						}
					}
					if d := diffState(trainerState(a), trainerState(b)); d != "" {
						t.Errorf("same seed, different states: %s", d)
					}
					if differ < 40 {
						t.Errorf("seeds 1 and 2 gave the same loss in %d of 40 updates", 40-differ)
					}
				})
			}
		}
	}
}

// windowLoss runs the net of a fresh copy of params over the window [p, p+T) of
// ids from state (h, c) per layer and returns the loss and the final states.
func windowLoss(params *Params, ids []int32, p, T int, h, c [][]float64) (loss float64, hT, cT [][]float64) {
	n := newNet(params, Text, T)
	for l := range h {
		n.setState(l, h[l], c[l])
	}
	in := input{ids: ids[p : p+T]}
	n.forward(in, T)
	loss = n.loss(ids[p+1:p+T+1], nil)
	for l := range h {
		hT = append(hT, make([]float64, len(h[l])))
		cT = append(cT, make([]float64, len(h[l])))
		n.finalState(l, hT[l], cT[l])
	}
	return loss, hT, cT
}

func cloneParams(p *Params) *Params {
	q := NewParamsLike(p)
	copy(q.Data, p.Data)
	return q
}

func zeroState(layers, h int) [][]float64 {
	s := make([][]float64, layers)
	for l := range s {
		s[l] = make([]float64, h)
	}
	return s
}

// TestTrainerWindowsCarryState: each window starts from the state the previous
// one ended in; at the end of the data training wraps to the start from a zero
// state.
func TestTrainerWindowsCarryState(t *testing.T) {
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		t.Run(cell.String(), func(t *testing.T) {
			text := trainText[:25] // windows at 0 and 10, then 20 + 11 > 25 wraps
			cfg := DefaultConfig()
			cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, 2, 8, 10
			m, tr := newTextTrainer(t, cfg, text)
			ids, _ := m.Vocab.Encode(text)
			zero := zeroState(2, 8)
			h, c := zero, zero
			for step, start := range []int{0, 10, 0, 10, 0} {
				before := cloneParams(m.Params)
				want, hT, cT := windowLoss(before, ids, start, 10, h, c)
				u := mustStep(t, tr)
				if math.Float64bits(u.Loss) != math.Float64bits(want) {
					t.Errorf("update %d: loss %.17g, want %.17g (the window at %d from the carried state)", step+1, u.Loss, want, start)
				}
				if wrapped := step > 0 && start == 0; u.Wrapped != wrapped || u.Chars != 10 {
					t.Errorf("update %d: wrapped %v, chars %d; want %v, 10", step+1, u.Wrapped, u.Chars, wrapped)
				}
				if start == 10 {
					// The carried state matters: from zero the loss is different.
					if z, _, _ := windowLoss(before, ids, start, 10, zero, zero); z == u.Loss {
						t.Errorf("update %d: the loss from a zero state is the same", step+1)
					}
				}
				for l := range hT {
					if !slices.Equal(tr.h[l], hT[l]) || (cell == CellLSTM && !slices.Equal(tr.c[l], cT[l])) {
						t.Errorf("update %d: carried state of layer %d is not the window's final state", step+1, l)
					}
				}
				h, c = hT, cT
				if start == 10 {
					h, c = zero, zero // the next window wraps
				}
			}
		})
	}
}

// TestTrainerShortText: a text shorter than the sequence length trains on
// windows of the whole text.
func TestTrainerShortText(t *testing.T) {
	for _, text := range []string{"ab", "abcab", "😀👍😀"} {
		cfg := DefaultConfig()
		cfg.SeqLen = 32
		_, tr := newTextTrainer(t, cfg, text)
		n := len([]rune(text))
		first := mustStep(t, tr)
		var u Update
		for range 100 {
			u = mustStep(t, tr)
			if u.Chars != n-1 || !u.Wrapped {
				t.Fatalf("%q: update %+v, want %d characters, wrapped", text, u, n-1)
			}
		}
		if first.Chars != n-1 || u.Loss > first.Loss/4 {
			t.Errorf("%q: loss %.3f → %.3f over 100 updates of %d characters", text, first.Loss, u.Loss, first.Chars)
		}
	}
}

// checkDivergence steps tr, which must diverge, and checks the error and that
// nothing changed. It returns the error.
func checkDivergence(t *testing.T, tr *Trainer, what string) *DivergenceError {
	t.Helper()
	before := trainerState(tr)
	updates := tr.m.Updates
	u, err := tr.Step()
	if err == nil {
		t.Fatalf("no divergence: %+v", u)
	}
	if !errors.Is(err, ErrDiverged) {
		t.Errorf("error %v does not match ErrDiverged", err)
	}
	var de *DivergenceError
	if !errors.As(err, &de) {
		t.Fatalf("error %T is not a *DivergenceError", err)
	}
	if what != "" && de.What != what {
		t.Errorf("diverged in the %s, want the %s", de.What, what)
	}
	if de.Step != updates+1 || !(math.IsNaN(de.Value) || math.IsInf(de.Value, 0)) || de.LearningRate != tr.m.Config.LearningRate {
		t.Errorf("error %+v at update count %d", de, updates)
	}
	msg := err.Error()
	if !strings.Contains(msg, "smaller learning rate") || !strings.Contains(msg, fmt.Sprint(updates)) {
		t.Errorf("message %q does not say the model is kept at update %d and suggest a smaller learning rate", msg, updates)
	}
	if u != (Update{}) {
		t.Errorf("a failed step reported %+v", u)
	}
	if d := diffState(before, trainerState(tr)); d != "" {
		t.Errorf("the failed step changed the trainer: %s", d)
	}
	return de
}

// TestTrainerDivergenceInjected: a step whose loss or gradient is not finite
// changes nothing, and training continues as if it had not been tried.
func TestTrainerDivergenceInjected(t *testing.T) {
	for _, tc := range []struct {
		kind Kind
		what string
		wrap bool // the failing window is the one that wraps
	}{
		// Numbers: (1e200·h)² overflows the loss.
		{Numbers, "loss", false},
		{Numbers, "loss", true},
		// Text: a logit of 1e200 leaves a finite loss but ∂L/∂h ≈ 1e200, whose
		// square overflows.
		{Text, "gradient", false},
		{Text, "gradient", true},
	} {
		for _, cell := range []Cell{CellLSTM, CellRNN} {
			t.Run(fmt.Sprintf("%v/%v/wrap=%v", tc.kind, cell, tc.wrap), func(t *testing.T) {
				data := func() *Data {
					if tc.kind == Numbers {
						d, err := NewNumberData(sineText(50, 11))
						if err != nil {
							t.Fatal(err)
						}
						return d
					}
					return mustText(t, trainText[:50])
				}
				cfg := DefaultConfig()
				cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, 2, 6, 12
				ma, a := newTrainerOn(t, cfg, data())
				_, b := newTrainerOn(t, cfg, data()) // the twin that never fails
				steps := 2                           // windows 0, 12; the next at 24 does not wrap
				if tc.wrap {
					steps = 4 // windows 0, 12, 24, 36; the next wraps
				}
				for range steps {
					mustStep(t, a)
					mustStep(t, b)
				}
				old := ma.Params.Wy[0]
				ma.Params.Wy[0] = 1e200
				de := checkDivergence(t, a, tc.what)
				if de.Step != uint64(steps+1) {
					t.Errorf("diverged at update %d, want %d", de.Step, steps+1)
				}
				// Once more: the same error, still nothing changed.
				checkDivergence(t, a, tc.what)
				// Repaired, the trainer goes on exactly like its twin.
				ma.Params.Wy[0] = old
				for i := range 3 {
					ua, ub := mustStep(t, a), mustStep(t, b)
					if !sameUpdate(ua, ub) {
						t.Fatalf("after the failed step, update %d: %+v, the twin %+v", i+1, ua, ub)
					}
					if tc.wrap && i == 0 && !ua.Wrapped {
						t.Errorf("update %+v: the window that failed should wrap", ua)
					}
				}
				if d := diffState(trainerState(a), trainerState(b)); d != "" {
					t.Errorf("state differs from the twin's: %s", d)
				}
			})
		}
	}
}

// TestTrainerDivergenceNatural: plain RNN regression with SGD at the largest
// learning rate and no clipping diverges by itself (measured: within about 150
// updates, for momentum 0, 0.9 and 0.999); the failing step changes nothing.
func TestTrainerDivergenceNatural(t *testing.T) {
	d, err := NewNumberData(sineText(100, 9))
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Cell, cfg.Optimizer, cfg.LearningRate, cfg.Momentum, cfg.Clip = CellRNN, SGD, MaxLR, 0.9, 0
	cfg.Hidden, cfg.SeqLen = 16, 8
	m, tr := newTrainerOn(t, cfg, d)
	const budget = 3000
	for range budget {
		before := trainerState(tr)
		_, err := tr.Step()
		if err == nil {
			continue
		}
		if d := diffState(before, trainerState(tr)); d != "" {
			t.Fatalf("the failed step changed the trainer: %s", d)
		}
		var de *DivergenceError
		if !errors.As(err, &de) || !errors.Is(err, ErrDiverged) {
			t.Fatalf("error %v", err)
		}
		t.Logf("diverged by itself at update %d (the %s became %v): %v", de.Step, de.What, de.Value, err)
		for _, v := range m.Params.Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("a parameter is %v after the last finite update", v)
			}
		}
		checkDivergence(t, tr, de.What)
		// A smaller learning rate is accepted and the trainer is usable: a step
		// either succeeds or fails again without changing anything.
		if err := tr.SetLearningRate(1e-4); err != nil {
			t.Fatal(err)
		}
		before = trainerState(tr)
		if _, err := tr.Step(); err != nil {
			if d := diffState(before, trainerState(tr)); d != "" {
				t.Fatalf("the failed step changed the trainer: %s", d)
			}
		}
		return
	}
	t.Fatalf("SGD with learning rate 1 and no clipping did not diverge in %d updates", budget)
}

// windowGrad returns the gradient of the loss of the window tr would train on
// next, computed with a net of its own.
func windowGrad(tr *Trainer) []float64 {
	p, T, _ := tr.window()
	n := newNet(tr.m.Params, tr.m.Kind, T)
	for l := range tr.h {
		if p == 0 {
			n.setState(l, make([]float64, len(tr.h[l])), make([]float64, len(tr.h[l])))
		} else {
			n.setState(l, tr.h[l], tr.c[l])
		}
	}
	in, targets, values := tr.inputAt(p, T)
	n.forward(in, T)
	n.loss(targets, values)
	g := NewParamsLike(tr.m.Params)
	n.backward(g, in, false, nil)
	return g.Data
}

// checkSGDStep checks that the parameters moved from before by −lr·want exactly.
func checkSGDStep(t *testing.T, before, after []float64, lr float64, want []float64) {
	t.Helper()
	bad := 0
	for i := range before {
		if d := before[i] - lr*want[i]; !closeTo(after[i], d) {
			if bad < 3 {
				t.Errorf("θ[%d] = %.17g, want %.17g − %g·%.17g = %.17g", i, after[i], before[i], lr, want[i], d)
			}
			bad++
		}
	}
}

func newSGDTrainer(t *testing.T, lr float64) (*Model, *Trainer) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Optimizer, cfg.LearningRate, cfg.Momentum, cfg.Clip = SGD, lr, 0, 0
	cfg.Layers, cfg.Hidden, cfg.SeqLen = 2, 8, 10
	return newTextTrainer(t, cfg, trainText)
}

func checkRefused(t *testing.T, tr *Trainer, what string, key string, set func() error) {
	t.Helper()
	before := trainerState(tr)
	err := set()
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Key != key {
		t.Errorf("%s: error %v, want a *ConfigError for %s", what, err, key)
	}
	if d := diffState(before, trainerState(tr)); d != "" {
		t.Errorf("%s: the refused setting changed the trainer: %s", what, d)
	}
}

func TestTrainerSetLearningRate(t *testing.T) {
	m, tr := newSGDTrainer(t, 0.1)
	mustStep(t, tr)
	mustStep(t, tr)
	for _, lr := range []float64{0, -0.1, 9e-7, 1.01, math.NaN(), math.Inf(1)} {
		checkRefused(t, tr, fmt.Sprintf("SetLearningRate(%g)", lr), KeyLR, func() error { return tr.SetLearningRate(lr) })
	}
	// Plain SGD: the next update is exactly θ − lr′·g.
	for _, lr := range []float64{0.037, MaxLR, MinLR} {
		g := windowGrad(tr)
		before := slices.Clone(m.Params.Data)
		if err := tr.SetLearningRate(lr); err != nil {
			t.Fatal(err)
		}
		if m.Config.LearningRate != lr {
			t.Errorf("Config.LearningRate = %g after SetLearningRate(%g)", m.Config.LearningRate, lr)
		}
		mustStep(t, tr)
		checkSGDStep(t, before, m.Params.Data, lr, g)
	}
	// Adam and RMSProp keep their state: setting the same rate changes nothing;
	// setting another changes the next update.
	for _, opt := range []Optimizer{Adam, RMSProp} {
		cfg := DefaultConfig()
		cfg.Optimizer, cfg.Hidden, cfg.SeqLen = opt, 8, 10
		_, a := newTextTrainer(t, cfg, trainText)
		_, b := newTextTrainer(t, cfg, trainText)
		_, c := newTextTrainer(t, cfg, trainText)
		for range 3 {
			mustStep(t, a)
			mustStep(t, b)
			mustStep(t, c)
		}
		if err := a.SetLearningRate(cfg.LearningRate); err != nil {
			t.Fatal(err)
		}
		if err := c.SetLearningRate(cfg.LearningRate / 2); err != nil {
			t.Fatal(err)
		}
		before := slices.Clone(a.m.Params.Data) // c's are the same
		mustStep(t, a)
		mustStep(t, b)
		mustStep(t, c)
		if d := diffState(trainerState(a), trainerState(b)); d != "" {
			t.Errorf("%v: setting the same learning rate changed the run: %s", opt, d)
		}
		// Half the rate, same state: every parameter moves half as far, but
		// for the rounding of θ − step, up to half an ulp of θ in each run.
		for i := range before {
			da, dc := before[i]-a.m.Params.Data[i], before[i]-c.m.Params.Data[i]
			if math.Abs(dc-da/2) > 1e-12*math.Abs(da)+0x1p-52*math.Abs(before[i]) {
				t.Errorf("%v: θ[%d] moved by %g at the rate, %g at half the rate", opt, i, da, dc)
				break
			}
		}
	}
}

func TestTrainerSetOptimizer(t *testing.T) {
	cfg := DefaultConfig()
	cfg.LearningRate, cfg.Clip, cfg.Layers, cfg.Hidden, cfg.SeqLen = 0.05, 0, 2, 8, 10
	m, tr := newTextTrainer(t, cfg, trainText)
	for range 3 {
		mustStep(t, tr)
	}
	checkRefused(t, tr, "SetOptimizer(7, 0.9)", KeyOptimizer, func() error { return tr.SetOptimizer(7, 0.9) })
	checkRefused(t, tr, "SetOptimizer(SGD, 1)", KeyMomentum, func() error { return tr.SetOptimizer(SGD, 1) })
	checkRefused(t, tr, "SetOptimizer(SGD, -0.5)", KeyMomentum, func() error { return tr.SetOptimizer(SGD, -0.5) })
	checkRefused(t, tr, "SetOptimizer(SGD, NaN)", KeyMomentum, func() error { return tr.SetOptimizer(SGD, math.NaN()) })

	// Adam → SGD with momentum 0.5, from a fresh state:
	// θ₁ = θ₀ − η g₁, θ₂ = θ₁ − η (0.5 g₁ + g₂).
	if err := tr.SetOptimizer(SGD, 0.5); err != nil {
		t.Fatal(err)
	}
	if m.Config.Optimizer != SGD || m.Config.Momentum != 0.5 || m.Config.LearningRate != 0.05 {
		t.Errorf("config after SetOptimizer: %+v", m.Config)
	}
	g1 := windowGrad(tr)
	th0 := slices.Clone(m.Params.Data)
	mustStep(t, tr)
	checkSGDStep(t, th0, m.Params.Data, 0.05, g1)
	g2 := windowGrad(tr)
	th1 := slices.Clone(m.Params.Data)
	mustStep(t, tr)
	v2 := make([]float64, len(g2))
	for i := range v2 {
		v2[i] = 0.5*g1[i] + g2[i]
	}
	checkSGDStep(t, th1, m.Params.Data, 0.05, v2)

	// → Adam again, from a fresh state: the first step moves every parameter
	// with a clear gradient by η (bias correction at t = 1).
	if err := tr.SetOptimizer(Adam, 0); err != nil {
		t.Fatal(err)
	}
	g := windowGrad(tr)
	before := slices.Clone(m.Params.Data)
	mustStep(t, tr)
	for i := range g {
		if want := 0.05 * math.Abs(g[i]) / (math.Abs(g[i]) + 1e-8); math.Abs(math.Abs(before[i]-m.Params.Data[i])-want) > 1e-12 {
			t.Errorf("θ[%d] moved by %g with g = %g; a fresh Adam moves it by η = 0.05", i, before[i]-m.Params.Data[i], g[i])
			break
		}
	}
}

func TestTrainerSetClip(t *testing.T) {
	const lr = 0.1
	m, tr := newSGDTrainer(t, lr)
	mustStep(t, tr)
	for _, tc := range []struct {
		limit float64
		mode  ClipMode
		field string
	}{
		{-1, ClipElement, KeyClip},
		{math.NaN(), ClipNorm, KeyClip},
		{MaxClip * 2, ClipElement, KeyClip},
		{1, 9, KeyClipMode},
	} {
		checkRefused(t, tr, fmt.Sprintf("SetClip(%g, %d)", tc.limit, tc.mode), tc.field, func() error { return tr.SetClip(tc.limit, tc.mode) })
	}

	// Element-wise: every gradient element clamped to ±limit.
	g := windowGrad(tr)
	limit := 0.5 * math.Sqrt(SumSquares(g)/float64(len(g))) // clips some elements, not all
	want := slices.Clone(g)
	clipped := 0
	for i, v := range want {
		if math.Abs(v) > limit {
			want[i] = math.Copysign(limit, v)
			clipped++
		}
	}
	if err := tr.SetClip(limit, ClipElement); err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(m.Params.Data)
	u := mustStep(t, tr)
	checkSGDStep(t, before, m.Params.Data, lr, want)
	if u.Clipped != clipped || clipped == 0 || clipped == len(g) {
		t.Errorf("element clip at %g: %d clipped, want %d of %d", limit, u.Clipped, clipped, len(g))
	}
	if !closeTo(u.GradNorm, math.Sqrt(SumSquares(g))) {
		t.Errorf("GradNorm %g, want the norm before clipping %g", u.GradNorm, math.Sqrt(SumSquares(g)))
	}

	// By global norm: the gradient rescaled to norm limit.
	g = windowGrad(tr)
	norm := math.Sqrt(SumSquares(g))
	limit = norm / 3
	if err := tr.SetClip(limit, ClipNorm); err != nil {
		t.Fatal(err)
	}
	before = slices.Clone(m.Params.Data)
	u = mustStep(t, tr)
	for i := range g {
		want[i] = g[i] * (limit / norm)
	}
	checkSGDStep(t, before, m.Params.Data, lr, want)
	if u.Clipped != 1 || !closeTo(u.GradNorm, norm) {
		t.Errorf("norm clip: clipped %d, norm %g; want 1, %g", u.Clipped, u.GradNorm, norm)
	}
	// A limit above the norm leaves the gradient alone.
	g = windowGrad(tr)
	if err := tr.SetClip(2*math.Sqrt(SumSquares(g)), ClipNorm); err != nil {
		t.Fatal(err)
	}
	before = slices.Clone(m.Params.Data)
	if u = mustStep(t, tr); u.Clipped != 0 {
		t.Errorf("norm below the limit: clipped %d", u.Clipped)
	}
	checkSGDStep(t, before, m.Params.Data, lr, g)

	// Off.
	g = windowGrad(tr)
	if err := tr.SetClip(0, ClipElement); err != nil {
		t.Fatal(err)
	}
	before = slices.Clone(m.Params.Data)
	if u = mustStep(t, tr); u.Clipped != 0 {
		t.Errorf("clipping off: clipped %d", u.Clipped)
	}
	checkSGDStep(t, before, m.Params.Data, lr, g)
	if m.Config.Clip != 0 || m.Config.ClipMode != ClipElement {
		t.Errorf("config after SetClip(0, element): %+v", m.Config)
	}
}

// refReach returns ‖∂L_T/∂h_t‖ of every layer l and t = 1 … T for the window tr
// would train on next, by central differences of the double-double reference:
// out[l][k] is for t = T−k, as Reach orders it.
func refReach(tr *Trainer) [][]float64 {
	p, T, _ := tr.window()
	layers, H := len(tr.h), len(tr.h[0])
	h0, c0 := zeroState(layers, H), zeroState(layers, H)
	if p != 0 {
		h0, c0 = tr.h, tr.c
	}
	in, targets, values := tr.inputAt(p, T)
	rp := toRef(tr.m.Params, ddOf)
	var x []dd
	if in.dense != nil {
		x = toRefVec(in.dense, ddOf)
	}
	lossT := func(l, t, j int, e float64) dd {
		_, _, ys := refForward(rp, in.ids, x, T, toRefRows(h0, ddOf), toRefRows(c0, ddOf), func(l2, t2 int, h []dd) {
			if l2 == l && t2 == t {
				h[j] = h[j].Add(ddOf(e))
			}
		})
		return refMeanLoss(ys, targets, toRefVec(values, ddOf), T-1)
	}
	out := make([][]float64, layers)
	for l := range out {
		out[l] = make([]float64, T)
		for t := 1; t <= T; t++ {
			var ss float64
			for j := 0; j < H; j++ {
				d := lossT(l, t, j, gcEps).Sub(lossT(l, t, j, -gcEps)).Float() / (2 * gcEps)
				ss += d * d
			}
			out[l][T-t] = math.Sqrt(ss)
		}
	}
	return out
}

// TestReach checks Trainer.Reach against finite differences of the reference
// implementation, for both cells, both kinds and two layers, from a zero and
// from a carried state, and that it does not move the trainer.
func TestReach(t *testing.T) {
	for _, kind := range []Kind{Text, Numbers} {
		for _, cell := range []Cell{CellLSTM, CellRNN} {
			t.Run(fmt.Sprintf("%v/%v", kind, cell), func(t *testing.T) {
				data := func() *Data {
					if kind == Numbers {
						d, err := NewNumberData(sineText(60, 13))
						if err != nil {
							t.Fatal(err)
						}
						return d
					}
					return mustText(t, trainText)
				}
				cfg := DefaultConfig()
				cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, 2, 4, 8
				_, a := newTrainerOn(t, cfg, data())
				_, b := newTrainerOn(t, cfg, data())
				for round := range 3 {
					before := trainerState(a)
					got := a.Reach()
					if d := diffState(before, trainerState(a)); d != "" {
						t.Fatalf("Reach changed the trainer: %s", d)
					}
					if len(got) != cfg.Layers {
						t.Fatalf("Reach has %d layers, want %d", len(got), cfg.Layers)
					}
					want := refReach(a)
					for l := range got {
						if len(got[l]) != cfg.SeqLen {
							t.Fatalf("layer %d: %d values, want T = %d", l, len(got[l]), cfg.SeqLen)
						}
						for k, v := range got[l] {
							if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
								t.Errorf("round %d: reach[%d][%d] = %v", round, l, k, v)
							}
							if !gradAgrees(v, want[l][k]) {
								t.Errorf("round %d: reach[%d][%d] = %.12g, finite differences %.12g (rel %.2g)", round, l, k, v, want[l][k], relErr(v, want[l][k]))
							}
						}
					}
					// Reach leaves the trainer where it was: it trains on as its twin.
					ua, ub := mustStep(t, a), mustStep(t, b)
					if !sameUpdate(ua, ub) {
						t.Fatalf("after Reach, update %+v; the twin's %+v", ua, ub)
					}
				}
			})
		}
	}
}

// TestReachLastStep: reach at k = 0 of the top layer is ‖∂L_T/∂h_T‖ = ‖Wʸᵀ (p_T − e_target)‖
// for text, computed here from the probabilities that TraceText reports.
func TestReachLastStep(t *testing.T) {
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		cfg := DefaultConfig()
		cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = cell, 2, 16, 20
		m, tr := newTextTrainer(t, cfg, trainText)
		reach := tr.Reach() // the first window: trainText[:20] → trainText[1:21], from zero
		rs := []rune(trainText)
		pr, err := m.TraceText(string(rs[:20]), nil)
		if err != nil {
			t.Fatal(err)
		}
		V, H := m.Vocab.Size(), cfg.Hidden
		p := slices.Clone(pr.Output[19*V : 20*V])
		k, _ := m.Vocab.Index(rs[20])
		p[k]-- // p_T − e_target
		var ss float64
		for j := 0; j < H; j++ {
			var d float64
			for v := 0; v < V; v++ {
				d += m.Params.Wy[v*H+j] * p[v]
			}
			ss += d * d
		}
		want := math.Sqrt(ss)
		if got := reach[1][0]; math.Abs(got-want) > 1e-12*want {
			t.Errorf("%v: reach[top][0] = %.15g, ‖Wʸᵀ(p_T − e)‖ = %.15g", cell, got, want)
		}
	}
}

// reachRatio trains a model of cfg on text for the given number of updates and
// returns the median, over the next 15 windows, of reach[top][T−1]/reach[top][0]:
// how much of the error signal of a window's last step reaches its first step.
func reachRatio(t *testing.T, cfg Config, text string, updates int) float64 {
	_, tr := newTextTrainer(t, cfg, text)
	for range updates {
		mustStep(t, tr)
	}
	var rs []float64
	for range 15 {
		reach := tr.Reach()
		top := reach[len(reach)-1]
		rs = append(rs, top[len(top)-1]/top[0])
		mustStep(t, tr)
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}

// TestReachLSTMvsRNN: the article's claim 3, on data that needs memory. Trained
// on aⁿXbⁿ, the plain RNN's error signal reaching back T−1 = 31 steps, relative
// to that at the last step, is much smaller than the LSTM's.
//
// Measured (default config: H = 32, T = 32, Adam 0.01, forget bias 1; 1000
// updates; median over 15 windows), LSTM/RNN ratio of reach[31]/reach[0]:
//
//	aⁿXbⁿ, seeds 1–9:     1800 17 3600 560 43 130 85 320 1100    LSTM further in 9 of 9
//	English (trainText×2): 0.22 0.14 0.29 0.028 0.064 0.10 0.27 0.094 0.23    in 0 of 9
//	untrained: English LSTM further in 2 of 9, aⁿXbⁿ in 7 of 9
//
// So the ordering is asserted for the memory task only. On text with short
// dependencies the LSTM's reach falls faster: with forget bias 1, zᶠ ≈ 0.73 and
// the cell path decays like 0.73ᵏ, while Glorot's recurrent init puts the RNN
// near the edge of chaos (spectral radius ≈ 1), where it barely decays over 32
// steps. The second half of this test logs that case without asserting it.
func TestReachLSTMvsRNN(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	counting := countingText(rng, 400, 10)
	seeds := 5
	var ratios []float64
	further := 0
	for seed := 1; seed <= seeds; seed++ {
		cfg := DefaultConfig()
		cfg.Seed = uint64(seed)
		l := reachRatio(t, cfg, counting, 1000)
		cfg.Cell = CellRNN
		r := reachRatio(t, cfg, counting, 1000)
		t.Logf("aⁿXbⁿ, seed %d: reach[T−1]/reach[0] LSTM %.3g, RNN %.3g (%.3g×)", seed, l, r, l/r)
		ratios = append(ratios, l/r)
		if l > r {
			further++
		}
	}
	slices.Sort(ratios)
	med := ratios[len(ratios)/2]
	fmt.Printf("reach back 31 steps after 1000 updates on aⁿXbⁿ: LSTM/RNN median %.3g× (LSTM further in %d of %d seeds)\n", med, further, seeds)
	if further < seeds-1 || med < 10 {
		t.Errorf("on aⁿXbⁿ the LSTM's reach exceeds the RNN's in %d of %d seeds, median ratio %.3g; want ≥ %d and ≥ 10", further, seeds, med, seeds-1)
	}

	// English text: measured and logged only (see above).
	text := strings.Repeat(trainText, 4)
	for seed := 1; seed <= 2; seed++ {
		cfg := DefaultConfig()
		cfg.Seed = uint64(seed)
		l := reachRatio(t, cfg, text, 1000)
		cfg.Cell = CellRNN
		r := reachRatio(t, cfg, text, 1000)
		t.Logf("English text, seed %d: reach[T−1]/reach[0] LSTM %.3g, RNN %.3g (%.3g×)", seed, l, r, l/r)
	}
}

// TestNewTrainerData: a model trains on other data in its own vocabulary (a
// loaded model on a new text) or its own normalisation; other data is refused.
func TestNewTrainerData(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Hidden, cfg.SeqLen = 6, 4
	m, err := NewModel(cfg, mustText(t, "abcabc"))
	if err != nil {
		t.Fatal(err)
	}
	// "bcbcb" has its own vocabulary {b, c} = {0, 1}; in the model's, b and c
	// are 1 and 2.
	tr, err := NewTrainer(m, mustText(t, "bcbcbcb"))
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := m.Vocab.Encode("bcbcbcb")
	want, _, _ := windowLoss(cloneParams(m.Params), ids, 0, 4, zeroState(1, 6), zeroState(1, 6))
	if u := mustStep(t, tr); u.Loss != want {
		t.Errorf("loss %.17g, want %.17g (the text in the model's vocabulary)", u.Loss, want)
	}
	if _, err := NewTrainer(m, mustText(t, "abcd")); !errors.Is(err, ErrUnknownRune) || !strings.Contains(err.Error(), "'d'") {
		t.Errorf("a character the model does not know: %v", err)
	}
	nd, _ := NewNumberData("1 2 3")
	if _, err := NewTrainer(m, nd); err == nil {
		t.Error("a text model accepted numbers")
	}

	// Numbers: the new data is read in the model's units.
	d1, _ := NewNumberData("0 10 20 10")
	nm, err := NewModel(cfg, d1)
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := NewNumberData("5 15 5 15 25")
	ntr, err := NewTrainer(nm, d2)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []float64{5, 15, 5, 15, 25} {
		if got, want := ntr.vals[i], nm.Norm.To(v); math.Abs(got-want) > 1e-15 {
			t.Errorf("value %d in the model's units: %g, want %g", i, got, want)
		}
	}
	if _, err := NewTrainer(nm, mustText(t, "ab")); err == nil {
		t.Error("a numbers model accepted text")
	}
}
