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
		t.Fatalf("%+v", err)
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
		mode   lstm.Kind
		text   string
		reason protocol.Reason
		index  int
	}{
		{lstm.Text, "", protocol.ReasonEmpty, 0},
		{lstm.Text, "x", protocol.ReasonTooShort, 0},
		{lstm.Numbers, "1, 2, abc, 4", protocol.ReasonNumber, 3},
		{lstm.Numbers, "1, NaN", protocol.ReasonNumber, 2},
		{lstm.Numbers, "  ", protocol.ReasonEmpty, 0},
	} {
		out := send(t, e, protocol.SetData{ID: 3, Mode: c.mode, Text: c.text})
		er, bad := errorOf(out)
		if !bad || er.ID != 3 || er.Code != protocol.CodeBadData || er.Key != protocol.KeyText || er.Reason != c.reason || er.Index != c.index {
			t.Errorf("SetData %q: %+v, want a bad-data error of reason %v, number %d", c.text, out, c.reason, c.index)
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
	if !isErr || er.Code != protocol.CodeBadConfig || er.Key != lstm.KeyHidden || er.Reason != protocol.ReasonSetting {
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
	if !bad || er.ID != 8 || er.Code != protocol.CodeBadProbe || er.Reason != protocol.ReasonUnknownRune || er.Key != protocol.KeyProbe {
		t.Errorf("probe with an unknown character: %+v", er)
	}
	// Sampling is reproducible by seed.
	a := only[protocol.SampleResult](t, send(t, e, protocol.Sample{ID: 1, Prime: "he", Count: 20, Temperature: 1, Seed: 3}))
	b := only[protocol.SampleResult](t, send(t, e, protocol.Sample{ID: 2, Prime: "he", Count: 20, Temperature: 1, Seed: 3}))
	if a.Text != b.Text || len([]rune(a.Text)) != 20 {
		t.Errorf("samples %q and %q", a.Text, b.Text)
	}
	if er, bad := errorOf(send(t, e, protocol.Sample{ID: 3, Prime: "he", Count: 5, Temperature: -1})); !bad || er.Key != lstm.KeyTemperature || er.ID != 3 {
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
	if !bad || er.Code != protocol.CodeDiverged || er.Reason != protocol.ReasonDiverged || er.Index != 2 || er.ID != 0 || er.Gen != e.gen {
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
	for _, m := range []protocol.Message{protocol.Train{ID: 1}, protocol.Step{ID: 2}, protocol.Reset{ID: 3}, protocol.Trace{ID: 4, Probe: "a"},
		protocol.Sample{ID: 5, Prime: "a", Count: 1}, protocol.Reach{ID: 6}, protocol.Export{ID: 7}} {
		er, bad := errorOf(send(t, e, m))
		if !bad || er.Code != protocol.CodeNotReady || er.ID != protocol.IDOf(m) || er.Gen != 0 {
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
// update is answered at once; a new model, or one more than MaxSnapAts,
// makes a waiting one give way, answered with two Errors.
func TestSnapAt(t *testing.T) {
	const at = 37
	text := "the cat sat on the mat, the cat ate the rat. "
	snap := protocol.SnapAt{ID: 11, At: at, Probe: "the cat", Prime: "th", Count: 30, Temperature: 0.5, Seed: 7}

	// The reference: a twin engine stepped to the update by hand.
	ref := ready(t, text)
	for range at {
		send(t, ref, protocol.Step{})
	}
	wantTrace := only[protocol.TraceResult](t, send(t, ref, protocol.Trace{ID: 1, Probe: snap.Probe}))
	wantSample := only[protocol.SampleResult](t, send(t, ref, protocol.Sample{ID: 2, Prime: snap.Prime, Count: snap.Count, Temperature: snap.Temperature, Seed: snap.Seed}))

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
	if tr.Update != at || tr.ID != 11 || sa.ID != 11 || tr.Gen != e.gen || sa.Gen != e.gen {
		t.Fatalf("snapshot at update %d (IDs %d, %d), want update %d (ID 11)", tr.Update, tr.ID, sa.ID, at)
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
	out := send(t, e, protocol.SnapAt{ID: 21, At: 5, Probe: "cat", Prime: "c", Count: 3})
	if tr := only[protocol.TraceResult](t, out); tr.ID != 21 || tr.Update != e.model.Updates || len(out) != 2 {
		t.Errorf("past snapshot: %+v", out)
	}
	next := e.model.Updates + 1
	send(t, e, protocol.SnapAt{ID: 31, At: next, Probe: "cat", Prime: "c", Count: 3})
	if tr := only[protocol.TraceResult](t, send(t, e, protocol.Step{})); tr.ID != 31 || tr.Update != next {
		t.Errorf("snapshot by Step: %+v", tr)
	}

	// Without a model: two errors with the SnapAt's ID.
	out = send(t, New(), snap)
	if er, bad := errorOf(out); !bad || er.ID != 11 || er.Code != protocol.CodeNotReady || len(out) != 2 {
		t.Errorf("SnapAt without a model: %+v", out)
	}
}

// TestSnapAtGivesWay: a new model, or one more than MaxSnapAts, makes a
// waiting snapshot give way, answered with two Errors; those that wait are
// answered each at its update, in update order.
func TestSnapAtGivesWay(t *testing.T) {
	e := ready(t, "the cat sat on the mat, the cat ate the rat. ")
	// A waiting snapshot was asked of the model that is gone: a new model
	// answers it with two Errors of ReasonSuperseded, after the Status.
	send(t, e, protocol.SnapAt{ID: 41, At: 1 << 40, Probe: "cat", Prime: "c", Count: 3})
	old := e.gen
	out := send(t, e, protocol.Reset{ID: 42})
	if st := only[protocol.Status](t, out); st.ID != 42 || st.Gen != old+1 {
		t.Errorf("Reset answered by %+v, want the Status of model %d", st, old+1)
	}
	if superseded(out, 41) != 2 {
		t.Errorf("Reset with a snapshot waiting: %v, want it answered twice with ReasonSuperseded", out)
	}

	// Several wait at once and are answered each at its update, in update
	// order, whatever the order asked; one more than MaxSnapAts makes the
	// oldest asked give way.
	ask := func(at uint64, id uint32) []protocol.Message {
		return send(t, e, protocol.SnapAt{ID: id, At: at, Probe: "cat", Prime: "c", Count: 3})
	}
	ask(9, 100) // the oldest: gives way
	ask(20, 110)
	ask(10, 120)
	ask(30, 130)
	if out := ask(25, 140); superseded(out, 100) != 2 || len(out) != 2 {
		t.Errorf("a fifth snapshot: %v, want the first answered twice with ReasonSuperseded", out)
	}
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
}

// superseded counts the Errors of ReasonSuperseded answering id in out.
func superseded(out []protocol.Message, id uint32) int {
	n := 0
	for _, m := range out {
		if er, ok := m.(protocol.Error); ok && er.ID == id && er.Reason == protocol.ReasonSuperseded {
			n++
		}
	}
	return n
}

// TestGenerations: every new model has the next generation, and every reply
// names it; the request's ID is echoed.
func TestGenerations(t *testing.T) {
	e := New()
	if st := only[protocol.Status](t, send(t, e, protocol.SetConfig{ID: 1, Config: smallConfig()})); st.Gen != 0 || st.ID != 1 {
		t.Fatalf("without a model: %+v", st)
	}
	st := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 2, Mode: lstm.Text, Text: "abcabc"}))
	if st.Gen != 1 || st.ID != 2 {
		t.Fatalf("the first model: %+v", st)
	}
	// Data the model can read keeps it; data it cannot makes a new one.
	if st := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 3, Mode: lstm.Text, Text: "cba"})); st.Gen != 1 {
		t.Errorf("data of the same characters: model %d, want 1", st.Gen)
	}
	if st := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 4, Mode: lstm.Text, Text: "xyz"})); st.Gen != 2 {
		t.Errorf("data of new characters: model %d, want 2", st.Gen)
	}
	// A live setting keeps it; the architecture does not.
	c := smallConfig()
	c.LearningRate = 0.002
	if st := only[protocol.Status](t, send(t, e, protocol.SetConfig{ID: 5, Config: c})); st.Gen != 2 || st.ID != 5 {
		t.Errorf("a live change: %+v", st)
	}
	c.Hidden = 9
	if st := only[protocol.Status](t, send(t, e, protocol.SetConfig{ID: 6, Config: c})); st.Gen != 3 {
		t.Errorf("a new architecture: model %d, want 3", st.Gen)
	}
	if p := only[protocol.Progress](t, send(t, e, protocol.Step{ID: 7})); p.Gen != 3 || p.ID != 7 || p.Update != 1 {
		t.Errorf("Step: %+v", p)
	}
	file := only[protocol.ModelFile](t, send(t, e, protocol.Export{ID: 8}))
	if file.Gen != 3 || file.ID != 8 {
		t.Errorf("Export: %+v", file)
	}
	out := send(t, e, protocol.Reset{ID: 9})
	if st := only[protocol.Status](t, out); st.Gen != 4 || st.ID != 9 {
		t.Errorf("Reset: %+v", st)
	}
	if p := only[protocol.Progress](t, out); p.Gen != 4 || p.ID != 0 || p.Update != 0 {
		t.Errorf("the Progress after Reset: %+v", p)
	}
	out = send(t, e, protocol.Import{ID: 10, File: file.File})
	if st := only[protocol.Status](t, out); st.Gen != 5 || st.ID != 10 || st.Updates != 1 {
		t.Errorf("Import: %+v", st)
	}
	for _, m := range []protocol.Message{protocol.Trace{ID: 11, Probe: "xy"}, protocol.Sample{ID: 12, Prime: "x", Count: 2}, protocol.Reach{ID: 13}, protocol.Train{ID: 14}, protocol.Pause{ID: 15}} {
		r := send(t, e, m)
		if len(r) != 1 || protocol.IDOf(r[0]) != protocol.IDOf(m) {
			t.Errorf("%v answered by %v", m.Type(), r)
		}
		if g, ok := protocol.GenOf(r[0]); !ok || g != 5 {
			t.Errorf("%v answered about model %d, want 5", m.Type(), g)
		}
	}
}

