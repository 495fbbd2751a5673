package client

import (
	"testing"

	"lstmplayground/wasm/protocol"
)

// TestSlowStep: SlowStep goes only while paused; its record comes back to
// its tag, about the model of the page's generation, and the update counter
// moves on by one.
func TestSlowStep(t *testing.T) {
	l := started(t)
	l.c.Train()
	l.settle()
	if id := l.c.SlowStep(tagOther); id != 0 {
		t.Fatalf("SlowStep went (request %d) while training", id)
	}
	l.c.Pause()
	l.settle()
	before := l.c.Update
	id := l.c.SlowStep(tagOther)
	if id == 0 {
		t.Fatal("SlowStep did not go while paused")
	}
	r := answer(t, l.settle(), id)
	res, ok := r.Msg.(protocol.SlowStepResult)
	if !ok || r.Tag != tagOther || !r.Done || r.Stale || res.Gen != l.c.Gen || res.Forward.Gen != l.c.Gen {
		t.Fatalf("the SlowStep is answered by %+v (gen %d, forward's %d; the page's %d)", r, res.Gen, res.Forward.Gen, l.c.Gen)
	}
	if res.Update != before+1 || l.c.Update != before+1 {
		t.Errorf("update %d before, the record's %d, the page's after %d", before, res.Update, l.c.Update)
	}
}
