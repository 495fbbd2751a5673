package engine

import (
	"bytes"
	"math"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// TestSlowStepIsStep: SlowStep makes the very update Step makes (the model
// files after it are the same bytes), answers with its record, and then a
// Progress of ID 0 at the next update.
func TestSlowStepIsStep(t *testing.T) {
	const text = "hello world, hello lstm, hello again"
	a, b := ready(t, text), ready(t, text)
	for range 4 {
		send(t, a, protocol.Step{})
		send(t, b, protocol.Step{})
	}
	p := only[protocol.Progress](t, send(t, a, protocol.Step{ID: 1}))
	out := send(t, b, protocol.SlowStep{ID: 2})
	r := only[protocol.SlowStepResult](t, out)
	q := only[protocol.Progress](t, out)
	if r.ID != 2 || r.Update != 5 || r.Loss != p.Loss || r.GradNorm != p.GradNorm || q.ID != 0 || q.Update != 5 {
		t.Fatalf("Step: %+v; SlowStep: update %d, loss %v, norm %v; its Progress %+v", p, r.Update, r.Loss, r.GradNorm, q)
	}
	fa := only[protocol.ModelFile](t, send(t, a, protocol.Export{ID: 3}))
	fb := only[protocol.ModelFile](t, send(t, b, protocol.Export{ID: 3}))
	if !bytes.Equal(fa.File, fb.File) {
		t.Error("the models after Step and after SlowStep differ")
	}
	f := r.Forward
	var sum float64
	for i, l := range r.StepLoss {
		sum += float64(l)
		if p := math.Exp(-float64(l)); math.Abs(p-float64(f.PNext[i])) > 1e-5 {
			t.Errorf("step %d: loss %v, but the target's probability %v", i+1, l, f.PNext[i])
		}
		if i+1 < f.T && r.Targets[i] != f.Symbols[i+1] {
			t.Errorf("step %d: target %q, next input %q", i+1, r.Targets[i], f.Symbols[i+1])
		}
	}
	if mean := sum / float64(f.T); math.Abs(mean-r.Loss) > 1e-5 {
		t.Errorf("mean of the steps' losses %v, the update's %v", mean, r.Loss)
	}
	if f.Update != 4 || f.T != smallConfig().SeqLen || len(r.Grads) != 1 || len(r.Grads[0].DC) != f.T*f.H {
		t.Errorf("forward of update %d, T %d, %d layers of gradients", f.Update, f.T, len(r.Grads))
	}
}

// TestSlowStepRefusedWhileTraining: a SlowStep while training runs changes
// nothing and is refused with ReasonRunning.
func TestSlowStepRefusedWhileTraining(t *testing.T) {
	e := ready(t, "hello world, hello lstm")
	send(t, e, protocol.Train{ID: 1})
	before := only[protocol.ModelFile](t, send(t, e, protocol.Export{ID: 2}))
	er, bad := errorOf(send(t, e, protocol.SlowStep{ID: 3}))
	if !bad || er.ID != 3 || er.Reason != protocol.ReasonRunning {
		t.Fatalf("SlowStep while training: %+v", er)
	}
	after := only[protocol.ModelFile](t, send(t, e, protocol.Export{ID: 4}))
	if !bytes.Equal(before.File, after.File) {
		t.Error("a refused SlowStep changed the model")
	}
	send(t, e, protocol.Pause{ID: 5})
	if _, bad := errorOf(send(t, e, protocol.SlowStep{ID: 6})); bad {
		t.Error("SlowStep refused once paused")
	}
	if er, bad := errorOf(send(t, New(), protocol.SlowStep{ID: 7})); !bad || er.Reason != protocol.ReasonNoData {
		t.Errorf("SlowStep without a model: %+v", er)
	}
}

// TestSlowStepNumbers: a numbers model's record is in the person's units.
func TestSlowStepNumbers(t *testing.T) {
	e := New()
	cfg := smallConfig()
	cfg.Cell = lstm.CellRNN
	send(t, e, protocol.SetConfig{Config: cfg})
	only[protocol.Status](t, send(t, e, protocol.SetData{Mode: lstm.Numbers, Text: "10 20 30 20 10 20 30 20 10 20 30 20 10"}))
	r := only[protocol.SlowStepResult](t, send(t, e, protocol.SlowStep{ID: 1}))
	f := r.Forward
	if f.Values[0] != 10 || f.Values[1] != 20 || r.TargetValues[0] != 20 || r.Grads[0].DC != nil || len(r.Grads[0].DH) != f.T*f.H {
		t.Errorf("inputs %v, targets %v, %d ∂L/∂c", f.Values, r.TargetValues, len(r.Grads[0].DC))
	}
}
