//go:build js && wasm

package ui

import (
	"errors"
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
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
	st      *State       // the page's engine: the conversation (st.Conn) and what the page shows
	pair    *client.Pair // the conversation with the page's engine and the comparison's
	v       *panels.View
	eng     *browser.EngineLink
	frame   *browser.FrameLoop
	probe   *browser.FrameProbe // times the frame's parts for tests/bench/budgets.mjs
	textDeb *browser.Debouncer
	presets []content.Preset

	dirty      Dirty
	queue      frameQueue // what is left to paint (frames.go)
	relay      relayout   // the widths the frames measured (paint_js.go)
	probeEdit  bool       // the person typed a probe; keep it when the text changes
	primeEdit  bool       // the person typed a prime
	probeFrom  string     // the training text the probe and prime were taken from
	presetText string     // the text of the chosen preset, to tell an edit
	sentText   string     // the training text last sent
	sentMode   lstm.Kind
	sentBad    *protocol.Error // why the engine refused the training text last sent (nil: it took it)
	started    bool            // the first SetConfig and SetData were sent
	afterStart []func()
	shown      bool // #app is shown
	failed     bool
	largeText  bool
	panels.Painter
	keep        keeper
	cmp         *compare // the second engine of RNN beside LSTM, or nil
	in          inside
	cellSt      cellState
	lessonSt    lessonState
	snap        snaps
	tourSt      tourState
	liveRunning bool // the training state last said to screen readers
	genUpdate   uint64
	genCount    uint64 // Generate presses at update genUpdate
	rec         recovery
	cls         classState // the class board (class_js.go)
	slow        slowState  // one update in slow motion (slowmo_js.go)
	gap         gapState   // the memory-gap task (gap_js.go)
}

// Run builds the page and serves it until the page is closed.
func Run() {
	doc := dom.GetWindow().Document()
	a := &app{Painter: panels.Painter{Rem: 16}, probe: browser.NewFrameProbe()}
	a.probe.Stop("boot:run", 0) // when the page's Go program starts, in ms since navigation
	t := a.probe.Start()
	a.pair = client.NewPair(a.post)
	a.pair.Cores = browser.Cores()
	a.st = NewState(a.pair.A)
	a.openKeep()
	a.snap.pinned = -1
	chooseLang()
	a.presets = content.All(lang)
	a.v = panels.New(doc, panels.Choices{Presets: a.presets, HiddenSizes: present.HiddenSizes, LearningRates: present.LearningRates, MaxGenerate: present.MaxGenerate})
	a.showLang()
	a.frame = browser.NewFrameLoop(a.paint)
	a.textDeb = browser.NewDebouncer(present.DebounceText, a.sendText)
	a.wire()
	a.showRanges()
	a.buildRecovery()
	a.v.Length.SetValue(defaultLengthText)
	a.choosePreset(0, false)
	a.showConfig(a.st.Cfg, true)
	a.initKeep()
	a.probe.Stop("boot:view", t) // building the page
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

// post sends the bytes of one request to the page's engine (the client's
// transport); nothing goes to an engine that failed or is being replaced.
func (a *app) post(b []byte) {
	if a.eng == nil || a.failed {
		return
	}
	a.eng.Send(b)
}

// received handles one message from the engine.
func (a *app) received(b []byte) {
	defer a.probe.Stop("message", a.probe.Start())
	a.rec.hang.Heard(browser.PerfNow()) // any word from the engine answers the hang question
	update := a.st.Update
	r, err := a.st.Receive(b)
	if err != nil {
		a.receiveFailed(err)
		return
	}
	if r.Msg == nil {
		return // a reply to a request given up
	}
	// The replies to the page's parts go back to them; State sees the rest.
	switch r.Tag {
	case tagSnap:
		a.snapReply(r)
		return
	case tagSession, tagShare, tagLink, tagPyTorch:
		a.keepReply(r)
		return
	case tagClass:
		a.classReply(r.Msg)
		return
	case tagUnitText, tagClampBefore, tagClampAfter:
		a.insideReply(r)
		return
	case tagSlow:
		a.slowReply(r)
		return
	case tagGap:
		a.gapReply(r)
		return
	case tagWarm:
		browser.Mark("lstm:engine-warm")
		return
	}
	if _, status := r.Msg.(protocol.Status); status || r.NewModel || a.st.Update != update {
		a.insideStale()
	}
	if r.NewModel && a.in.clamp != nil {
		a.clearClamp() // it held a unit of the model that is gone
	}
	d, file := a.st.Apply(r)
	if file != nil {
		browser.Download("lstm-playground.model", "application/octet-stream", file)
	}
	switch m := r.Msg.(type) {
	case protocol.Ready:
		a.probe.Stop("boot:ready", 0)
		a.start()
	case protocol.Progress:
		a.sessionProgress(m)
		a.snapCheck()
	case protocol.Status:
		d |= a.status(r, m)
	}
	if r.Tag == tagImport {
		a.importReply(r)
	}
	if r.Req != nil && r.Req.Type() == protocol.TypeSetData {
		a.sentBad = nil
		if m, ok := r.Msg.(protocol.Error); ok {
			a.sentBad = &m
		}
	}
	a.invalidate(d)
}

// status takes a Status of the page's engine.
func (a *app) status(r client.Reply, m protocol.Status) Dirty {
	a.snapCheck()
	// The fields show the settings as asked: a Status written before a later
	// change reached the engine must not undo that change on the page.
	a.showConfig(a.st.Want(), false)
	var d Dirty
	if m.Length > 0 && !r.Stale {
		d |= a.st.SetError(present.FieldText, "") | a.st.SetError(present.FieldLoad, "") | a.st.SetError(present.FieldTrain, "")
		a.followText()
	}
	a.saveSoon()
	return d
}

// receiveFailed says why a message of the engine could not be read: an
// engine of another version (the page offers a reload), or a bug.
func (a *app) receiveFailed(err error) {
	var ve *client.VersionError
	if errors.As(err, &ve) {
		a.versionMismatch(ve)
		return
	}
	a.invalidate(a.st.SetErrorBy("", func() string { return sayLang("ui.malformed", err.Error()) }))
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
		a.pair.SetConfig(a.st.Cfg)
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
	a.probe.Stop("boot:shown", 0)
	a.invalidate(DirtyAll)
	browser.PageShown(a.warmEngine)
}

// warmMillis is how long the engine warms its training code: in Chromium a
// fresh engine reached its full speed after ~150 ms of training.
const warmMillis = 250

// warmEngine asks the page's engine, once the page is on screen and the
// browser idle, to warm its training code (protocol.Warm): the person's
// first updates then run at full speed, and so do those of an engine started
// later from the same module (a comparison's). The answer marks the moment
// for tools (performance mark lstm:engine-warm).
func (a *app) warmEngine() {
	if a.failed {
		return
	}
	a.st.Warm(tagWarm, warmMillis)
}

// engineFailed says plainly that the engine is gone.
func (a *app) engineFailed(msg string) {
	a.failed = true
	a.st.Running = false
	if !a.shown && a.v.Boot != nil {
		if st := browser.ByID("boot-status"); st != nil {
			st.SetTextContent(msg)
			st.Class().Add("boot-error")
		}
		if bar := browser.ByID("boot-progress"); bar != nil {
			browser.SetHidden(bar, true)
		}
		return
	}
	a.stopCompare()
	browser.SetText(a.v.Fatal, msg)
	browser.SetHidden(a.v.Fatal, false)
	a.invalidate(DirtyStats)
}

// versionMismatch says that the page and its engine come from different
// deploys (a browser that kept an old copy of one of them): nothing either
// says can be understood, so the page stops and offers a reload.
func (a *app) versionMismatch(ve *client.VersionError) {
	if a.failed {
		return
	}
	a.engineFailed("This page and its training engine come from different versions of LSTM Playground " +
		"(the page speaks protocol " + strconv.Itoa(int(ve.Page)) + ", the engine " + strconv.Itoa(int(ve.Engine)) +
		"): the browser kept an old copy of one of them. Reload the page to load both anew.")
	at := a.v.Fatal
	if !a.shown && a.v.Boot != nil {
		if st := browser.ByID("boot-status"); st != nil {
			at = st
		}
	}
	btn := a.v.B.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.ID("reload-page"), "Reload the page")
	browser.Listen(btn, "click", func(dom.Event) { browser.ReloadPage() })
	browser.Parent(at).InsertBefore(btn, browser.NextSibling(at))
}

