package engine

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// send passes m through the wire format, as the worker does, and handles it.
func send(t *testing.T, e *Engine, m protocol.Message) []protocol.Message {
	t.Helper()
	b, err := protocol.Encode(m)
	if err != nil {
		t.Fatalf("encode %T: %v", m, err)
	}
	d, err := protocol.Decode(b)
	if err != nil {
		t.Fatalf("decode %T: %v", m, err)
	}
	out := e.Handle(d, t0)
	for _, r := range out {
		if _, err := protocol.Encode(r); err != nil {
			t.Fatalf("reply %T does not encode: %v", r, err)
		}
	}
	return out
}

func only[M protocol.Message](t *testing.T, out []protocol.Message) M {
	t.Helper()
	for _, m := range out {
		if r, ok := m.(M); ok {
			return r
		}
	}
	var zero M
	t.Fatalf("no %T among replies %v", zero, out)
	return zero
}

func errorOf(out []protocol.Message) (protocol.Error, bool) {
	for _, m := range out {
		if e, ok := m.(protocol.Error); ok {
			return e, true
		}
	}
	return protocol.Error{}, false
}

func smallConfig() lstm.Config {
	c := lstm.DefaultConfig()
	c.Hidden, c.SeqLen = 8, 8
	return c
}

func ready(t *testing.T, text string) *Engine {
	t.Helper()
	e := New()
	if err, bad := errorOf(send(t, e, protocol.SetConfig{Config: smallConfig()})); bad {
		t.Fatal(err.Message)
	}
	st := only[protocol.Status](t, send(t, e, protocol.SetData{Mode: lstm.Text, Text: text}))
	if st.Length == 0 || st.Params == 0 {
		t.Fatalf("status after SetData: %+v", st)
	}
	return e
}

func TestStepTrainsAndReports(t *testing.T) {
	e := ready(t, "hello world, hello lstm")
	p := only[protocol.Progress](t, send(t, e, protocol.Step{}))
	if p.Update != 1 || len(p.Losses) != 1 || p.Running || !(p.Loss > 0) {
		t.Fatalf("after one Step: %+v", p)
	}
	if math.Abs(p.Loss-float64(p.Losses[0])) > 1e-6*p.Loss {
		t.Errorf("Losses %v do not hold the loss %g", p.Losses, p.Loss)
	}
	// Work does nothing while paused, then trains until the deadline once running.
	if out := e.Work(t0.Add(time.Second), func() time.Time { return t0 }); len(out) != 1 {
		t.Fatalf("paused Work sent %v", out)
	}
	send(t, e, protocol.Train{})
	clock := t0
	now := func() time.Time { clock = clock.Add(time.Millisecond); return clock }
	out := e.Work(t0.Add(50*time.Millisecond), now)
	pr := only[protocol.Progress](t, out)
	if !pr.Running || pr.Update < 10 || int(pr.Update-1) != len(pr.Losses) {
		t.Fatalf("Work for 50 ms: update %d, %d losses, running %v", pr.Update, len(pr.Losses), pr.Running)
	}
	send(t, e, protocol.Pause{})
	if e.Running() {
		t.Fatal("still running after Pause")
	}
}

func TestBadDataKeepsModel(t *testing.T) {
	e := ready(t, "abcabcabc")
	send(t, e, protocol.Step{})
	before := e.model
	for _, c := range []struct {
		mode lstm.Kind
		text string
		want string
	}{
		{lstm.Text, "", "empty"},
		{lstm.Text, "x", "at least 2"},
		{lstm.Numbers, "1, 2, abc, 4", `Number 3, "abc"`},
		{lstm.Numbers, "1, NaN", `Number 2`},
		{lstm.Numbers, "  ", "empty"},
	} {
		out := send(t, e, protocol.SetData{Mode: c.mode, Text: c.text})
		er, bad := errorOf(out)
		if !bad || er.Code != protocol.CodeBadData || er.Field != "Training text" || !strings.Contains(er.Message, c.want) {
			t.Errorf("SetData %q: %+v, want a bad-data error containing %q", c.text, out, c.want)
		}
		if e.model != before || e.model.Updates != 1 || e.text != "abcabcabc" {
			t.Fatalf("SetData %q changed the model or data", c.text)
		}
	}
}

