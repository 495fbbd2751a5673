//go:build js && wasm

package ui

import (
	"fmt"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// app is the page: its state, its elements and its link to the engine. Every
// method runs inside a JavaScript callback (an event, a worker message, an
// animation frame or a timer); JavaScript runs them one at a time and none of
// them blocks, so the state needs no lock.
type app struct {
	st      *State
	v       *view
	eng     *engineLink
	frame   *frameLoop
	textDeb *debouncer
	presets []Preset

	dirty       Dirty
	geo         Geometry
	rem         float64 // CSS pixels per rem (grows in Large text mode)
	probeEdit   bool    // the person typed a probe; keep it when the text changes
	primeEdit   bool    // the person typed a prime
	probeFrom   string  // the training text the probe and prime were taken from
	presetText  string  // the text of the chosen preset, to tell an edit
	sentText    string  // the training text last sent
	sentMode    lstm.Kind
	started     bool // the first SetConfig and SetData were sent
	dataSent    bool // a SetData is on its way: the engine takes Train and Step after it
	afterStart  []func()
	shown       bool // #app is shown
	failed      bool
	largeText   bool
	bufs        paintBuffers
	insp        inspectorDOM
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
	a := &app{st: NewState(), presets: Presets(), rem: 16}
	a.snap.pinned = -1
	a.v = newView(doc, a.presets)
	a.frame = newFrameLoop(a.paint)
	a.textDeb = newDebouncer(DebounceText, a.sendText)
	a.wire()
	a.showRanges()
	a.buildRecovery()
	a.v.length.SetValue(defaultLengthText)
	a.choosePreset(0, false)
	a.showConfig(a.st.Cfg, true)
	a.initKeep()
	var eng *engineLink
	eng, err := startEngine(a.received, a.engineDiedFunc(&eng))
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
		download("lstm-playground.model", "application/octet-stream", file)
	}
	switch m := m.(type) {
	case protocol.Ready:
		a.start()
	case protocol.Progress:
		a.sessionProgress(m)
		a.snapCheck()
	case protocol.Error:
		if errorField(m) == FieldText || (m.ID == 0 && a.dataSent && m.Code == protocol.CodeBadConfig) {
			a.dataSent = false
			a.dataAnswered(false)
		}
	case protocol.Status:
		a.snapCheck()
		a.showConfig(m.Config, false)
		if m.Length > 0 {
			a.dataSent = false
			d |= a.st.SetError(FieldText, "") | a.st.SetError(FieldLoad, "") | a.st.SetError(FieldTrain, "")
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
		p := DefaultProbe(a.sentText, a.sentMode)
		a.v.probe.SetValue(p)
		a.invalidate(a.st.SetProbe(p))
	}
	if !a.primeEdit {
		a.v.prime.SetValue(DefaultPrime(a.sentText, a.sentMode))
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
	if a.v.boot != nil {
		setHidden(a.v.boot, true)
	}
	setHidden(a.v.app, false)
	a.shown = true
	a.invalidate(DirtyAll)
}

// engineFailed says plainly that the engine is gone.
func (a *app) engineFailed(msg string) {
	a.failed = true
	a.st.Running = false
	if !a.shown && a.v.boot != nil {
		if st := dom.GetWindow().Document().GetElementByID("boot-status"); st != nil {
			st.SetTextContent(msg)
			st.Class().Add("boot-error")
		}
		if bar := dom.GetWindow().Document().GetElementByID("boot-progress"); bar != nil {
			setHidden(bar, true)
		}
		return
	}
	a.stopCompare()
	setText(a.v.fatal, msg)
	setHidden(a.v.fatal, false)
	a.invalidate(DirtyStats)
}

// showRanges states each number setting's valid values beside it, before
// anything is typed: in the field's hint, or in a hint of its own.
func (a *app) showRanges() {
	v := a.v
	doc := dom.GetWindow().Document()
	for _, r := range []struct {
		in     *dom.HTMLInputElement
		bounds string
	}{
		{v.hidden, SpecHidden.Bounds()},
		{v.lr, SpecLR.Bounds()},
		{v.seqLen, SpecSeqLen.Bounds()},
		{v.clip, SpecClip.Bounds()},
		{v.seed, SpecSeed.Bounds()},
		{v.forgetBias, SpecForgetBias.Bounds()},
		{v.length, SpecLength.Bounds()},
		{v.temperature, SpecTemperature.Bounds()},
	} {
		idv := r.in.ID() + "-range"
		if doc.GetElementByID(idv) != nil {
			continue
		}
		if note, ok := doc.GetElementByID(r.in.ID() + "-note").(dom.HTMLElement); ok && note != nil {
			// a compact field of the top bar: "↺ resets · 1 to 512"
			note.AppendChild(v.b.el("span", id(idv), cls("range"), " · "+r.bounds))
		} else if hint, ok := doc.GetElementByID(r.in.ID() + "-hint").(dom.HTMLElement); ok && hint != nil {
			hint.AppendChild(v.b.el("span", id(idv), cls("range"), " Allowed: "+r.bounds+"."))
		} else {
			p := v.b.el("p", cls("hint range"), id(idv), "Allowed: "+r.bounds+".")
			r.in.ParentNode().InsertBefore(p, r.in.NextSibling())
		}
		desc := strings.TrimSpace(r.in.GetAttribute("aria-describedby"))
		if !strings.Contains(" "+desc+" ", " "+r.in.ID()+"-note ") && !strings.Contains(" "+desc+" ", " "+r.in.ID()+"-hint ") {
			r.in.SetAttribute("aria-describedby", strings.TrimSpace(desc+" "+idv))
		}
	}
}

// ---- sending what the person changed ----

// sendText sends the training text now (the debounce fired, or a preset or mode
// was chosen), unless the page refuses it first.
func (a *app) sendText() {
	a.textDeb.Cancel()
	text := a.v.text.Value()
	mode := a.st.Mode
	if err := CheckText(text, mode); err != nil {
		a.invalidate(a.st.SetError(FieldText, err.Error()))
		return
	}
	a.invalidate(a.st.SetError(FieldText, ""))
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
	if field == FieldCell && c.Cell != a.st.Cfg.Cell {
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

// refuse shows why the page did not send a value.
func (a *app) refuse(err error) {
	if fe, ok := err.(*FieldError); ok {
		a.invalidate(a.st.SetError(fe.Field, fe.Message))
		return
	}
	a.invalidate(a.st.SetError("", err.Error()))
}

// intSetting wires a whole-number field to the configuration.
func (a *app) intSetting(in *dom.HTMLInputElement, spec IntSpec, set func(c *lstm.Config, v int), resets bool) {
	listen(in, "change", func(dom.Event) {
		v, err := spec.Parse(in.Value())
		if err != nil {
			a.refuse(err)
			return
		}
		a.sendConfig(spec.Field, func(c *lstm.Config) { set(c, v) }, resets)
	})
}

// floatSetting wires a number field to the configuration.
func (a *app) floatSetting(in *dom.HTMLInputElement, spec FloatSpec, set func(c *lstm.Config, v float64), live, resets bool) {
	listen(in, "change", func(dom.Event) {
		v, err := spec.Parse(in.Value())
		if err != nil {
			a.refuse(err)
			return
		}
		if live {
			a.sendLive(spec.Field, func(c *lstm.Config) { set(c, v) })
			return
		}
		a.sendConfig(spec.Field, func(c *lstm.Config) { set(c, v) }, resets)
	})
}

// choosePreset loads preset i into the data column (send: and sends it).
func (a *app) choosePreset(i int, send bool) {
	p := a.presets[i]
	a.v.preset.SetValue(strconv.Itoa(i))
	a.v.text.SetValue(p.Text)
	a.presetText, a.probeFrom = p.Text, p.Text
	a.setMode(p.Mode)
	setText(a.v.presetAbout, p.About)
	a.showTour(p.ID, false)
	if !a.probeEdit || send {
		a.probeEdit = false
		a.v.probe.SetValue(p.Probe)
		a.invalidate(a.st.SetProbe(p.Probe))
	}
	if !a.primeEdit || send {
		a.primeEdit = false
		a.v.prime.SetValue(p.Prime)
	}
	a.st.Sample = nil
	a.invalidate(DirtySample | DirtyStatus)
	if send {
		a.sendText()
	}
}

// Default Generate lengths: characters of text, values of numbers.
const (
	defaultLengthText    = "300"
	defaultLengthNumbers = "64"
)

// setMode shows the mode on the page (the radio buttons and mode-dependent parts).
func (a *app) setMode(k lstm.Kind) {
	a.st.Mode = k
	a.v.modeText.SetChecked(k == lstm.Text)
	a.v.modeNumbers.SetChecked(k == lstm.Numbers)
	// Length follows the mode while it holds the other mode's default.
	if l := a.v.length.Value(); k == lstm.Numbers && l == defaultLengthText {
		a.v.length.SetValue(defaultLengthNumbers)
	} else if k == lstm.Text && l == defaultLengthNumbers {
		a.v.length.SetValue(defaultLengthText)
	}
	a.invalidate(DirtyStatus | DirtyTrace | DirtySample)
}

// wire connects every control.
func (a *app) wire() {
	v := a.v
	listen(v.train, "click", func(dom.Event) { a.toggleTrain() })
	listen(v.step, "click", func(dom.Event) {
		if !a.st.HasData && !a.dataSent {
			a.invalidate(a.st.SetError(FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("Step") {
			return
		}
		a.st.Running = false
		a.st.ModelReset = false
		a.st.Stale()
		a.sendTraining(protocol.Step{})
		if a.cmp != nil {
			a.cmp.st.Running = false
		}
		a.invalidate(DirtyStats)
	})
	listen(v.reset, "click", func(dom.Event) {
		a.st.Running = false
		a.st.Stale()
		a.send(protocol.Reset{})
		if a.cmp != nil {
			a.cmp.st.Running = false
			a.cmpSend(protocol.Reset{})
		}
		a.invalidate(DirtyStats)
	})
	a.wireCompare()
	a.wireInside()
	a.wireSnap()
	a.wireExport()
	a.wireTour()
	listen(v.largeText, "click", func(dom.Event) {
		a.largeText = !a.largeText
		html := dom.GetWindow().Document().DocumentElement()
		setClass(html, "large-text", a.largeText)
		v.largeText.SetAttribute("aria-pressed", strconv.FormatBool(a.largeText))
		a.invalidate(DirtyAll)
	})
	listen(dom.GetWindow().Document(), "keydown", func(ev dom.Event) {
		if eventKey(ev) != " " || eventModified(ev) {
			return
		}
		// Space trains or pauses when it would do nothing else: focus on the
		// page itself, not on a control or the heatmaps.
		if tag := activeTag(); tag == "body" || tag == "html" || tag == "" {
			ev.PreventDefault()
			a.toggleTrain()
		}
	})

	// top bar settings
	listen(v.cell, "change", func(dom.Event) {
		cell := lstm.CellLSTM
		if v.cell.Value() == "1" {
			cell = lstm.CellRNN
		}
		a.sendConfig(FieldCell, func(c *lstm.Config) { c.Cell = cell }, true)
	})
	a.intSetting(v.hidden, SpecHidden, func(c *lstm.Config, n int) { c.Hidden = n }, true)
	a.floatSetting(v.lr, SpecLR, func(c *lstm.Config, x float64) { c.LearningRate = x }, true, false)

	// data column
	listen(v.preset, "change", func(dom.Event) {
		i, err := strconv.Atoi(v.preset.Value())
		if err != nil || i < 0 || i >= len(a.presets) {
			return // "Your own text": nothing to load
		}
		a.choosePreset(i, true)
	})
	listen(v.text, "input", func(dom.Event) {
		if v.preset.Value() != "custom" {
			v.preset.SetValue("custom")
			setText(v.presetAbout, "Your own text: anything you type or paste.")
		}
		a.textDeb.Arm()
	})
	listen(v.text, "change", func(dom.Event) { a.sendText() })
	modeChanged := func(dom.Event) {
		k := lstm.Text
		if v.modeNumbers.Checked() {
			k = lstm.Numbers
		}
		if k == a.st.Mode {
			return
		}
		// A preset of the other kind is swapped for the first preset of this
		// kind; the person's own text stays as typed.
		if v.text.Value() == a.presetText {
			for i, p := range a.presets {
				if p.Mode == k {
					a.choosePreset(i, true)
					return
				}
			}
		}
		a.setMode(k)
		a.sendText()
	}
	listen(v.modeText, "change", modeChanged)
	listen(v.modeNumbers, "change", modeChanged)

	a.intSetting(v.seqLen, SpecSeqLen, func(c *lstm.Config, n int) { c.SeqLen = n }, false)
	listen(v.optimizer, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.optimizer.Value())
		a.sendLive(FieldOptimizer, func(c *lstm.Config) { c.Optimizer = lstm.Optimizer(n) })
	})
	a.floatSetting(v.clip, SpecClip, func(c *lstm.Config, x float64) { c.Clip = x }, true, false)
	listen(v.seed, "change", func(dom.Event) {
		n, err := SpecSeed.Parse(v.seed.Value())
		if err != nil {
			a.refuse(err)
			return
		}
		a.sendConfig(FieldSeed, func(c *lstm.Config) { c.Seed = uint64(n) }, true)
	})
	listen(v.layers, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.layers.Value())
		a.sendConfig(FieldLayers, func(c *lstm.Config) { c.Layers = n }, true)
	})
	a.floatSetting(v.forgetBias, SpecForgetBias, func(c *lstm.Config, x float64) { c.ForgetBias = x }, false, true)

	listen(v.save, "click", func(dom.Event) {
		a.invalidate(a.st.SetError(FieldSave, ""))
		a.send(a.st.ExportRequest())
	})
	listen(v.load, "change", func(dom.Event) {
		readFirstFile(v.load, protocol.MaxModelFile, func(b []byte, err error) {
			v.load.SetValue("")
			if err != nil {
				a.invalidate(a.st.SetError(FieldLoad, "The model could not be loaded: "+err.Error()+"."))
				return
			}
			a.importModel(b, fromFile, nil, nil)
		})
	})

	// model column
	listen(v.probe, "input", func(dom.Event) {
		a.probeEdit = true
		a.invalidate(a.st.SetProbe(v.probe.Value()) | DirtyStats)
		a.frame.Request()
	})
	listen(v.layer, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.layer.Value())
		a.st.Layer = n
		if a.st.UnitsAuto {
			a.st.SetUnits(nil)
		}
		a.invalidate(DirtyTrace | DirtyCursor)
	})
	listen(v.units, "change", func(dom.Event) {
		view, ok := a.st.View()
		if !ok {
			return
		}
		units, err := ParseUnits(v.units.Value(), view.H, MaxUnitsShown)
		if err != nil {
			a.refuse(err)
			return
		}
		a.invalidate(a.st.SetUnits(units) | a.st.SetError("Units", ""))
	})
	listen(v.unitsAuto, "click", func(dom.Event) {
		a.invalidate(a.st.SetUnits(nil) | a.st.SetError("Units", ""))
	})
	onPointer := func(ev dom.Event) { a.pointer(ev) }
	listen(v.stack, "pointermove", onPointer)
	listen(v.stack, "pointerdown", onPointer)
	listen(v.stack, "keydown", func(ev dom.Event) { a.key(ev) })

	// output column
	listen(v.prime, "input", func(dom.Event) { a.primeEdit = true })
	listen(v.generate, "click", func(dom.Event) { a.generate() })
	for _, in := range []*dom.HTMLInputElement{v.prime, v.length, v.temperature} {
		listen(in, "keydown", func(ev dom.Event) {
			if eventKey(ev) == "Enter" {
				ev.PreventDefault()
				a.generate()
			}
		})
	}
	onResize(func() { a.invalidate(DirtyLayout | DirtyTrace | DirtyLoss | DirtyCursor | DirtySample) })
}

// toggleTrain starts or pauses training. The label switches at once; the
// engine's next Progress confirms it.
func (a *app) toggleTrain() {
	if a.st.Running {
		a.st.Running = false
		a.send(protocol.Pause{})
		if a.cmp != nil {
			a.cmp.st.Running = false
			a.cmpSend(protocol.Pause{})
		}
	} else {
		if !a.st.HasData && !a.dataSent {
			a.invalidate(a.st.SetError(FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("Train") {
			return
		}
		a.recoveryDone()
		a.st.Running = true
		a.st.ModelReset = false
		a.sendTraining(protocol.Train{})
		if a.cmp != nil {
			a.cmp.st.Running = true
		}
	}
	a.invalidate(DirtyStats)
}

// FieldTrain names the alert of a Train or Step the page refused.
const FieldTrain = "Train"

// refuseTrain refuses Train and Step (named by button) while the training
// text shown is one the page or the engine refused: the engine still has
// the data before it, and training that would change a model the person
// no longer sees the data of. It reports whether it refused.
func (a *app) refuseTrain(button string) bool {
	if a.st.Errors[FieldText] == "" {
		a.invalidate(a.st.SetError(FieldTrain, ""))
		return false
	}
	a.invalidate(a.st.SetError(FieldTrain, button+" waits for training data it can use: correct the "+
		strings.ToLower(FieldText[:1])+FieldText[1:]+" first (the message under it says what is wrong). The model is unchanged.") | DirtyStats)
	return true
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

// generate asks the engine for a sample, after checking Length and Temperature.
func (a *app) generate() {
	v := a.v
	n, err := SpecLength.Parse(v.length.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	temp := 0.0
	if a.st.Mode == lstm.Text {
		if temp, err = SpecTemperature.Parse(v.temperature.Value()); err != nil {
			a.refuse(err)
			return
		}
	}
	a.st.SetError(FieldLength, "")
	a.st.SetError(FieldTemperature, "")
	a.st.SetError(FieldPrime, "")
	a.st.SetError(FieldGenerate, "")
	if !a.st.HasData {
		a.invalidate(a.st.SetError(FieldGenerate, "There is no model yet: type a training text or pick a preset."))
		return
	}
	// The first Generate at an update draws the same text in every page
	// with the same model (after a reload, from a share link); pressing
	// again draws another.
	if a.genUpdate != a.st.Update {
		a.genUpdate, a.genCount = a.st.Update, 0
	}
	seed := SampleSeed(a.st.Cfg.Seed, a.st.Update, a.genCount)
	a.genCount++
	a.send(a.st.SampleRequest(v.prime.Value(), n, temp, seed))
	a.invalidate(DirtyErrors | DirtySample)
}

// pointer moves the time cursor to the step (and unit) under the pointer.
func (a *app) pointer(ev dom.Event) {
	view, ok := a.st.View()
	if !ok {
		return
	}
	x, y := pointerXY(ev)
	left, _, _, _ := clientRect(a.v.heat[heatH].canvasEl)
	t := a.geo.Step(x - left)
	unit := a.st.Cursor.Unit
	for k := range heatCount {
		hb := a.v.heat[k]
		if !a.heatShown(k, view) {
			continue
		}
		_, top, _, h := clientRect(hb.canvasEl)
		if y >= top && y < top+h {
			unit = a.unitAtRow(a.geo.Unit(y - top))
			break
		}
	}
	a.invalidate(a.st.MoveCursor(t, unit))
}

// key moves the time cursor with the arrow keys.
func (a *app) key(ev dom.Event) {
	view, ok := a.st.View()
	if !ok || eventModified(ev) {
		return
	}
	c := a.st.Cursor
	switch eventKey(ev) {
	case "ArrowLeft":
		c.T--
	case "ArrowRight":
		c.T++
	case "ArrowUp":
		c.Unit--
	case "ArrowDown":
		c.Unit++
	case "PageUp":
		c.Unit -= 8
	case "PageDown":
		c.Unit += 8
	case "Home":
		c.T = 0
	case "End":
		c.T = view.T - 1
	default:
		return
	}
	ev.PreventDefault()
	if d := a.st.MoveCursor(c.T, c.Unit); d != 0 {
		s := view.At(a.st.Cursor.T, a.st.Cursor.Unit)
		msg := fmt.Sprintf("Step %d, %s, unit %d: h %s", s.T+1, a.stepLabel(s.T), s.Unit+1, FormatValue(s.H))
		if s.LSTM {
			msg = fmt.Sprintf("Step %d, %s, unit %d: c %s, h %s", s.T+1, a.stepLabel(s.T), s.Unit+1, FormatValue(s.C), FormatValue(s.H))
		}
		setText(a.v.liveCursor, msg)
		a.invalidate(d)
	}
}

// stepLabel says what the model read at step t: a character or a value.
func (a *app) stepLabel(t int) string {
	tr := a.st.Shown()
	if tr == nil || t < 0 || t >= tr.T {
		return ""
	}
	if tr.Kind == lstm.Numbers {
		return "value " + FormatNumber(float64(tr.Values[t]))
	}
	return "character " + DescribeRune(tr.Symbols[t])
}

// heatShown reports whether heatmap k applies to the shown cell: the RNN has
// only h.
func (a *app) heatShown(k heatKind, view LayerView) bool {
	return k == heatH || view.LSTM()
}

// showConfig puts the engine's configuration into the controls, except where
// the person's refused input is still shown (it stays as typed) or the
// person is typing.
func (a *app) showConfig(c lstm.Config, force bool) {
	v := a.v
	setIf := func(field string, el interface {
		dom.Element
		SetValue(string)
	}, val string) {
		if !force && (a.st.Errors[field] != "" || isFocused(el)) {
			return
		}
		el.SetValue(val)
	}
	setIf(FieldCell, v.cell, strconv.Itoa(int(c.Cell)))
	setIf(FieldHidden, v.hidden, strconv.Itoa(c.Hidden))
	setIf(FieldLR, v.lr, strconv.FormatFloat(c.LearningRate, 'g', -1, 64))
	setIf(FieldSeqLen, v.seqLen, strconv.Itoa(c.SeqLen))
	setIf(FieldOptimizer, v.optimizer, strconv.Itoa(int(c.Optimizer)))
	setIf(FieldClip, v.clip, strconv.FormatFloat(c.Clip, 'g', -1, 64))
	setIf(FieldSeed, v.seed, strconv.FormatUint(c.Seed, 10))
	setIf(FieldLayers, v.layers, strconv.Itoa(c.Layers))
	setIf(FieldForgetBias, v.forgetBias, strconv.FormatFloat(c.ForgetBias, 'g', -1, 64))
	if force {
		v.temperature.SetValue("0.8")
	}
}
