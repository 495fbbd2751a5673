package lstm

import (
	"errors"
	"fmt"
	"math"
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

func TestTrainerDeterministic(t *testing.T) {
	numbers := sineText(120, 17)
	for _, kind := range []Kind{Text, Numbers} {
		for _, cell := range []Cell{CellLSTM, CellRNN} {
			for _, opt := range []Optimizer{Adam, RMSProp, SGD} {
				t.Run(fmt.Sprintf("%v/%v/%v", kind, cell, opt), func(t *testing.T) {
					data := func() *Data {
						if kind == Numbers {
							d, err := NewNumberData(numbers)
							if err != nil {
								t.Fatal(err)
							}
							return d
						}
						return mustText(t, trainText)
					}
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
				steps := 2                          // windows 0, 12; the next at 24 does not wrap
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
