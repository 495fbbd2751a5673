package ui

import (
	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// Dirty says which parts of the page must be drawn again. State sets it; the
// frame loop paints those parts, at most once per animation frame, and clears it.
type Dirty uint32

const (
	DirtyStats    Dirty = 1 << iota // top bar: Train/Pause, update count, loss, chars/s
	DirtyLoss                       // the Loss chart
	DirtyTrace                      // heatmaps, probe row, unit charts, |Δc| and |Δh|
	DirtyCursor                     // the time cursor and the step inspector
	DirtyStatus                     // data info and the controls that mirror the engine's configuration
	DirtySample                     // the generated text or values
	DirtyErrors                     // the alert next to each field
	DirtyLayout                     // sizes: the window or the text size changed
	DirtyReach                      // the gradient reach chart
	DirtyCompare                    // the comparison of LSTM and RNN (race chart, the other model)
	DirtyUnits                      // the unit view: features, coloured text, gate statistics, intervention
	DirtySnap                       // the training snapshots: slider and samples along training
	DirtyUnitText                   // the unit view's coloured text: its next spans to colour

	DirtyAll Dirty = 1<<iota - 1
)

// ReachInterval is the least time between two Reach requests, in milliseconds.
const ReachInterval = 500

// TraceInterval is the least time between two Trace requests of the page, in
// milliseconds (at most 10 a second): while two engines train, each asks half
// as often (TraceDue's engines), so that the page draws as many traces as with one.
const TraceInterval = 100

// MaxUnitsShown is the most units the line charts of c and h draw.
const MaxUnitsShown = 6

// DefaultUnitsShown is how many units the line charts pick by themselves.
const DefaultUnitsShown = 3

// Cursor is the shared time cursor: a step and a unit of the shown trace.
type Cursor struct {
	T, Unit int
}

// Tags of the page's requests: the part of the page each reply goes back to.
const (
	tagTrace       client.Tag = iota + 1 // the trace of the probe
	tagSample                            // Generate
	tagReach                             // the gradient reach chart
	tagSave                              // Save model (a download)
	tagSession                           // the saved session's model
	tagShare                             // Share trained model
	tagLink                              // Link to this setup
	tagPyTorch                           // Download weights (PyTorch JSON)
	tagImport                            // a model file, link or session being loaded
	tagUnitText                          // the unit view's coloured text
	tagClampBefore                       // the clamp's trace without the intervention
	tagClampAfter                        // and with it
	tagSnap                              // a training snapshot
	tagClass                             // Send to the class's model file
	tagGap                               // the memory-gap recall (gap_js.go)
	tagWarm                              // the engine's warm-up (app_js.go's warmEngine)
)

// State is everything the page knows, apart from the DOM: the conversation
// with the engine and what it said (the embedded client.Conn), and what the
// person chose and sees. It is pure: Apply takes the engine's replies, the
// methods below take the person's actions, and both return what must be
// drawn again. The page owns one State per engine and uses it from
// JavaScript callbacks only, which run one at a time.
type State struct {
	*client.Conn

	Mode lstm.Kind // the data mode the person chose

	Trace      *protocol.TraceResult // the newest trace, or nil
	Pinned     *protocol.TraceResult // a kept trace shown instead (a training snapshot), or nil
	Probe      string                // the probe as typed
	ProbeSent  string                // the probe of the shown trace, as sent
	ProbeCut   bool                  // the probe was cut to ProbeSteps
	traceStale bool                  // the shown trace no longer matches model or probe
	traceSent  float64               // when the last Trace was sent, in ms

	probeBad   bool   // the engine refused the probe; wait for a new one
	seen       uint64 // the update count of the last Progress or Status
	saidUpdate uint64 // the update count Announce last said

	Cursor      Cursor
	CursorMoved bool  // the person has moved the cursor (the unit marks show)
	Layer       int   // 0-based layer the heatmaps show
	Units       []int // 0-based units of the line charts
	UnitsAuto   bool  // Units follow the largest variance of each new trace

	Sample      *protocol.SampleResult
	SamplePrime string // the prime of the shown sample, as sent
	Generating  bool   // a Sample is under way

	// Reach holds the newest gradient reach of each cell (index lstm.CellLSTM,
	// lstm.CellRNN), so that the other cell's curve stays as a reference.
	Reach      [2]*protocol.ReachResult
	reachSent  float64
	reachStale bool

	// Errors holds the message shown next to each field, by the field's name
	// ("" for messages about no particular field).
	Errors map[string]string
	// reword words again, after a language switch, each message of Errors
	// that was worded in the page's language (SetErrorBy) rather than
	// written in the page's English.
	reword map[string]func() string
}

// NewState returns the state of a page whose conversation with its engine is
// c, before the engine has spoken.
func NewState(c *client.Conn) *State {
	return &State{Conn: c, UnitsAuto: true, Errors: map[string]string{}, reword: map[string]func() string{}}
}

// SetError shows msg next to field ("" clears it): the page's English, which
// the page shows in its language.
func (s *State) SetError(field, msg string) Dirty {
	delete(s.reword, field)
	return s.setError(field, msg)
}

// SetErrorBy shows next to field the message word returns in the page's
// language, and words it again when the language changes (Reword).
func (s *State) SetErrorBy(field string, word func() string) Dirty {
	d := s.setError(field, word())
	if s.Errors[field] != "" {
		s.reword[field] = word
	} else {
		delete(s.reword, field)
	}
	return d
}

// Reword words again, in the page's language now, every message that
// SetErrorBy showed.
func (s *State) Reword() Dirty {
	var d Dirty
	for field, word := range s.reword {
		d |= s.setError(field, word())
	}
	return d
}

func (s *State) setError(field, msg string) Dirty {
	if s.Errors[field] == msg {
		return 0
	}
	if msg == "" {
		delete(s.Errors, field)
	} else {
		s.Errors[field] = msg
	}
	return DirtyErrors
}

// Apply takes one reply of the engine, as the conversation placed it
// (client.Conn.Receive), and returns what must be drawn again. A ModelFile
// answering Save model is returned as file.
func (s *State) Apply(r client.Reply) (d Dirty, file []byte) {
	if r.NewModel {
		d = s.newModel()
	}
	d2, file := s.apply(r)
	return d | d2, file
}

// newModel forgets what the page shows of the models before (issue 16 item
// 9): the gradient reach (its curves are of another model; the comparison
// puts its second model's back), the units picked and the Generate errors.
func (s *State) newModel() Dirty {
	s.Reach = [2]*protocol.ReachResult{}
	s.reachStale = true
	s.Units, s.UnitsAuto = nil, true
	s.Cursor.Unit, s.CursorMoved = 0, false
	return DirtyReach | DirtyTrace | DirtyCursor | s.SetError(present.FieldPrime, "") | s.SetError(present.FieldGenerate, "")
}

// apply takes one reply as Apply does, once a new model is accounted for.
func (s *State) apply(r client.Reply) (d Dirty, file []byte) {
	switch m := r.Msg.(type) {
	case protocol.Ready:
		return DirtyStats, nil
	case protocol.Progress:
		if r.Stale {
			return 0, nil
		}
		if m.Update != s.seen || r.NewModel {
			s.traceStale, s.reachStale = true, true
		}
		s.seen = m.Update
		return DirtyStats | DirtyLoss, nil
	case protocol.Status:
		s.seen = m.Updates
		s.traceStale, s.probeBad, s.reachStale = true, false, true
		return DirtyStatus | DirtyStats | DirtyLoss, nil
	case protocol.TraceResult:
		if r.Tag != tagTrace || r.Stale {
			return 0, nil // of a model that is gone: a new trace is asked for
		}
		return s.traced(m), nil
	case protocol.SampleResult:
		if r.Tag != tagSample {
			return 0, nil
		}
		s.Generating = false
		s.Sample = &m
		if q, ok := r.Req.(protocol.Sample); ok {
			s.SamplePrime = q.Prime // the prime and its continuation change together
		}
		return DirtySample | s.SetError(present.FieldPrime, "") | s.SetError(present.FieldGenerate, ""), nil
	case protocol.ReachResult:
		if r.Tag != tagReach || r.Stale || int(m.Cell) >= len(s.Reach) || len(m.Layers) == 0 {
			return 0, nil
		}
		s.Reach[m.Cell] = &m
		return DirtyReach, nil
	case protocol.ModelFile:
		if r.Tag != tagSave {
			return 0, nil
		}
		return s.SetError(present.FieldSave, ""), m.File
	case protocol.Error:
		return s.engineError(r, m), nil
	}
	return 0, nil
}

// traced shows a new trace of the probe.
func (s *State) traced(m protocol.TraceResult) Dirty {
	s.Trace = &m
	s.probeBad = false
	d := DirtyTrace | DirtyCursor | s.SetError(present.FieldProbe, "")
	if len(m.Layers) > 0 {
		s.Layer = min(s.Layer, len(m.Layers)-1)
		if s.UnitsAuto || !unitsFit(s.Units, m.H) {
			s.autoUnits()
		}
	}
	s.clampCursor()
	return d
}

// engineError shows an Error next to the field it concerns: the field of the
// request it answers, or the one it names.
func (s *State) engineError(r client.Reply, m protocol.Error) Dirty {
	field := errorField(m)
	var d Dirty
	switch r.Tag {
	case tagTrace:
		s.probeBad = true
		field = present.FieldProbe
		if s.Trace != nil && s.Trace.Gen != s.Gen {
			// The shown trace is of a model that is gone: do not show it
			// as if it were this one's.
			s.Trace = nil
			d |= DirtyTrace | DirtyCursor
		}
	case tagSample:
		s.Generating = false
		d |= DirtySample // Generate is enabled again
		if field == "" {
			field = present.FieldGenerate
		}
	case tagSave:
		field = present.FieldSave
	case client.TagNone:
	default:
		return 0 // another part's request (the reach chart just stays as it was)
	}
	if m.Code == protocol.CodeDiverged && field == "" {
		field = present.FieldLR
	}
	return d | s.SetErrorBy(field, func() string { return ErrorText(m) }) | DirtyErrors | DirtyStats
}

// TraceDue reports whether the page should send a Trace now (ms on the page's
// clock): the shown trace is out of date, no request is under way, the last
// was sent at least engines × TraceInterval ago (engines: how many the page
// asks for traces), and the engine has a model.
func (s *State) TraceDue(now float64, engines int) bool {
	return s.Ready && s.Status.Params > 0 && s.traceStale && !s.Waiting(tagTrace) && !s.probeBad &&
		now-s.traceSent >= float64(max(1, engines))*TraceInterval
}

// ReachDue reports whether the page should send a Reach now.
func (s *State) ReachDue(now float64) bool {
	return s.Ready && s.HasData && s.Status.Params > 0 && s.reachStale && !s.Waiting(tagReach) && now-s.reachSent >= ReachInterval
}

// RequestReach asks for the gradient reach now.
func (s *State) RequestReach(now float64) {
	s.reachSent = now
	s.reachStale = false
	s.Conn.Reach(tagReach)
}

// ForgetReach drops the reference curves (the data changed).
func (s *State) ForgetReach() Dirty {
	s.Reach = [2]*protocol.ReachResult{}
	s.reachStale = true
	return DirtyReach
}

// TraceWaiting reports whether a Trace will be due later without anything new
// arriving (the frame loop keeps running until then).
func (s *State) TraceWaiting() bool {
	return s.Ready && s.Status.Params > 0 && (s.traceStale && !s.Waiting(tagTrace) && !s.probeBad ||
		s.HasData && s.reachStale && !s.Waiting(tagReach))
}

// RequestTrace asks for the trace of the probe now.
func (s *State) RequestTrace(now float64) {
	probe, cut := content.TruncateProbe(s.Probe, s.Mode)
	s.ProbeSent, s.ProbeCut = probe, cut
	s.traceSent = now
	s.traceStale = false
	s.Conn.Trace(tagTrace, probe, nil)
}

// SetProbe changes the probe text; the next frame asks for its trace.
func (s *State) SetProbe(p string) Dirty {
	if p == s.Probe {
		return 0
	}
	s.Probe = p
	s.traceStale, s.probeBad = true, false
	s.Forget(tagTrace) // an answer to the old probe is dropped
	return s.SetError(present.FieldProbe, "")
}

// Stale marks the shown trace and reach out of date (after Step, Reset and the like).
func (s *State) Stale() { s.traceStale, s.probeBad, s.reachStale = true, false, true }

// RequestSample asks for a sample.
func (s *State) RequestSample(prime string, count int, temp float64, seed uint64) {
	s.Generating = true
	s.Conn.Sample(tagSample, prime, count, temp, seed)
}

// View returns the shown layer of the trace; ok is false without a trace.
func (s *State) View() (present.LayerView, bool) {
	tr := s.Shown()
	if tr == nil || len(tr.Layers) == 0 || tr.T == 0 {
		return present.LayerView{}, false
	}
	return present.Layer(tr, s.Layer), true
}

// Shown returns the trace the page shows: the pinned snapshot, else the
// newest trace (nil if none).
func (s *State) Shown() *protocol.TraceResult {
	if s.Pinned != nil {
		return s.Pinned
	}
	return s.Trace
}

// MoveCursor moves the time cursor to step t and unit j (clamped); it returns
// DirtyCursor if it moved.
func (s *State) MoveCursor(t, j int) Dirty {
	old, was := s.Cursor, s.CursorMoved
	s.CursorMoved = true
	s.Cursor = Cursor{T: t, Unit: j}
	s.clampCursor()
	if s.Cursor == old && was {
		return 0
	}
	return DirtyCursor
}

func (s *State) clampCursor() {
	tr := s.Shown()
	if tr == nil {
		return
	}
	s.Cursor.T = max(0, min(s.Cursor.T, tr.T-1))
	s.Cursor.Unit = max(0, min(s.Cursor.Unit, tr.H-1))
}

// SetUnits picks the units of the line charts; nil goes back to automatic.
func (s *State) SetUnits(units []int) Dirty {
	s.Units, s.UnitsAuto = units, units == nil
	if units == nil {
		s.autoUnits()
	}
	return DirtyTrace
}

// autoUnits picks the DefaultUnitsShown units whose c (h for the RNN) varies
// most along the probe.
func (s *State) autoUnits() {
	v, ok := s.View()
	if !ok {
		return
	}
	x := v.C
	if !v.LSTM() {
		x = v.Hid
	}
	s.Units = present.TopUnits(present.Variances(x, v.T, v.H), DefaultUnitsShown)
}

func unitsFit(units []int, H int) bool {
	for _, u := range units {
		if u >= H {
			return false
		}
	}
	return len(units) > 0
}

// Announce returns what the page says to screen readers (in a polite live
// region) when the engine's training state is no longer was: "Training
// started.", "Paused at update n, loss x." (the figures of the top bar) or
// "Training stopped: " and why. It reports false, and says nothing, when the
// state did not change: progress itself is never announced.
//
// While paused, a new update count (Step, Reset, a loaded model) is said
// again, so that the region never states another update than the top bar.
func (s *State) Announce(was bool) (string, bool) {
	switch {
	case s.Training && was, !s.Training && !was && s.Update == s.saidUpdate:
		return "", false
	case s.Training:
		s.Stopped = nil
		return "Training started.", true
	}
	s.saidUpdate = s.Update
	switch {
	case s.Stopped != nil:
		r := ErrorText(*s.Stopped)
		if s.Stopped.Code == protocol.CodeDiverged && s.Stopped.Index > 0 {
			// The model is kept as it was after the update before the one
			// that diverged, which the stop says; the engine's count comes
			// back to it, perhaps after this is said: no "Paused" then.
			s.saidUpdate = uint64(s.Stopped.Index - 1)
		}
		s.Stopped = nil
		return words.Text(lang, "ui.stopped", r), true
	case s.Update == 0:
		return "Training stopped: the model starts again from update 0.", true
	}
	loss, ok := s.Losses.LastSmooth()
	if !ok && s.HasLoss {
		loss, ok = s.Loss, true
	}
	return "Paused at update " + present.FormatCount(s.Update) + ", loss " + present.FormatLoss(loss, ok) + ".", true
}
