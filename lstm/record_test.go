package lstm

import (
	"fmt"
	"math"
	"testing"
)

// TestStepRecordedIsStep: StepRecorded applies the very update Step applies
// (same Update, same parameters, optimizer state, carried state and
// position, bit for bit), and training goes on identically after it.
func TestStepRecordedIsStep(t *testing.T) {
	numbers := sineText(120, 17)
	for _, kind := range []Kind{Text, Numbers} {
		for _, cell := range []Cell{CellLSTM, CellRNN} {
			t.Run(fmt.Sprintf("%v/%v", kind, cell), func(t *testing.T) {
				data := func() *Data { return kindData(t, kind, numbers) }
				cfg := DefaultConfig()
				cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen, cfg.Clip = cell, 2, 12, 16, 0.05
				_, a := newTrainerOn(t, cfg, data())
				_, b := newTrainerOn(t, cfg, data())
				for range 5 {
					mustStep(t, a)
					mustStep(t, b)
				}
				ua := mustStep(t, a)
				ub, rec, err := b.StepRecorded()
				if err != nil {
					t.Fatal(err)
				}
				if !sameUpdate(ua, ub) || !sameUpdate(ub, rec.Update) {
					t.Fatalf("Step %+v, StepRecorded %+v, its record %+v", ua, ub, rec.Update)
				}
				if d := diffState(trainerState(a), trainerState(b)); d != "" {
					t.Fatalf("after Step and StepRecorded: %s", d)
				}
				if !sameUpdate(mustStep(t, a), mustStep(t, b)) {
					t.Error("the updates after Step and StepRecorded differ")
				}
				checkRecord(t, rec, cfg, kind)
			})
		}
	}
}

// checkRecord checks a record's shapes, that its loss is the mean of its
// steps' losses, that clipping shrank the gradient, and that the weight
// changes add up to the change of all parameters.
func checkRecord(t *testing.T, rec *UpdateRecord, cfg Config, kind Kind) {
	t.Helper()
	T := rec.Update.Chars
	if len(rec.Output)%T != 0 || rec.Trace.T != T || len(rec.DH) != cfg.Layers || len(rec.DH[0]) != T*cfg.Hidden {
		t.Fatalf("shapes: %d losses, trace T %d, DH %d×%d for T %d", len(rec.StepLoss), rec.Trace.T, len(rec.DH), len(rec.DH[0]), T)
	}
	if (rec.DC == nil) != (cfg.Cell == CellRNN) || (kind == Text) != (len(rec.Inputs) == T && len(rec.Targets) == T) {
		t.Fatalf("DC %v for %v, %d inputs for %v", rec.DC != nil, cfg.Cell, len(rec.Inputs), kind)
	}
	var sum float64
	Y := len(rec.Output) / T
	for s, l := range rec.StepLoss {
		sum += l
		want := 0.0
		if kind == Text {
			want = -math.Log(rec.Output[s*Y+int(rec.Targets[s])])
		} else {
			d := rec.Output[s] - rec.TargetValues[s]
			want = d * d
		}
		if math.Abs(l-want) > 1e-9*math.Max(1, want) {
			t.Fatalf("step %d: loss %v, from the output %v", s+1, l, want)
		}
	}
	if mean := sum / float64(T); math.Abs(mean-rec.Update.Loss) > 1e-12*math.Max(1, mean) {
		t.Errorf("mean of the steps' losses %v, the update's loss %v", mean, rec.Update.Loss)
	}
	if !(rec.ClippedNorm < rec.GradNorm) || rec.Update.Clipped == 0 {
		t.Errorf("clip 0.05: norm %v → %v, %d clipped", rec.GradNorm, rec.ClippedNorm, rec.Update.Clipped)
	}
	if len(rec.Changes) != 3*cfg.Layers+2 {
		t.Fatalf("%d weight changes for %d layers", len(rec.Changes), cfg.Layers)
	}
	for _, c := range rec.Changes {
		if !(c.Delta > 0) || !(c.MaxDelta > 0) || c.MaxDelta > c.Delta {
			t.Errorf("%+v: no change, or a weight changed more than its matrix", c)
		}
	}
	if len(rec.Reach) != cfg.Layers || len(rec.Reach[0]) != T {
		t.Errorf("reach %d layers of %d", len(rec.Reach), len(rec.Reach[0]))
	}
}

// TestStepRecordedStateGrads checks ∂L/∂h_t and ∂L/∂c_t of the record
// against central differences of the window's loss: a change of h_t (or c_t,
// and through it h_t = zᵒ tanh c_t) at step t changes the loss of step t and
// of every step after it.
func TestStepRecordedStateGrads(t *testing.T) {
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		cfg := DefaultConfig()
		cfg.Cell, cfg.Hidden, cfg.SeqLen = cell, 6, 10
		_, a := newTrainerOn(t, cfg, mustText(t, trainText))
		ref, b := newTrainerOn(t, cfg, mustText(t, trainText))
		for range 3 {
			mustStep(t, a)
			mustStep(t, b)
		}
		_, rec, err := a.StepRecorded()
		if err != nil {
			t.Fatal(err)
		}
		T, H := rec.Trace.T, cfg.Hidden
		for _, i := range []int{0, T / 2, T - 1} {
			for _, j := range []int{0, H - 1} {
				const eps = 1e-6
				fd := func(dh, dc float64) float64 {
					return (lossAfter(ref, rec, i, j, eps*dh, eps*dc) - lossAfter(ref, rec, i, j, -eps*dh, -eps*dc)) / (2 * eps)
				}
				if got, want := rec.DH[0][i*H+j], fd(1, 0); math.Abs(got-want) > 1e-6*math.Max(1e-3, math.Abs(want)) {
					t.Errorf("%v: ∂L/∂h at step %d unit %d = %v, central difference %v", cell, i+1, j, got, want)
				}
				if cell == CellRNN {
					continue
				}
				if got, want := rec.DC[0][i*H+j], fd(0, 1); math.Abs(got-want) > 1e-6*math.Max(1e-3, math.Abs(want)) {
					t.Errorf("%v: ∂L/∂c at step %d unit %d = %v, central difference %v", cell, i+1, j, got, want)
				}
			}
		}
	}
}

// lossAfter is the part of the record's window loss that depends on the
// state after step i (0-based) of a one-layer model, with unit j of h moved
// by dh, or of c by dc (which moves h through zᵒ tanh c): (1/T) Σ_{s≥i} l_s.
// m is the model before the record's update.
func lossAfter(m *Model, rec *UpdateRecord, i, j int, dh, dc float64) float64 {
	T := rec.Trace.T
	h := append([]float64(nil), rec.Trace.Hid(0, i+1)...)
	st := m.newStepper()
	if rec.Trace.Cell == CellLSTM {
		c := append([]float64(nil), rec.Trace.C(0, i+1)...)
		c[j] += dc
		h[j] = rec.Trace.Zo(0, i)[j]*math.Tanh(c[j]) + dh
		copy(st.c[0], c)
	} else {
		h[j] += dh
	}
	copy(st.h[0], h)
	// the head on h_{i+1}, against the target of step i
	y := append([]float64(nil), m.Params.By...)
	matVecAdd(y, m.Params.Wy, h)
	p := make([]float64, len(y))
	sum := softmax(p, y) - y[rec.Targets[i]]
	for s := i + 1; s < T; s++ {
		prob := st.step(input{ids: rec.Inputs[s : s+1]})
		sum -= math.Log(prob[rec.Targets[s]])
	}
	return sum / float64(T)
}