// TestNewNumbersNewNormalisation: numbers of another scale are normalised
// anew, in a new model, and the Status states the new data's normalisation
// (200 values of ±1e9 after the sine kept the sine's and the loss was 2e18
// until Reset: issue 16 item 6); the same numbers again keep the model.
func TestNewNumbersNewNormalisation(t *testing.T) {
	e := New()
	send(t, e, protocol.SetConfig{ID: 1, Config: smallConfig()})
	sine := "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5, 0, 0.5, 1"
	first := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 2, Mode: lstm.Numbers, Text: sine}))
	send(t, e, protocol.Step{ID: 3})
	var big []string
	for i := range 200 {
		big = append(big, []string{"1e9", "-1e9"}[i%2])
	}
	huge := strings.Join(big, ", ")
	st := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 4, Mode: lstm.Numbers, Text: huge}))
	d, err := lstm.NewNumberData(huge)
	if err != nil {
		t.Fatal(err)
	}
	if st.Gen == first.Gen || st.Norm != d.Norm || st.Updates != 0 {
		t.Errorf("new numbers: model %d (was %d), normalisation %+v (the data's %+v), update %d", st.Gen, first.Gen, st.Norm, d.Norm, st.Updates)
	}
	p := only[protocol.Progress](t, send(t, e, protocol.Step{ID: 5}))
	if p.Loss > 10 {
		t.Errorf("the first update's loss on the new numbers: %g", p.Loss)
	}
	if again := only[protocol.Status](t, send(t, e, protocol.SetData{ID: 6, Mode: lstm.Numbers, Text: huge + " "})); again.Gen != st.Gen {
		t.Errorf("the same numbers again: model %d, want %d", again.Gen, st.Gen)
	}
}