func TestConfigChanges(t *testing.T) {
	e := ready(t, "the quick brown fox jumps over the lazy dog")
	send(t, e, protocol.Step{})
	m := e.model
	// Out of range: refused with the field, nothing changes.
	bad := smallConfig()
	bad.Hidden = 100000
	er, isErr := errorOf(send(t, e, protocol.SetConfig{Config: bad}))
	if !isErr || er.Code != protocol.CodeBadConfig || er.Field != "Hidden units" || !strings.Contains(er.Message, "512") {
		t.Fatalf("Hidden 100000: %+v", er)
	}
	if e.model != m || e.cfg.Hidden != 8 {
		t.Fatal("a refused config changed the engine")
	}
	// Live: the learning rate changes without a new model.
	live := smallConfig()
	live.LearningRate = 0.003
	send(t, e, protocol.SetConfig{Config: live})
	if e.model != m || e.model.Config.LearningRate != 0.003 || m.Updates != 1 {
		t.Fatalf("live change reset the model or was not applied: lr %g", e.model.Config.LearningRate)
	}
	// Sequence length: same model, new trainer.
	live.SeqLen = 4
	send(t, e, protocol.SetConfig{Config: live})
	if e.model != m || e.model.Config.SeqLen != 4 {
		t.Fatal("sequence length change replaced the model")
	}
	if p := only[protocol.Progress](t, send(t, e, protocol.Step{})); p.Update != 2 {
		t.Fatalf("update %d after a sequence length change", p.Update)
	}
	// Architecture: a new model.
	arch := live
	arch.Cell = lstm.CellRNN
	st := only[protocol.Status](t, send(t, e, protocol.SetConfig{Config: arch}))
	if e.model == m || st.Updates != 0 || st.Config.Cell != lstm.CellRNN {
		t.Fatalf("cell change kept the old model: %+v", st)
	}
}

func TestTraceAndSample(t *testing.T) {
	e := ready(t, "hello world, hello lstm")
	for range 5 {
		send(t, e, protocol.Step{})
	}
	tr := only[protocol.TraceResult](t, send(t, e, protocol.Trace{ID: 7, Probe: "hello"}))
	if tr.ID != 7 || tr.T != 5 || tr.H != 8 || len(tr.Layers) != 1 || string(tr.Symbols) != "hello" || tr.Update != 5 {
		t.Fatalf("trace: id %d T %d H %d layers %d symbols %q", tr.ID, tr.T, tr.H, len(tr.Layers), string(tr.Symbols))
	}
	L := tr.Layers[0]
	// The equations hold in the float32 trace (to float32 precision).
	for s := 0; s < tr.T; s++ {
		for j := 0; j < tr.H; j++ {
			cPrev := float64(L.C0[j])
			if s > 0 {
				cPrev = float64(L.C[(s-1)*tr.H+j])
			}
			i := s*tr.H + j
			c := float64(L.Zf[i])*cPrev + float64(L.Zi[i])*float64(L.Z[i])
			if math.Abs(c-float64(L.C[i])) > 1e-5 {
				t.Fatalf("c_%d[%d] = %g, want zf⊙c_{t−1} + zi⊙z = %g", s+1, j, L.C[i], c)
			}
			h := float64(L.Zo[i]) * math.Tanh(float64(L.C[i]))
			if math.Abs(h-float64(L.H[i])) > 1e-5 {
				t.Fatalf("h_%d[%d] = %g, want zo⊙tanh(c) = %g", s+1, j, L.H[i], h)
			}
		}
	}
	if !math.IsNaN(float64(tr.PNext[4])) || !(tr.PNext[0] > 0 && tr.PNext[0] < 1) || tr.TopP[0] < tr.PNext[0] {
		t.Errorf("PNext %v TopP %v", tr.PNext, tr.TopP)
	}
	// A character outside the vocabulary is a probe error naming it.
	er, bad := errorOf(send(t, e, protocol.Trace{ID: 8, Probe: "hello 🙂"}))
	if !bad || er.ID != 8 || er.Code != protocol.CodeBadProbe || !strings.Contains(er.Message, "🙂") {
		t.Errorf("probe with an unknown character: %+v", er)
	}
	// Sampling is reproducible by seed.
	a := only[protocol.SampleResult](t, send(t, e, protocol.Sample{ID: 1, Prime: "he", Count: 20, Temperature: 1, Seed: 3}))
	b := only[protocol.SampleResult](t, send(t, e, protocol.Sample{ID: 2, Prime: "he", Count: 20, Temperature: 1, Seed: 3}))
	if a.Text != b.Text || len([]rune(a.Text)) != 20 {
		t.Errorf("samples %q and %q", a.Text, b.Text)
	}
	if er, bad := errorOf(send(t, e, protocol.Sample{ID: 3, Prime: "he", Count: 5, Temperature: -1})); !bad || er.Field != "Temperature" {
		t.Errorf("negative temperature: %+v", er)
	}
	r := only[protocol.ReachResult](t, send(t, e, protocol.Reach{ID: 4}))
	if len(r.Layers) != 1 || len(r.Layers[0]) != 8 {
		t.Errorf("reach shape %d×%d", len(r.Layers), len(r.Layers[0]))
	}
}

