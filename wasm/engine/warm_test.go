package engine

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"lstmplayground/wasm/protocol"
)

// warmAll runs the warm-up's chunks, 5 ms each on a clock that moves 1 ms per
// reading, as the worker does while the engine idles, and returns what they sent.
func warmAll(t *testing.T, e *Engine) []protocol.Message {
	t.Helper()
	clock := t0
	now := func() time.Time { clock = clock.Add(time.Millisecond); return clock }
	var out []protocol.Message
	for i := 0; e.Warming(); i++ {
		if i > 1000 {
			t.Fatal("the warm-up never ended")
		}
		out = append(out, e.WarmSafely(clock.Add(5*time.Millisecond), now)...)
	}
	return out
}

// lossesAfter trains e for n Steps and returns their losses and the model file.
func lossesAfter(t *testing.T, e *Engine, n int) ([]float32, []byte) {
	t.Helper()
	var losses []float32
	for range n {
		losses = append(losses, only[protocol.Progress](t, send(t, e, protocol.Step{})).Losses...)
	}
	return losses, only[protocol.ModelFile](t, send(t, e, protocol.Export{})).File
}

// A warm-up trains a throwaway model for its time and answers with Status;
// the person's model, its data and everything trained after are as without it.
func TestWarmLeavesTheModel(t *testing.T) {
	const text = "the cat sat on the mat; the cat sat on the hat"
	cold, warm := ready(t, text), ready(t, text)
	send(t, cold, protocol.Step{})
	send(t, warm, protocol.Step{})
	before := only[protocol.ModelFile](t, send(t, warm, protocol.Export{})).File
	if out := send(t, warm, protocol.Warm{ID: 7, Millis: 40}); len(out) != 0 || !warm.Warming() {
		t.Fatalf("Warm answered before warming (%v) or is not warming (%v)", out, warm.Warming())
	}
	out := warmAll(t, warm)
	st := only[protocol.Status](t, out)
	if len(out) != 1 || st.ID != 7 || st.Updates != 1 || st.Gen != 1 {
		t.Fatalf("the warm-up's answer: %+v (of %d messages); want the Status of ID 7 at update 1 of model 1", st, len(out))
	}
	d := only[protocol.Diagnostics](t, send(t, warm, protocol.Diagnose{}))
	if d.Warmed < 5 || d.Update != 1 {
		t.Fatalf("Diagnostics after a 40 ms warm-up: %d updates warmed, model at %d; want some warmed and the model at 1", d.Warmed, d.Update)
	}
	if after := only[protocol.ModelFile](t, send(t, warm, protocol.Export{})).File; !bytes.Equal(after, before) {
		t.Fatal("the warm-up changed the person's model")
	}
	coldLosses, coldFile := lossesAfter(t, cold, 5)
	warmLosses, warmFile := lossesAfter(t, warm, 5)
	if !slices.Equal(coldLosses, warmLosses) || !bytes.Equal(coldFile, warmFile) {
		t.Fatalf("training after a warm-up differs: losses %v, without it %v", warmLosses, coldLosses)
	}
}

// A warm-up stops when training starts or the model is replaced, and a Warm
// with nothing to warm (no model yet, or training) is answered at once.
func TestWarmStops(t *testing.T) {
	e := New()
	if st := only[protocol.Status](t, send(t, e, protocol.Warm{ID: 1, Millis: 100})); st.ID != 1 || e.Warming() {
		t.Fatalf("a Warm without a model: %+v, warming %v", st, e.Warming())
	}
	e = ready(t, "abracadabra abracadabra")
	send(t, e, protocol.Warm{ID: 2, Millis: 1000})
	out := send(t, e, protocol.Train{ID: 3})
	if st := only[protocol.Status](t, out); st.ID != 2 || e.Warming() || !e.Running() {
		t.Fatalf("Train during a warm-up: %v, warming %v, running %v", out, e.Warming(), e.Running())
	}
	if st := only[protocol.Status](t, send(t, e, protocol.Warm{ID: 4, Millis: 100})); st.ID != 4 || e.Warming() {
		t.Fatalf("a Warm while training: %+v, warming %v", st, e.Warming())
	}
	send(t, e, protocol.Pause{})
	send(t, e, protocol.Warm{ID: 5, Millis: 1000})
	out = send(t, e, protocol.Reset{ID: 6})
	var answered []uint32
	for _, m := range out {
		if st, ok := m.(protocol.Status); ok {
			answered = append(answered, st.ID)
		}
	}
	if !slices.Contains(answered, 5) || e.Warming() {
		t.Fatalf("Reset during a warm-up answered %v (want the Warm, 5, too), warming %v", answered, e.Warming())
	}
	// A second Warm replaces the first, which is answered.
	send(t, e, protocol.Warm{ID: 7, Millis: 1000})
	if st := only[protocol.Status](t, send(t, e, protocol.Warm{ID: 8, Millis: 20})); st.ID != 7 || !e.Warming() {
		t.Fatalf("a second Warm: %+v, warming %v", st, e.Warming())
	}
	if st := only[protocol.Status](t, warmAll(t, e)); st.ID != 8 {
		t.Fatalf("the second warm-up's answer: %+v", st)
	}
}