// ---- sending what the person changed ----

// sendText sends the training text now (the debounce fired, or a preset or mode
// was chosen), unless the page refuses it first or the engine has it.
func (a *app) sendText() { a.sendTextNow(false) }

// sendTextNow sends the training text, even if it is the one last sent when
// force is set (a setup puts its text on the page, whatever the engine has).
func (a *app) sendTextNow(force bool) {
	a.textDeb.Cancel()
	text := a.v.Text.Value()
	mode := a.st.Mode
	if err := present.CheckText(text, mode); err != nil {
		a.refuse(err)
		return
	}
	if !a.started || (!force && text == a.sentText && mode == a.sentMode) {
		// The text the engine has, or refused: its word on it stands.
		if m := a.sentBad; m != nil {
			a.invalidate(a.st.SetErrorBy(present.FieldText, func() string { return ErrorText(*m) }))
		} else {
			a.invalidate(a.st.SetError(present.FieldText, ""))
		}
		return
	}
	a.invalidate(a.st.SetError(present.FieldText, ""))
	a.sentText, a.sentMode = text, mode
	a.pair.SetText(mode, text)
}

// sendConfig sends the configuration with one field changed, if the page
// accepts the value; resets tells whether the change makes a new model.
func (a *app) sendConfig(field string, change func(c *lstm.Config), resets bool) {
	c := a.st.Want()
	change(&c)
	if field == present.FieldCell && c.Cell != a.st.Want().Cell {
		a.stopCompare()
	}
	a.st.SetError(field, "")
	a.invalidate(DirtyErrors | DirtyStats)
	a.pair.SetConfig(c)
}

// sendLive sends the live settings with one changed.
func (a *app) sendLive(field string, change func(c *lstm.Config)) {
	c := a.st.Want()
	change(&c)
	a.st.SetError(field, "")
	a.invalidate(DirtyErrors)
	a.pair.SetLive(c)
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
	a.wireGap()
	a.wireInside()
	a.wireCell()
	a.wireLesson()
	a.wireSnap()
	a.wireExport()
	a.wireTour()
	a.wireData()
	a.wireModel()
	a.wireOutput()
	a.wireLang()
	a.wireSlowmo() // after wireLang: it relabels after the language changed
	browser.OnResize(func() { a.invalidate(DirtyLayout | DirtyTrace | DirtyLoss | DirtyCursor | DirtySample) })
}
