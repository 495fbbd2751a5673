package ui

import (
	"math"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/present"
)

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
	if s.TraceDue(1000, 1) {
		t.Fatal("trace due before the engine has a model")
	}
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100, Vocab: []rune("ab")})
	if !s.TraceDue(1000, 1) {
		t.Fatal("no trace due after the model was made")
	}
	s.RequestTrace(1000)
	req := eng.last().(protocol.Trace)
	if req.Probe != "ab" || s.TraceDue(2000, 1) {
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
	if s.TraceDue(1050, 1) {
		t.Error("a trace due within 100 ms of the last")
	}
	if !s.TraceDue(1100, 1) {
		t.Error("no trace due after new progress and 100 ms")
	}
	// two engines train: each asks half as often
	if s.TraceDue(1100, 2) || s.TraceDue(1199, 2) || !s.TraceDue(1200, 2) {
		t.Errorf("with two engines: due at 1100 %v, 1199 %v, 1200 %v; want only after 200 ms", s.TraceDue(1100, 2), s.TraceDue(1199, 2), s.TraceDue(1200, 2))
	}
	// a refused probe waits for a new one
	s.RequestTrace(1100)
	req = eng.last().(protocol.Trace)
	bad := protocol.Error{Gen: 1, ID: req.ID, Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyProbe}
	apply(t, s, bad)
	apply(t, s, protocol.Progress{Gen: 1, Update: 6, Running: true, Losses: []float32{1}})
	if s.TraceDue(5000, 1) || s.Errors[present.FieldProbe] != ErrorText(bad) {
		t.Errorf("after a refused probe: due %v, error %q", s.TraceDue(5000, 1), s.Errors[present.FieldProbe])
	}
	s.SetProbe("a")
	if !s.TraceDue(5000, 1) || s.Errors[present.FieldProbe] != "" {
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
	if s.Running || s.Errors[present.FieldLR] != ErrorText(diverged) || s.Update != 50 {
		t.Errorf("after divergence: running %v, error %q, update %d", s.Running, s.Errors[present.FieldLR], s.Update)
	}
	empty := protocol.Error{Gen: 1, Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText}
	apply(t, s, empty)
	if s.Errors[present.FieldText] != ErrorText(empty) || s.Update != 50 || s.Losses.Len() == 0 {
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
	if s.Errors[present.FieldText] != "" {
		t.Errorf("a failed Reach showed %q", s.Errors[present.FieldText])
	}
	s.ForgetReach()
	if s.Reach[lstm.CellRNN] != nil {
		t.Error("ForgetReach kept a curve")
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
	want := "Paused at update 1,200, loss " + present.FormatLoss(loss, true) + "."
	if msg, ok := s.Announce(true); !ok || msg != want {
		t.Errorf("paused: %q %v, want %q", msg, ok, want)
	}
	// Step while paused: the region says the new update, as the top bar does.
	apply(t, s, protocol.Progress{Gen: 1, Update: 1201, Running: false, Losses: []float32{0.5}})
	if msg, ok := s.Announce(false); !ok || !strings.HasPrefix(msg, "Paused at update 1,201,") {
		t.Errorf("after Step: %q %v", msg, ok)
	}
	// Reset while paused: update 0.
	apply(t, s, protocol.Status{ID: 0, Gen: 2, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	if msg, ok := s.Announce(false); !ok || !strings.Contains(msg, "update 0") {
		t.Errorf("after Reset: %q %v", msg, ok)
	}
	apply(t, s, protocol.Progress{Gen: 2, Update: 1201, Running: true, Losses: []float32{0.5}})
	s.Announce(false)
	diverged := protocol.Error{Gen: 2, Code: protocol.CodeDiverged, Reason: protocol.ReasonDiverged, Index: 1202, Token: "loss"}
	apply(t, s, diverged)
	if msg, ok := s.Announce(true); !ok || msg != "Training stopped: "+ErrorText(diverged) {
		t.Errorf("diverged: %q %v", msg, ok)
	}
	if s.Stopped != nil {
		t.Error("the reason is said once")
	}
	apply(t, s, protocol.Error{Gen: 2, Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText})
	if msg, ok := s.Announce(false); ok {
		t.Errorf("a refused input while paused: %q", msg)
	}
	// A divergence said before the engine's count came back to the kept
	// model (update 1,210 of 1,211 shown, kept as after 1,209): the stop's
	// reason stays the last thing said.
	apply(t, s, protocol.Progress{Gen: 2, Update: 1211, Running: true, Losses: []float32{0.5}})
	s.Announce(false)
	apply(t, s, protocol.Error{Gen: 2, Code: protocol.CodeDiverged, Reason: protocol.ReasonDiverged, Index: 1210, Token: "loss"})
	if _, ok := s.Announce(true); !ok {
		t.Fatal("the second divergence was not said")
	}
	apply(t, s, protocol.Progress{Gen: 2, Update: 1209, Running: false})
	if msg, ok := s.Announce(false); ok {
		t.Errorf("the kept model's update count, after the stop was said: %q", msg)
	}
}

// TestRefusedSampleKeepsShownPrime: a refused Generate leaves the shown
// sample with its own prime; the refused prime is never shown glued to the
// old continuation as if it were output (issue 16 item 7).
func TestRefusedSampleKeepsShownPrime(t *testing.T) {
	s, eng := newTestState(t)
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	s.RequestSample("ab", 3, 1, 1)
	req := eng.last().(protocol.Sample)
	apply(t, s, protocol.SampleResult{Gen: 1, ID: req.ID, Kind: lstm.Text, Text: "bab"})
	if s.SamplePrime != "ab" || s.Sample == nil || s.Sample.Text != "bab" {
		t.Fatalf("the sample shown: prime %q, sample %+v", s.SamplePrime, s.Sample)
	}
	s.RequestSample("ab∰", 3, 1, 2)
	req = eng.last().(protocol.Sample)
	apply(t, s, protocol.Error{Gen: 1, ID: req.ID, Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyPrime, Index: 2, Token: "∰"})
	if s.SamplePrime != "ab" || s.Sample == nil || s.Sample.Text != "bab" {
		t.Errorf("after the refused prime the page shows prime %q with %q", s.SamplePrime, s.Sample.Text)
	}
}

// TestNewModelForgetsOldResults: when the model is replaced (Cell switched
// to RNN, new data, Reset), the gradient reach of the old model, the units
// the person picked in it and a Prime error of its vocabulary go: no panel
// shows the old model's results as the new one's (issue 16 item 9).
func TestNewModelForgetsOldResults(t *testing.T) {
	s, eng := newTestState(t)
	apply(t, s, protocol.Ready{Protocol: protocol.Version})
	apply(t, s, protocol.Status{Gen: 1, Kind: lstm.Text, Config: lstm.DefaultConfig(), Length: 10, Params: 100})
	s.RequestReach(1000)
	req := eng.last().(protocol.Reach)
	apply(t, s, protocol.ReachResult{ID: req.ID, Gen: 1, Cell: lstm.CellLSTM, Layers: [][]float32{{1, 0.5, 0.25}}})
	apply(t, s, trace2x3())
	s.SetUnits([]int{2})
	s.MoveCursor(1, 2)
	s.RequestSample("aX", 3, 1, 1)
	sample := eng.last().(protocol.Sample)
	apply(t, s, protocol.Error{Gen: 1, ID: sample.ID, Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyPrime, Index: 1, Token: "X"})
	if s.Reach[lstm.CellLSTM] == nil || s.Errors[present.FieldPrime] == "" {
		t.Fatalf("before: reach %v, prime error %q", s.Reach, s.Errors[present.FieldPrime])
	}
	cfg := lstm.DefaultConfig()
	cfg.Cell = lstm.CellRNN
	apply(t, s, protocol.Status{Gen: 2, Kind: lstm.Text, Config: cfg, Length: 10, Params: 80})
	if s.Reach != [2]*protocol.ReachResult{} {
		t.Errorf("the old model's gradient reach stays beside the new model: %v", s.Reach)
	}
	if !s.UnitsAuto || s.CursorMoved || s.Cursor.Unit != 0 {
		t.Errorf("the old model's units stay picked: units %v auto %v, cursor %+v moved %v", s.Units, s.UnitsAuto, s.Cursor, s.CursorMoved)
	}
	if msg := s.Errors[present.FieldPrime]; msg != "" {
		t.Errorf("the old vocabulary's Prime error stays: %q", msg)
	}
}
