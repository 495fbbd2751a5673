//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// app is the page: its state, its elements and its link to the engine. Every
// method runs inside a JavaScript callback (an event, a worker message, an
// animation frame or a timer); JavaScript runs them one at a time and none of
// them blocks, so the state needs no lock.
type app struct {
	st      *State
	v       *panels.View
	eng     *browser.EngineLink
	frame   *browser.FrameLoop
	textDeb *browser.Debouncer
	presets []content.Preset

	dirty      Dirty
	probeEdit  bool   // the person typed a probe; keep it when the text changes
	primeEdit  bool   // the person typed a prime
	probeFrom  string // the training text the probe and prime were taken from
	presetText string // the text of the chosen preset, to tell an edit
	sentText   string // the training text last sent
	sentMode   lstm.Kind
	started    bool // the first SetConfig and SetData were sent
	dataSent   bool // a SetData is on its way: the engine takes Train and Step after it
	afterStart []func()
	shown      bool // #app is shown
	failed     bool
	largeText  bool
	panels.Painter
	keep        keeper
	cmp         *compare // the second engine of RNN beside LSTM, or nil
	in          inside
	snap        snaps
	tourSt      tourState
	liveRunning bool // the training state last said to screen readers
	genUpdate   uint64
	genCount    uint64           // Generate presses at update genUpdate
	queuedTrain protocol.Message // a Train or Step waiting for the engine to take a new training text
	rec         recovery
}

// Run builds the page and serves it until the page is closed.
func Run() {
	doc := dom.GetWindow().Document()
	a := &app{st: NewState(), presets: content.Presets(), Painter: panels.Painter{Rem: 16}}
	a.snap.pinned = -1
	a.v = panels.New(doc, panels.Choices{Presets: a.presets, HiddenSizes: present.HiddenSizes, LearningRates: present.LearningRates, MaxGenerate: present.MaxGenerate})
	a.frame = browser.NewFrameLoop(a.paint)
	a.textDeb = browser.NewDebouncer(present.DebounceText, a.sendText)
	a.wire()
	a.showRanges()
	a.buildRecovery()
	a.v.Length.SetValue(defaultLengthText)
	a.choosePreset(0, false)
	a.showConfig(a.st.Cfg, true)
	a.initKeep()
	var eng *browser.EngineLink
	eng, err := browser.StartEngine(a.received, a.engineDiedFunc(&eng))
	if err != nil {
		a.engineFailed("LSTM Playground could not start its training engine: " + err.Error() + ". Reload the page to try again.")
	} else {
		a.listenEngine(eng)
	}
	a.invalidate(DirtyAll)
	select {}
}

// invalidate marks parts of the page for the next frame.
func (a *app) invalidate(d Dirty) {
	if d == 0 {
		return
	}
	a.dirty |= d
	a.frame.Request()
}

// send encodes and posts one message to the engine.
func (a *app) send(m protocol.Message) {
	if a.eng == nil || a.failed {
		return
	}
	b, err := protocol.Encode(m)
	if err != nil {
		a.invalidate(a.st.SetError("", "The page could not send a request: "+err.Error()))
		return
	}
	a.eng.Send(b)
}

// received handles one message from the engine.
func (a *app) received(b []byte) {
	m, err := protocol.Decode(b)
	if err != nil {
		a.invalidate(a.st.SetError("", "The page received a malformed reply from the engine: "+err.Error()))
		return
	}
	if m.Type().ToEngine() {
		return
	}
	// The page's own requests (exports for the session and for sharing)
	// are answered here; State sees the rest.
	if a.snapReply(m) {
		return
	}
	switch m := m.(type) {
	case protocol.ModelFile:
		if a.keepExported(m) {
			return
		}
	case protocol.TraceResult:
		if a.insideTrace(m) {
			return
		}
	case protocol.Error:
		if a.keepError(m) || a.insideError(m) {
			return
		}
	case protocol.Progress:
		if m.Update != a.st.Update {
			a.insideStale()
		}
	case protocol.Status:
		a.insideStale()
	}
	d, file := a.st.Apply(m)
	if file != nil {
		browser.Download("lstm-playground.model", "application/octet-stream", file)
	}
	switch m := m.(type) {
	case protocol.Ready:
		a.start()
	case protocol.Progress:
		a.sessionProgress(m)
		a.snapCheck()
	case protocol.Error:
		if m.Field == present.FieldText || (m.ID == 0 && a.dataSent && m.Code == protocol.CodeBadConfig) {
			a.dataSent = false
			a.dataAnswered(false)
		}
	case protocol.Status:
		a.snapCheck()
		a.showConfig(m.Config, false)
		if m.Length > 0 {
			a.dataSent = false
			d |= a.st.SetError(present.FieldText, "") | a.st.SetError(present.FieldLoad, "") | a.st.SetError(present.FieldTrain, "")
			a.followText()
			a.dataAnswered(true)
		}
		a.importStatus(m)
		a.saveSoon()
	}
	a.invalidate(d)
}

// followText takes the probe and the prime from the start of the training text
// the engine now has, unless the person typed their own.
func (a *app) followText() {
	if a.probeFrom == a.sentText {
		return
	}
	a.probeFrom = a.sentText
	a.invalidate(a.st.ForgetReach())
	if !a.probeEdit {
		p := content.DefaultProbe(a.sentText, a.sentMode)
		a.v.Probe.SetValue(p)
		a.invalidate(a.st.SetProbe(p))
	}
	if !a.primeEdit {
		a.v.Prime.SetValue(content.DefaultPrime(a.sentText, a.sentMode))
	}
}