func TestExportImport(t *testing.T) {
	e := ready(t, "abracadabra abracadabra")
	for range 3 {
		send(t, e, protocol.Step{})
	}
	f := only[protocol.ModelFile](t, send(t, e, protocol.Export{ID: 9})).File
	// A corrupt or truncated file changes nothing.
	m := e.model
	for _, bad := range [][]byte{f[:len(f)/2], append(append([]byte(nil), f[:10]...), 0xFF), []byte("not a model")} {
		er, isErr := errorOf(send(t, e, protocol.Import{File: bad}))
		if !isErr || er.Code != protocol.CodeBadModel {
			t.Errorf("bad file: %+v", er)
		}
		if e.model != m {
			t.Fatal("a bad file replaced the model")
		}
	}
	// A good file restores the exported model.
	for range 2 {
		send(t, e, protocol.Step{})
	}
	st := only[protocol.Status](t, send(t, e, protocol.Import{File: f}))
	if st.Updates != 3 || e.model.Updates != 3 {
		t.Fatalf("after import: %d updates, want 3", st.Updates)
	}
	// A model that cannot read the current text is refused.
	other := ready(t, "xyzxyzxyz")
	g := only[protocol.ModelFile](t, send(t, other, protocol.Export{})).File
	if er, isErr := errorOf(send(t, e, protocol.Import{File: g})); !isErr || er.Code != protocol.CodeBadModel {
		t.Errorf("incompatible model: %+v", er)
	}
}

func TestDivergenceStopsAndKeeps(t *testing.T) {
	e := New()
	c := smallConfig()
	c.Optimizer, c.LearningRate, c.Clip = lstm.SGD, 1, 0
	send(t, e, protocol.SetConfig{Config: c})
	send(t, e, protocol.SetData{Mode: lstm.Numbers, Text: "0, 1, 0, 1, 0, 1, 0, 1, 0, 1"})
	send(t, e, protocol.Step{})
	e.model.Params.Wy[0] = 1e200 // the next loss overflows
	saved := append([]float64(nil), e.model.Params.Data...)
	send(t, e, protocol.Train{})
	out := e.Work(t0.Add(time.Second), time.Now)
	er, bad := errorOf(out)
	if !bad || er.Code != protocol.CodeDiverged || !strings.Contains(er.Message, "smaller learning rate") {
		t.Fatalf("divergence: %+v", out)
	}
	if e.Running() {
		t.Error("still running after a divergence")
	}
	for i, v := range e.model.Params.Data {
		if math.Float64bits(v) != math.Float64bits(saved[i]) {
			t.Fatalf("parameter %d changed by the diverged update", i)
		}
	}
}

func TestNotReadyAndWrongDirection(t *testing.T) {
	e := New()
	for _, m := range []protocol.Message{protocol.Train{}, protocol.Step{}, protocol.Reset{}, protocol.Trace{Probe: "a"}, protocol.Sample{Prime: "a", Count: 1}, protocol.Reach{}, protocol.Export{}} {
		er, bad := errorOf(send(t, e, m))
		if !bad || er.Code != protocol.CodeNotReady {
			t.Errorf("%T without data: %+v", m, er)
		}
	}
	er, bad := errorOf(e.Handle(protocol.Ready{}, t0))
	if !bad || er.Code != protocol.CodeBadMessage {
		t.Errorf("a Ready sent to the engine: %+v", er)
	}
}

