package ui

import (
	"slices"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Dirty says which parts of the page must be drawn again. State sets it; the
// frame loop paints those parts, at most once per animation frame, and clears it.
type Dirty uint32

const (
	DirtyStats   Dirty = 1 << iota // top bar: Train/Pause, update count, loss, chars/s
	DirtyLoss                      // the Loss chart
	DirtyTrace                     // heatmaps, probe row, unit charts, |Δc| and |Δh|
	DirtyCursor                    // the time cursor and the step inspector
	DirtyStatus                    // data info and the controls that mirror the engine's configuration
	DirtySample                    // the generated text or values
	DirtyErrors                    // the alert next to each field
	DirtyLayout                    // sizes: the window or the text size changed
	DirtyReach                     // the gradient reach chart
	DirtyCompare                   // the comparison of LSTM and RNN (race chart, the other model)
	DirtyUnits                     // the unit view: features, coloured text, gate statistics, intervention
	DirtySnap                      // the training snapshots: slider and samples along training

	DirtyAll Dirty = 1<<iota - 1
)

// ReachInterval is the least time between two Reach requests, in milliseconds.
const ReachInterval = 500

// TraceInterval is the least time between two Trace requests, in milliseconds
// (at most 10 a second).
const TraceInterval = 100

// MaxUnitsShown is the most units the line charts of c and h draw.
const MaxUnitsShown = 6

// DefaultUnitsShown is how many units the line charts pick by themselves.
const DefaultUnitsShown = 3

// Cursor is the shared time cursor: a step and a unit of the shown trace.
type Cursor struct {
	T, Unit int
}

// State is everything the page knows, apart from the DOM: what the engine last
// said, what the person chose, and which requests are under way. It is pure:
// Apply takes engine messages, the methods below take the person's actions, and
// both return what must be drawn again. The page owns one State and uses it
// from JavaScript callbacks only, which run one at a time.
type State struct {
	Ready   bool // the engine said Ready
	Mode    lstm.Kind
	Cfg     lstm.Config // the configuration the engine has, as its last Status said (before: the page's)
	Status  protocol.Status
	HasData bool // a Status with data arrived

	Running     bool
	Update      uint64
	Loss        float64
	HasLoss     bool
	CharsPerSec float64
	GradNorm    float64
	Losses      LossHistory
	ModelReset  bool // the model was replaced since the person last trained it (says so once)

	// EngineRunning is whether the engine's last Progress said it trains
	// (Running follows the person's Train and Pause at once), and
	// StopReason why it stopped by itself (a divergence, an internal error)
	// until the page has said so (Announce).
	EngineRunning bool
	StopReason    string

	Trace      *protocol.TraceResult // the newest trace, or nil
	Pinned     *protocol.TraceResult // a kept trace shown instead (a training snapshot), or nil
	Probe      string                // the probe as typed
	ProbeSent  string                // the probe of the shown trace, as sent
	ProbeCut   bool                  // the probe was cut to ProbeSteps
	traceStale bool                  // the shown trace no longer matches model or probe
	traceID    uint32                // the Trace request under way (0: none)
	traceSent  float64               // when it was sent, in ms
	probeBad   bool                  // the engine refused the probe; wait for a new one
	modelGen   int                   // counts the models the engine has made (a new one: Status says so)
	reqGen     int                   // modelGen when the Trace under way was sent
	traceGen   int                   // modelGen of the shown trace

	Cursor      Cursor
	CursorMoved bool  // the person has moved the cursor (the unit marks show)
	Layer       int   // 0-based layer the heatmaps show
	Units       []int // 0-based units of the line charts
	UnitsAuto   bool  // Units follow the largest variance of each new trace

	Sample      *protocol.SampleResult
	SamplePrime string // the prime of the shown sample, as sent
	sampleID    uint32
	Generating  bool

	exportID uint32

	// Reach holds the newest gradient reach of each cell (index lstm.CellLSTM,
	// lstm.CellRNN), so that the other cell's curve stays as a reference.
	Reach      [2]*protocol.ReachResult
	reachID    uint32
	reachSent  float64
	reachStale bool

	// Errors holds the message shown next to each field, by the field's name
	// ("" for messages about no particular field).
	Errors map[string]string

	lastID uint32
}

// NewState returns the state of a page that has not heard from the engine yet.
func NewState() *State {
	return &State{Cfg: lstm.DefaultConfig(), UnitsAuto: true, Errors: map[string]string{}}
}

func (s *State) id() uint32 {
	s.lastID++
	if s.lastID == 0 {
		s.lastID = 1
	}
	return s.lastID
}

// SetError shows msg next to field ("" clears it).
func (s *State) SetError(field, msg string) Dirty {
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

// Apply takes one message from the engine and returns what must be drawn again.
// A ModelFile answering the page's Export is returned as file.
func (s *State) Apply(m protocol.Message) (d Dirty, file []byte) {
	switch m := m.(type) {
	case protocol.Ready:
		s.Ready = true
		return DirtyStats, nil
	case protocol.Progress:
		return s.progress(m), nil
	case protocol.Status:
		return s.status(m), nil
	case protocol.TraceResult:
		if m.ID != s.traceID || s.traceID == 0 {
			return 0, nil // an answer to a request since replaced
		}
		s.traceID = 0
		s.Trace = &m
		s.traceGen = s.reqGen
		s.probeBad = false
		d = DirtyTrace | DirtyCursor | s.SetError(FieldProbe, "")
		if len(m.Layers) > 0 {
			s.Layer = min(s.Layer, len(m.Layers)-1)
			if s.UnitsAuto || !unitsFit(s.Units, m.H) {
				s.autoUnits()
			}
		}
		s.clampCursor()
		return d, nil
	case protocol.SampleResult:
		if m.ID != s.sampleID {
			return 0, nil
		}
		s.sampleID, s.Generating = 0, false
		s.Sample = &m
		return DirtySample | s.SetError(FieldPrime, "") | s.SetError(FieldGenerate, ""), nil
	case protocol.ReachResult:
		if m.ID != s.reachID || s.reachID == 0 || int(m.Cell) >= len(s.Reach) || len(m.Layers) == 0 {
			return 0, nil
		}
		s.reachID = 0
		s.Reach[m.Cell] = &m
		return DirtyReach, nil
	case protocol.ModelFile:
		if m.ID != s.exportID {
			return 0, nil
		}
		s.exportID = 0
		return s.SetError(FieldSave, ""), m.File
	case protocol.Error:
		return s.engineError(m), nil
	}
	return 0, nil
}

// FieldGenerate and FieldSave name the Generate button's and Save model's alerts.
const (
	FieldGenerate = "Generate"
	FieldSave     = "Save model"
)

func (s *State) progress(m protocol.Progress) Dirty {
	d := DirtyStats | DirtyLoss
	if m.Update < s.Update {
		s.Losses.Reset()
		s.ModelReset = true
	}
	if m.Running {
		s.ModelReset = false
	}
	s.Losses.Add(m.Update, m.Losses)
	if m.Update != s.Update || m.Update == 0 && !s.HasLoss {
		s.traceStale, s.reachStale = true, true
	}
	s.Running = m.Running
	s.EngineRunning = m.Running
	s.Update = m.Update
	s.Loss, s.HasLoss = m.Loss, m.Update > 0
	s.CharsPerSec, s.GradNorm = m.CharsPerSec, m.GradNorm
	if !m.Running {
		s.CharsPerSec = 0
	}
	return d
}

func (s *State) status(m protocol.Status) Dirty {
	d := DirtyStatus | DirtyStats | DirtyLoss
	if m.Updates < s.Update || m.Params != s.Status.Params || m.Kind != s.Status.Kind || !slices.Equal(m.Vocab, s.Status.Vocab) {
		s.modelGen++
	}
	if m.Updates < s.Update {
		s.Losses.Reset()
		s.Loss, s.HasLoss = 0, false
		s.ModelReset = true
	}
	if m.Updates == 0 {
		s.Losses.Reset()
		s.Losses.First = 1
		s.Loss, s.HasLoss = 0, false
	}
	s.Update = m.Updates
	s.Status = m
	s.Cfg = m.Config
	s.HasData = m.Length > 0
	s.traceStale, s.probeBad, s.reachStale = true, false, true
	return d
}

// engineError shows an Error next to the field it names.
func (s *State) engineError(m protocol.Error) Dirty {
	field := errorField(m)
	var d Dirty
	switch {
	case m.ID != 0 && m.ID == s.traceID:
		s.traceID, s.probeBad = 0, true
		field = FieldProbe
		if s.Trace != nil && s.traceGen != s.reqGen {
			// The shown trace is of a model that is gone: do not show it
			// as if it were this one's.
			s.Trace = nil
			d |= DirtyTrace | DirtyCursor
		}
	case m.ID != 0 && m.ID == s.sampleID:
		s.sampleID, s.Generating = 0, false
		d |= DirtySample // Generate is enabled again
		if field == "" {
			field = FieldGenerate
		}
	case m.ID != 0 && m.ID == s.reachID:
		// The reach chart just stays as it was; the engine says why elsewhere.
		s.reachID = 0
		return 0
	case m.ID != 0 && m.ID == s.exportID:
		s.exportID = 0
		field = FieldSave
	case m.ID != 0:
		return 0 // an answer to a request since given up (a snapshot of a model that is gone)
	}
	d |= DirtyErrors | DirtyStats
	switch m.Code {
	case protocol.CodeDiverged, protocol.CodeNotReady, protocol.CodeInternal:
		if s.EngineRunning || s.Running {
			s.StopReason = ErrorText(m)
		}
		s.EngineRunning = false
	}
	switch m.Code {
	case protocol.CodeDiverged:
		s.Running = false
		if field == "" {
			field = FieldLR
		}
	case protocol.CodeNotReady:
		s.Running = false
	case protocol.CodeInternal:
		s.Running = false
	}
	s.Errors[field] = ErrorText(m)
	return d
}

// TraceDue reports whether the page should send a Trace now (ms on the page's
// clock): the shown trace is out of date, no request is under way, the last
// was sent at least TraceInterval ago, and the engine has a model.
func (s *State) TraceDue(now float64) bool {
	return s.Ready && s.Status.Params > 0 && s.traceStale && s.traceID == 0 && !s.probeBad &&
		now-s.traceSent >= TraceInterval
}

// ReachDue reports whether the page should send a Reach now.
func (s *State) ReachDue(now float64) bool {
	return s.Ready && s.HasData && s.Status.Params > 0 && s.reachStale && s.reachID == 0 && now-s.reachSent >= ReachInterval
}

// ReachRequest returns the Reach to send now and records it as under way.
func (s *State) ReachRequest(now float64) protocol.Reach {
	s.reachID = s.id()
	s.reachSent = now
	s.reachStale = false
	return protocol.Reach{ID: s.reachID}
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
	return s.Ready && s.Status.Params > 0 && (s.traceStale && s.traceID == 0 && !s.probeBad ||
		s.HasData && s.reachStale && s.reachID == 0)
}

// TraceRequest returns the Trace to send now and records it as under way.
func (s *State) TraceRequest(now float64) protocol.Trace {
	probe, cut := TruncateProbe(s.Probe, s.Mode)
	s.ProbeSent, s.ProbeCut = probe, cut
	s.traceID = s.id()
	s.reqGen = s.modelGen
	s.traceSent = now
	s.traceStale = false
	return protocol.Trace{ID: s.traceID, Probe: probe}
}

// ConfigSent records that the page sent a SetConfig; if it changes the
// architecture, the engine makes a new model and stops training.
func (s *State) ConfigSent(resets bool) Dirty {
	if resets && s.Running {
		s.Running = false
		return DirtyStats
	}
	return 0
}

// SetProbe changes the probe text; the next frame asks for its trace.
func (s *State) SetProbe(p string) Dirty {
	if p == s.Probe {
		return 0
	}
	s.Probe = p
	s.traceStale, s.probeBad = true, false
	s.traceID = 0 // an answer to the old probe is ignored
	return s.SetError(FieldProbe, "")
}

// Stale marks the shown trace and reach out of date (after Step, Reset and the like).
func (s *State) Stale() { s.traceStale, s.probeBad, s.reachStale = true, false, true }

// SampleRequest returns the Sample to send and records it as under way.
func (s *State) SampleRequest(prime string, count int, temp float64, seed uint64) protocol.Sample {
	s.sampleID = s.id()
	s.Generating = true
	s.SamplePrime = prime
	return protocol.Sample{ID: s.sampleID, Prime: prime, Count: count, Temperature: temp, Seed: seed}
}

// ExportRequest returns the Export to send and records it as under way.
func (s *State) ExportRequest() protocol.Export {
	s.exportID = s.id()
	return protocol.Export{ID: s.exportID}
}

// View returns the shown layer of the trace; ok is false without a trace.
func (s *State) View() (LayerView, bool) {
	tr := s.Shown()
	if tr == nil || len(tr.Layers) == 0 || tr.T == 0 {
		return LayerView{}, false
	}
	return Layer(tr, s.Layer), true
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
	s.Units = TopUnits(Variances(x, v.T, v.H), DefaultUnitsShown)
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
func (s *State) Announce(was bool) (string, bool) {
	switch {
	case s.EngineRunning == was:
		return "", false
	case s.EngineRunning:
		s.StopReason = ""
		return "Training started.", true
	case s.StopReason != "":
		r := s.StopReason
		s.StopReason = ""
		return "Training stopped: " + r, true
	case s.Update == 0:
		return "Training stopped: the model starts again from update 0.", true
	}
	loss, ok := s.Losses.LastSmooth()
	if !ok && s.HasLoss {
		loss, ok = s.Loss, true
	}
	return "Paused at update " + FormatCount(s.Update) + ", loss " + FormatLoss(loss, ok) + ".", true
}