// start sends the first configuration and data once the engine is ready, and
// shows the page.
func (a *app) start() {
	if a.started || !a.st.Ready || a.keep.waits > 0 {
		return
	}
	a.started = true
	if k := &a.keep; k.plan != nil {
		from, losses := fromLink, (*LossHistory)(nil)
		if k.planRec != nil {
			from = fromSession
			h := k.planRec.LossHistory()
			losses = &h
			a.setKeepNotice("Restoring your session…")
		}
		a.applyPlan(*k.plan, from, losses)
		if k.planRec != nil {
			a.restorePrime(k.planRec.Prime)
			a.setPauseWhenHidden(k.planRec.HiddenPause)
		}
		if k.plan.Model == nil {
			a.recovered(0, false)
		}
	} else {
		a.send(protocol.SetConfig{Config: a.st.Cfg})
		a.sendText()
		a.recovered(0, false)
	}
	for _, f := range a.afterStart {
		f()
	}
	a.afterStart = nil
	if a.v.Boot != nil {
		browser.SetHidden(a.v.Boot, true)
	}
	browser.SetHidden(a.v.App, false)
	a.shown = true
	a.invalidate(DirtyAll)
}

// engineFailed says plainly that the engine is gone.
func (a *app) engineFailed(msg string) {
	a.failed = true
	a.st.Running = false
	if !a.shown && a.v.Boot != nil {
		if st := dom.GetWindow().Document().GetElementByID("boot-status"); st != nil {
			st.SetTextContent(msg)
			st.Class().Add("boot-error")
		}
		if bar := dom.GetWindow().Document().GetElementByID("boot-progress"); bar != nil {
			browser.SetHidden(bar, true)
		}
		return
	}
	a.stopCompare()
	browser.SetText(a.v.Fatal, msg)
	browser.SetHidden(a.v.Fatal, false)
	a.invalidate(DirtyStats)
}

// ---- sending what the person changed ----

// sendText sends the training text now (the debounce fired, or a preset or mode
// was chosen), unless the page refuses it first.
func (a *app) sendText() {
	a.textDeb.Cancel()
	text := a.v.Text.Value()
	mode := a.st.Mode
	if err := present.CheckText(text, mode); err != nil {
		a.invalidate(a.st.SetError(present.FieldText, err.Error()))
		return
	}
	a.invalidate(a.st.SetError(present.FieldText, ""))
	if !a.started || (text == a.sentText && mode == a.sentMode) {
		return
	}
	a.sentText, a.sentMode = text, mode
	a.dataSent = true
	a.send(protocol.SetData{Mode: mode, Text: text})
	a.cmpSend(protocol.SetData{Mode: mode, Text: text})
}

// sendConfig sends the configuration with one field changed, if the page
// accepts the value; resets tells whether the change makes a new model.
func (a *app) sendConfig(field string, change func(c *lstm.Config), resets bool) {
	c := a.st.Cfg
	change(&c)
	if field == present.FieldCell && c.Cell != a.st.Cfg.Cell {
		a.stopCompare()
	}
	a.st.SetError(field, "")
	a.invalidate(DirtyErrors | a.st.ConfigSent(resets))
	a.send(protocol.SetConfig{Config: c})
	if a.cmp != nil {
		a.cmp.st.ConfigSent(resets)
		a.cmpConfig(c)
	}
}

// sendLive sends the live settings with one changed.
func (a *app) sendLive(field string, change func(c *lstm.Config)) {
	c := a.st.Cfg
	change(&c)
	a.st.SetError(field, "")
	a.invalidate(DirtyErrors)
	live := protocol.SetLive{LearningRate: c.LearningRate, Optimizer: c.Optimizer, Momentum: c.Momentum, Clip: c.Clip, ClipMode: c.ClipMode}
	a.send(live)
	a.cmpSend(live)
}

// Default Generate lengths: characters of text, values of numbers.
const (
	defaultLengthText    = "300"
	defaultLengthNumbers = "64"
)

// wire connects every control.
func (a *app) wire() {
	a.wireTopBar()
	a.wireCompare()
	a.wireInside()
	a.wireSnap()
	a.wireExport()
	a.wireTour()
	a.wireData()
	a.wireModel()
	a.wireOutput()
	browser.OnResize(func() { a.invalidate(DirtyLayout | DirtyTrace | DirtyLoss | DirtyCursor | DirtySample) })
}

// sendTraining sends Train or Step to the engine (and to the second engine of
// a comparison). While a new training text is on its way, it waits for the
// engine's answer: sent once the text is taken, dropped if it is refused, so
// that a refused text never trains the model of the text before it.
func (a *app) sendTraining(m protocol.Message) {
	if a.dataSent {
		a.queuedTrain = m
		return
	}
	a.queuedTrain = nil
	a.send(m)
	a.cmpSend(m)
}

// dataAnswered takes the engine's answer to a new training text: the Train or
// Step waiting for it goes now, or not at all.
func (a *app) dataAnswered(taken bool) {
	m := a.queuedTrain
	a.queuedTrain = nil
	if m == nil {
		return
	}
	if !taken {
		a.st.Running = false
		if a.cmp != nil {
			a.cmp.st.Running = false
		}
		a.invalidate(DirtyStats)
		return
	}
	a.send(m)
	a.cmpSend(m)
}