// TestSnapAt: a snapshot asked for a later update is answered while training
// passes exactly that update, with the model of that update (the same trace
// and sample as a model stepped to it by hand); one at or before the current
// update is answered at once; a waiting one outlives a new model.
func TestSnapAt(t *testing.T) {
	const at = 37
	text := "the cat sat on the mat, the cat ate the rat. "
	snap := protocol.SnapAt{At: at, Trace: protocol.Trace{ID: 11, Probe: "the cat"}, Sample: protocol.Sample{ID: 12, Prime: "th", Count: 30, Temperature: 0.5, Seed: 7}}

	// The reference: a twin engine stepped to the update by hand.
	ref := ready(t, text)
	for range at {
		send(t, ref, protocol.Step{})
	}
	wantTrace := only[protocol.TraceResult](t, send(t, ref, snap.Trace))
	wantSample := only[protocol.SampleResult](t, send(t, ref, snap.Sample))

	e := ready(t, text)
	if out := send(t, e, snap); len(out) != 0 {
		t.Fatalf("SnapAt for a later update answered at once: %v", out)
	}
	send(t, e, protocol.Train{})
	var got []protocol.Message
	now := t0
	clock := func() time.Time { now = now.Add(time.Microsecond); return now }
	for range 10000 {
		got = append(got, e.Work(now.Add(time.Millisecond), clock)...)
		if e.model.Updates > at+20 {
			break
		}
	}
	tr := only[protocol.TraceResult](t, got)
	sa := only[protocol.SampleResult](t, got)
	if tr.Update != at || tr.ID != 11 || sa.ID != 12 {
		t.Fatalf("snapshot at update %d (IDs %d, %d), want update %d (IDs 11, 12)", tr.Update, tr.ID, sa.ID, at)
	}
	if sa.Text != wantSample.Text {
		t.Errorf("snapshot sample %q, want the model of update %d's %q", sa.Text, at, wantSample.Text)
	}
	for i, v := range wantTrace.Layers[0].H {
		if tr.Layers[0].H[i] != v {
			t.Fatalf("snapshot trace h[%d] = %v, want %v (the model of update %d)", i, tr.Layers[0].H[i], v, at)
		}
	}
	n := 0
	for _, m := range got {
		if _, ok := m.(protocol.TraceResult); ok {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d trace results, want one", n)
	}

	// At or before the current update: at once, by Step too.
	send(t, e, protocol.Pause{})
	out := send(t, e, protocol.SnapAt{At: 5, Trace: protocol.Trace{ID: 21, Probe: "cat"}, Sample: protocol.Sample{ID: 22, Prime: "c", Count: 3}})
	if tr := only[protocol.TraceResult](t, out); tr.ID != 21 || tr.Update != e.model.Updates {
		t.Errorf("past snapshot: %+v", tr)
	}
	next := e.model.Updates + 1
	send(t, e, protocol.SnapAt{At: next, Trace: protocol.Trace{ID: 31, Probe: "cat"}, Sample: protocol.Sample{ID: 32, Prime: "c", Count: 3}})
	if tr := only[protocol.TraceResult](t, send(t, e, protocol.Step{})); tr.ID != 31 || tr.Update != next {
		t.Errorf("snapshot by Step: %+v", tr)
	}

	// A waiting snapshot outlives a new model: it is answered when the new
	// model reaches its update (a page that reset its model without a new
	// list of snapshots still gets them).
	send(t, e, protocol.Reset{})
	send(t, e, protocol.Step{})
	if out := send(t, e, protocol.SnapAt{At: 3, Trace: protocol.Trace{ID: 41, Probe: "cat"}, Sample: protocol.Sample{ID: 42, Prime: "c", Count: 3}}); len(out) != 0 {
		t.Fatalf("SnapAt for update 3 answered at update 1: %v", out)
	}
	send(t, e, protocol.Reset{})
	var got41 []uint64
	for range 5 {
		for _, m := range send(t, e, protocol.Step{}) {
			if tr, ok := m.(protocol.TraceResult); ok && tr.ID == 41 {
				got41 = append(got41, tr.Update)
			}
		}
	}
	if !slices.Equal(got41, []uint64{3}) {
		t.Errorf("a snapshot asked before Reset answered at updates %v of the new model, want [3]", got41)
	}

	// Several wait at once and are answered each at its update, in update
	// order, whatever the order asked; one more than MaxSnapAts makes the
	// oldest asked give way.
	send(t, e, protocol.Reset{})
	ask := func(at uint64, id uint32) {
		if out := send(t, e, protocol.SnapAt{At: at, Trace: protocol.Trace{ID: id, Probe: "cat"}, Sample: protocol.Sample{ID: id + 1, Prime: "c", Count: 3}}); len(out) != 0 {
			t.Fatalf("SnapAt %d answered at update %d: %v", at, e.model.Updates, out)
		}
	}
	ask(9, 100) // the oldest: gives way
	ask(20, 110)
	ask(10, 120)
	ask(30, 130)
	ask(25, 140)
	answered := map[uint64]uint32{}
	var order []uint64
	for range 40 {
		for _, m := range send(t, e, protocol.Step{}) {
			if tr, ok := m.(protocol.TraceResult); ok {
				answered[tr.Update] = tr.ID
				order = append(order, tr.Update)
			}
		}
	}
	if want := map[uint64]uint32{10: 120, 20: 110, 25: 140, 30: 130}; !maps.Equal(answered, want) || !slices.IsSorted(order) {
		t.Errorf("waiting snapshots answered at %v (order %v), want %v", answered, order, want)
	}

	// Without a model: an error with the trace's ID.
	if er, bad := errorOf(send(t, New(), snap)); !bad || er.ID != 11 || er.Code != protocol.CodeNotReady {
		t.Errorf("SnapAt without a model: %+v", er)
	}
}
