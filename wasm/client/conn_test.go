package client

import (
	"slices"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Tags of the tests' requests.
const (
	tagTrace Tag = iota + 1
	tagSave
	tagShare
	tagLoad
	tagSnap
	tagOther
)

// TestTrainBeforeDataAnswered: Train and Step stated while new data is on
// its way wait for the engine's answer: they go once it took the data, and
// not at all if it refused it, so that nothing trains the old model on the
// old text.
func TestTrainBeforeDataAnswered(t *testing.T) {
	l := newLink(t)
	l.read()
	l.c.SetConfig(smallConfig())
	l.c.SetText(lstm.Text, text)
	if id := l.c.Train(); id != 0 {
		t.Fatalf("Train went (request %d) before the data was answered", id)
	}
	if got := l.sent(); !slices.Equal(got, []protocol.Type{protocol.TypeSetConfig, protocol.TypeSetData}) {
		t.Fatalf("sent %v before the data was answered, want SetConfig, SetData", got)
	}
	if !l.c.Running {
		t.Error("the Train button does not show training at once")
	}
	l.engineTakes()
	l.read() // the Status of the data: the held Train goes now
	if got := l.sent(); !slices.Equal(got, []protocol.Type{protocol.TypeTrain}) {
		t.Fatalf("after the data was taken, sent %v, want Train", got)
	}
	rs := l.settle()
	if !l.e.Running() || !l.c.Running || !l.c.Training {
		t.Fatalf("the engine trains %v; the page says running %v, training %v", l.e.Running(), l.c.Running, l.c.Training)
	}
	if r := rs[len(rs)-1]; r.Req == nil || r.Req.Type() != protocol.TypeTrain || !r.Done {
		t.Errorf("the last reply %+v does not answer the Train", r)
	}

	// Refused data: the held Step never goes, and training shows stopped.
	l.c.Pause()
	l.settle()
	l.c.SetText(lstm.Text, "x")
	l.c.Step()
	l.engineTakes()
	rs = l.read()
	if len(rs) != 1 || rs[0].Req.Type() != protocol.TypeSetData || rs[0].Msg.(protocol.Error).Reason != protocol.ReasonTooShort {
		t.Fatalf("the refused data is answered by %+v", rs)
	}
	if got := l.sent(); len(got) != 0 || l.c.Running {
		t.Errorf("after refused data: sent %v, running %v; want nothing and stopped", got, l.c.Running)
	}
}

// TestResetReplacesModel: a reply to a request asked before a Reset that is
// under way is about the model that goes: Stale, though it answers its
// request; the Reset's Status is the new model's first word.
func TestResetReplacesModel(t *testing.T) {
	l := started(t)
	l.c.Step()
	l.settle()
	trace := l.c.Trace(tagTrace, "hello", nil)
	reset := l.c.Reset()
	after := l.c.Trace(tagTrace, "hello", nil)
	rs := l.settle()
	old := answer(t, rs, trace)
	if !old.Stale || old.NewModel || old.Tag != tagTrace || old.Msg.(protocol.TraceResult).Gen != 1 {
		t.Errorf("the trace asked before Reset: stale %v, new model %v, tag %v", old.Stale, old.NewModel, old.Tag)
	}
	st := answer(t, rs, reset)
	if !st.NewModel || st.Stale || l.c.Gen != 2 || st.Msg.(protocol.Status).Gen != 2 {
		t.Errorf("Reset's Status: new model %v, stale %v; page's model %d", st.NewModel, st.Stale, l.c.Gen)
	}
	if r := answer(t, rs, after); r.Stale || r.Msg.(protocol.TraceResult).Gen != 2 || r.Msg.(protocol.TraceResult).Update != 0 {
		t.Errorf("the trace asked after Reset: %+v", r)
	}
	if l.c.Update != 0 || l.c.Losses.Len() != 0 || l.c.Losses.First != 1 || !l.c.ModelReset {
		t.Errorf("after Reset: update %d, %d losses from %d, reset %v", l.c.Update, l.c.Losses.Len(), l.c.Losses.First, l.c.ModelReset)
	}
	if l.c.Waiting(tagTrace) || l.c.Pending() != 0 {
		t.Errorf("%d requests still pending", l.c.Pending())
	}
}

// TestImportDuringTraining: a model file loaded while the engine trains
// stops training and starts the next model generation at the file's update
// count; what training sent before the import is about the old model.
func TestImportDuringTraining(t *testing.T) {
	l := started(t)
	for range 3 {
		l.c.Step()
	}
	save := l.c.Export(tagSave)
	rs := l.settle()
	file := answer(t, rs, save)
	if file.Tag != tagSave || file.Msg.(protocol.ModelFile).Gen != 1 {
		t.Fatalf("the export is answered by %+v", file)
	}
	l.c.Train()
	l.settle()
	l.work(3)
	trained := l.e.Running()
	trace := l.c.Trace(tagTrace, "hello", nil)
	load := l.c.Import(tagLoad, file.Msg.(protocol.ModelFile).File)
	if l.c.Running {
		t.Error("Import did not stop training on the page")
	}
	l.engineTakes()
	l.work(1) // the engine has stopped: this adds a Progress of the loaded model
	rs = l.read()
	if !trained || l.e.Running() {
		t.Fatalf("the engine trained before the import %v, after %v", trained, l.e.Running())
	}
	if r := answer(t, rs, trace); !r.Stale {
		t.Error("a trace asked before the import is not stale")
	}
	st := answer(t, rs, load)
	if !st.NewModel || st.Tag != tagLoad || st.Req.Type() != protocol.TypeImport {
		t.Errorf("the import's Status: new model %v, tag %v, request %v", st.NewModel, st.Tag, st.Req.Type())
	}
	if l.c.Gen != 2 || l.c.Update != 3 || l.c.Running || l.c.Training || l.c.Losses.First != 4 {
		t.Errorf("after import: model %d, update %d, running %v/%v, losses from %d", l.c.Gen, l.c.Update, l.c.Running, l.c.Training, l.c.Losses.First)
	}
}

// TestRefusedSettingWhileTraining: a setting the engine refuses answers its
// own request with the setting's key and range, and training goes on.
func TestRefusedSettingWhileTraining(t *testing.T) {
	l := started(t)
	l.c.Train()
	l.settle()
	l.work(2)
	bad := smallConfig()
	bad.LearningRate = 0
	live := l.c.SetLive(bad)
	rs := l.settle()
	r := answer(t, rs, live)
	er, ok := r.Msg.(protocol.Error)
	if !ok || er.Code != protocol.CodeBadConfig || er.Reason != protocol.ReasonSetting || er.Key == "" || r.Tag != TagNone {
		t.Fatalf("a refused learning rate: %+v", r)
	}
	if !l.c.Running || !l.e.Running() || l.c.Stopped != nil {
		t.Errorf("a refused setting stopped training: page %v, engine %v, stopped %+v", l.c.Running, l.e.Running(), l.c.Stopped)
	}
	if l.c.Cfg.LearningRate != smallConfig().LearningRate {
		t.Errorf("the page's configuration took the refused value %g", l.c.Cfg.LearningRate)
	}
}

// TestRepliesGoToTheirRequests: requests of different owners under way at
// once each get their own answer, with the owner's tag and the request they
// answer, whatever order they were asked in.
func TestRepliesGoToTheirRequests(t *testing.T) {
	l := started(t)
	l.c.Step()
	probes := map[uint32]string{}
	for _, p := range []string{"hell", "o wo", "lstm"} {
		probes[l.c.Trace(tagTrace, p, nil)] = p
	}
	share := l.c.Export(tagShare)
	save := l.c.Export(tagSave)
	other := l.c.Trace(tagOther, "hello", []lstm.Intervention{{State: lstm.StateH, Unit: 1, Value: 0.5}})
	bad := l.c.Trace(tagTrace, "hello 🙂", nil)
	rs := l.settle()
	for id, p := range probes {
		r := answer(t, rs, id)
		if tr := r.Msg.(protocol.TraceResult); string(tr.Symbols) != p || r.Tag != tagTrace || r.Req.(protocol.Trace).Probe != p {
			t.Errorf("the trace of %q got %q (tag %v)", p, string(tr.Symbols), r.Tag)
		}
	}
	if r := answer(t, rs, share); r.Tag != tagShare {
		t.Errorf("the share export went to %v", r.Tag)
	}
	if r := answer(t, rs, save); r.Tag != tagSave {
		t.Errorf("the save export went to %v", r.Tag)
	}
	if r := answer(t, rs, other); r.Tag != tagOther || len(r.Req.(protocol.Trace).Interventions) != 1 {
		t.Errorf("the clamped trace: %+v", r)
	}
	if r := answer(t, rs, bad); r.Msg.(protocol.Error).Key != protocol.KeyProbe || r.Tag != tagTrace {
		t.Errorf("the refused probe: %+v", r)
	}
	if l.c.Pending() != 0 {
		t.Errorf("%d requests pending after every answer", l.c.Pending())
	}
}

// TestForgottenAndSuperseded: replies to requests given up are dropped; a
// snapshot is done after its two replies, or its two errors when a new model
// makes it give way.
func TestForgottenAndSuperseded(t *testing.T) {
	l := started(t)
	l.c.Trace(tagTrace, "hello", nil)
	l.c.Forget(tagTrace)
	if rs := l.settle(); len(rs) != 0 {
		t.Errorf("a forgotten trace was delivered: %+v", rs)
	}
	snap := l.c.SnapAt(tagSnap, protocol.SnapAt{At: 0, Probe: "hel", Prime: "h", Count: 5})
	rs := l.settle()
	if len(rs) != 2 || rs[0].Done || !rs[1].Done || rs[1].Tag != tagSnap || protocol.IDOf(rs[1].Msg) != snap {
		t.Errorf("a snapshot due at once: %+v", rs)
	}
	waiting := l.c.SnapAt(tagSnap, protocol.SnapAt{At: 1 << 40, Probe: "hel", Prime: "h", Count: 5})
	reset := l.c.Reset()
	rs = l.settle()
	r := answer(t, rs, waiting)
	if er, ok := r.Msg.(protocol.Error); !ok || er.Reason != protocol.ReasonSuperseded || l.c.Waiting(tagSnap) {
		t.Errorf("a snapshot waiting at Reset: %+v", r)
	}
	if r := answer(t, rs, reset); !r.NewModel || r.Tag != TagNone {
		t.Errorf("Reset answered by %+v", r)
	}
}

// TestAnsweredOutOfOrder: a snapshot waits in the engine while later
// requests are answered; each reply still finds its own request.
func TestAnsweredOutOfOrder(t *testing.T) {
	l := started(t)
	snap := l.c.SnapAt(tagSnap, protocol.SnapAt{At: 2, Probe: "wor", Prime: "w", Count: 4})
	trace := l.c.Trace(tagTrace, "hel", nil)
	step1 := l.c.Step()
	step2 := l.c.Step()
	rs := l.settle()
	if r := answer(t, rs, trace); r.Tag != tagTrace || string(r.Msg.(protocol.TraceResult).Symbols) != "hel" || r.Msg.(protocol.TraceResult).Update != 0 {
		t.Errorf("the trace asked after the snapshot: %+v", r)
	}
	if r := answer(t, rs, step1); r.Msg.(protocol.Progress).Update != 1 {
		t.Errorf("the first Step: %+v", r)
	}
	if r := answer(t, rs, step2); r.Msg.(protocol.Progress).Update != 2 {
		t.Errorf("the second Step: %+v", r)
	}
	r := answer(t, rs, snap)
	if sr, ok := r.Msg.(protocol.SampleResult); !ok || r.Tag != tagSnap || len([]rune(sr.Text)) != 4 {
		t.Errorf("the snapshot's last reply: %+v", r)
	}
	n := 0
	for _, r := range rs {
		if tr, ok := r.Msg.(protocol.TraceResult); ok && r.Tag == tagSnap && tr.Update == 2 && string(tr.Symbols) == "wor" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d snapshot traces of update 2, want 1", n)
	}
}

// TestVersionMismatch: an engine of another protocol version (a cached old
// engine after a deploy) is told by its first message, whatever it is.
func TestVersionMismatch(t *testing.T) {
	c := New(func([]byte) {})
	old := []byte{'L', 'P', 1, byte(protocol.TypeReady), 3, 0, 0, 0, 'o', 'l', 'd'} // a version 1 Ready
	_, err := c.Receive(old)
	ve, ok := err.(*VersionError)
	if !ok || ve.Page != protocol.Version || ve.Engine != 1 || c.Mismatch != ve || c.Ready {
		t.Fatalf("a version 1 Ready: %v; mismatch %+v, ready %v", err, c.Mismatch, c.Ready)
	}
	if _, err := c.Receive([]byte{'L', 'P', protocol.Version + 1}); err == nil || c.Mismatch.Engine != protocol.Version+1 {
		t.Errorf("a newer engine's message: %v", err)
	}
	// The engine side: a page of version 1 gets an Error of ReasonVersion.
	e := newLink(t)
	out := e.e.HandleBytes([]byte{'L', 'P', 1, byte(protocol.TypeTrain)}, t0)
	if er, ok := out[0].(protocol.Error); !ok || er.Reason != protocol.ReasonVersion || er.Have != 1 || er.Limit != protocol.Version {
		t.Errorf("a version 1 Train to the engine: %+v", out)
	}
}

// TestProgressDoesNotUndoTrain: a Progress the engine sent before it took
// Train (ID 0, not running) does not stop the Train button.
func TestProgressDoesNotUndoTrain(t *testing.T) {
	l := started(t)
	l.reply(l.e.Work(t0, func() time.Time { return t0 })...) // paused: one Progress, not running
	l.c.Train()
	l.read()
	if !l.c.Running {
		t.Error("an old Progress stopped the Train button")
	}
	l.settle()
	if !l.c.Running || !l.c.Training {
		t.Error("the Train's own Progress did not confirm training")
	}
}

// TestRestartCountsOn: after the page replaces a dead engine, the new
// engine's models have generations past the old one's, so that nothing the
// page kept of an old model (a saved model file, snapshots) passes for the
// new one's; the requests under way are dropped.
func TestRestartCountsOn(t *testing.T) {
	l := started(t)
	l.c.Reset()
	l.settle()
	old := l.c.Gen
	l.c.Trace(tagTrace, "hello", nil)
	fresh := newLink(t)
	l.c.Restart(fresh.post)
	fresh.c = l.c
	if l.c.Pending() != 0 || l.c.Ready {
		t.Fatalf("after Restart: %d pending, ready %v", l.c.Pending(), l.c.Ready)
	}
	fresh.read()
	l.c.SetConfig(smallConfig())
	st := l.c.SetText(lstm.Text, text)
	rs := fresh.settle()
	r := answer(t, rs, st)
	if !r.NewModel || r.Msg.(protocol.Status).Gen <= old || l.c.Gen <= old {
		t.Errorf("the new engine's first model: generation %d (page %d), the old engine's last %d", r.Msg.(protocol.Status).Gen, l.c.Gen, old)
	}
}

// TestNewArchitectureWhileTraining: a Progress the engine sent while it
// trained, arriving after the page asked for a new architecture (Hidden
// units or Seed + Enter while training), is about the model that goes: it
// must not turn the Train button back to Pause, and the new model stays
// paused at update 0 (issue 16 item 4).
func TestNewArchitectureWhileTraining(t *testing.T) {
	l := started(t)
	l.c.Train()
	l.settle()
	l.work(2) // Progress of the training model, not yet read
	cfg := smallConfig()
	cfg.Hidden = 9
	l.c.SetConfig(cfg)
	if l.c.Running {
		t.Fatal("a new architecture did not stop training on the page")
	}
	l.settle()
	if l.c.Running || l.c.Training || l.e.Running() || l.c.Update != 0 || l.c.Gen != 2 {
		t.Errorf("after the new architecture: page running %v, training %v; engine running %v; update %d; model %d",
			l.c.Running, l.c.Training, l.e.Running(), l.c.Update, l.c.Gen)
	}
}

// TestLoadedModelHasNoLossYet: a loaded model has an update count but no
// loss until it trains: the page shows "–", not 0 (issue 16).
func TestLoadedModelHasNoLossYet(t *testing.T) {
	l := started(t)
	l.c.Step()
	l.c.Step()
	save := l.c.Export(tagSave)
	file := answer(t, l.settle(), save).Msg.(protocol.ModelFile).File
	l.c.Import(tagLoad, file)
	l.settle()
	if l.c.Update != 2 || l.c.HasLoss {
		t.Errorf("after loading: update %d, has a loss %v (%g)", l.c.Update, l.c.HasLoss, l.c.Loss)
	}
	l.c.Step()
	l.settle()
	if !l.c.HasLoss || l.c.Loss <= 0 {
		t.Errorf("after a Step of the loaded model: has a loss %v (%g)", l.c.HasLoss, l.c.Loss)
	}
}

// TestOlderGenerationDropped: a message about a model generation older than
// the page's is stale by its generation alone, even when no replacement is
// under way to explain it: it changes nothing the page shows.
func TestOlderGenerationDropped(t *testing.T) {
	l := started(t)
	l.c.Reset()
	l.settle()
	if l.c.Gen != 2 || l.c.Update != 0 || l.c.Pending() != 0 {
		t.Fatalf("after Reset: model %d, update %d, %d pending", l.c.Gen, l.c.Update, l.c.Pending())
	}
	l.reply(protocol.Progress{Gen: 1, Update: 99, Loss: 3, Losses: []float32{3}})
	rs := l.read()
	if len(rs) != 1 || !rs[0].Stale || rs[0].NewModel {
		t.Fatalf("a Progress of model 1 read as %+v", rs)
	}
	if l.c.Gen != 2 || l.c.Update != 0 || l.c.HasLoss || l.c.Losses.Len() != 0 {
		t.Errorf("model 1's Progress reached model 2: update %d, loss %v, %d losses", l.c.Update, l.c.HasLoss, l.c.Losses.Len())
	}
}

// TestChangeWhileAnotherUnderWay: the page builds each change from Want, the
// settings as asked. A Status that answers an earlier change was written
// before the engine saw a later one; taken as the base of the next change
// (what Cfg is), it would undo the later one: a new size, then a learning
// rate while the size's answer is on its way, then a seed must leave the
// engine with all three. A refused change leaves Want at the engine's.
func TestChangeWhileAnotherUnderWay(t *testing.T) {
	l := started(t)
	base := l.c.Cfg
	lr := base.LearningRate * 2
	w := l.c.Want()
	w.Hidden = base.Hidden + 4
	l.c.SetConfig(w)
	l.engineTakes() // the size is answered; the page reads the answer later
	w = l.c.Want()
	w.LearningRate = lr
	l.c.SetLive(w)
	l.read() // the size's Status, written before the engine saw the rate
	if l.c.Cfg.Hidden != base.Hidden+4 || l.c.Cfg.LearningRate != base.LearningRate {
		t.Fatalf("the size's Status says hidden %d, rate %g; want %d, %g", l.c.Cfg.Hidden, l.c.Cfg.LearningRate, base.Hidden+4, base.LearningRate)
	}
	if got := l.c.Want(); got.LearningRate != lr || got.Hidden != base.Hidden+4 {
		t.Fatalf("with the rate under way, Want has hidden %d, rate %g; want %d, %g", got.Hidden, got.LearningRate, base.Hidden+4, lr)
	}
	w = l.c.Want()
	w.Seed = base.Seed + 1
	l.c.SetConfig(w)
	l.settle()
	if got := l.c.Cfg; got.Hidden != base.Hidden+4 || got.LearningRate != lr || got.Seed != base.Seed+1 {
		t.Fatalf("the engine ends with hidden %d, rate %g, seed %d; want %d, %g, %d", got.Hidden, got.LearningRate, got.Seed, base.Hidden+4, lr, base.Seed+1)
	}
	if l.c.Want() != l.c.Cfg {
		t.Errorf("with nothing under way, Want %+v differs from the engine's %+v", l.c.Want(), l.c.Cfg)
	}

	w = l.c.Want()
	w.LearningRate = lstm.MaxLR * 10 // the engine refuses it
	l.c.SetLive(w)
	if l.c.Want().LearningRate != w.LearningRate {
		t.Fatalf("under way, Want's rate is %g, not the one asked", l.c.Want().LearningRate)
	}
	rs := l.settle()
	if len(rs) != 1 || rs[0].Msg.Type() != protocol.TypeError {
		t.Fatalf("the refused rate is answered by %+v", rs)
	}
	if got := l.c.Want(); got.LearningRate != lr || got != l.c.Cfg {
		t.Errorf("after the refusal Want has rate %g; want the engine's %g", got.LearningRate, lr)
	}
}
