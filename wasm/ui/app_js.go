//go:build js && wasm

package ui

import (
	"fmt"
	"strconv"
	"strings"

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
	a.v = panels.New(doc, panels.Choices{Presets: a.presets, HiddenSizes: HiddenSizes, LearningRates: LearningRates, MaxGenerate: MaxGenerate})
	a.frame = browser.NewFrameLoop(a.paint)
	a.textDeb = browser.NewDebouncer(DebounceText, a.sendText)
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

// showRanges states each number setting's valid values beside it, before
// anything is typed: in the field's hint, or in a hint of its own.
func (a *app) showRanges() {
	v := a.v
	doc := dom.GetWindow().Document()
	for _, r := range []struct {
		in     *dom.HTMLInputElement
		bounds string
	}{
		{v.Hidden, SpecHidden.Bounds()},
		{v.LR, SpecLR.Bounds()},
		{v.SeqLen, SpecSeqLen.Bounds()},
		{v.Clip, SpecClip.Bounds()},
		{v.Seed, SpecSeed.Bounds()},
		{v.ForgetBias, SpecForgetBias.Bounds()},
		{v.Length, SpecLength.Bounds()},
		{v.Temperature, SpecTemperature.Bounds()},
	} {
		idv := r.in.ID() + "-range"
		if doc.GetElementByID(idv) != nil {
			continue
		}
		if note, ok := doc.GetElementByID(r.in.ID() + "-note").(dom.HTMLElement); ok && note != nil {
			// a compact field of the top bar: "↺ resets · 1 to 512"
			note.AppendChild(v.B.El("span", browser.ID(idv), browser.Cls("range"), " · "+r.bounds))
		} else if hint, ok := doc.GetElementByID(r.in.ID() + "-hint").(dom.HTMLElement); ok && hint != nil {
			hint.AppendChild(v.B.El("span", browser.ID(idv), browser.Cls("range"), " Allowed: "+r.bounds+"."))
		} else {
			p := v.B.El("p", browser.Cls("hint range"), browser.ID(idv), "Allowed: "+r.bounds+".")
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
	text := a.v.Text.Value()
	mode := a.st.Mode
	if err := CheckText(text, mode); err != nil {
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
	browser.Listen(in, "change", func(dom.Event) {
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
	browser.Listen(in, "change", func(dom.Event) {
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
	a.v.Preset.SetValue(strconv.Itoa(i))
	a.v.Text.SetValue(p.Text)
	a.presetText, a.probeFrom = p.Text, p.Text
	a.setMode(p.Mode)
	browser.SetText(a.v.PresetAbout, p.About)
	a.showTour(p.ID, false)
	if !a.probeEdit || send {
		a.probeEdit = false
		a.v.Probe.SetValue(p.Probe)
		a.invalidate(a.st.SetProbe(p.Probe))
	}
	if !a.primeEdit || send {
		a.primeEdit = false
		a.v.Prime.SetValue(p.Prime)
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
	a.v.ModeText.SetChecked(k == lstm.Text)
	a.v.ModeNumbers.SetChecked(k == lstm.Numbers)
	// Length follows the mode while it holds the other mode's default.
	if l := a.v.Length.Value(); k == lstm.Numbers && l == defaultLengthText {
		a.v.Length.SetValue(defaultLengthNumbers)
	} else if k == lstm.Text && l == defaultLengthNumbers {
		a.v.Length.SetValue(defaultLengthText)
	}
	a.invalidate(DirtyStatus | DirtyTrace | DirtySample)
}

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

// wireTopBar makes the top bar work: Train, Step, Reset, Large text, the
// Space key, and the cell, hidden units and learning rate.
func (a *app) wireTopBar() {
	v := a.v
	browser.Listen(v.Train, "click", func(dom.Event) { a.toggleTrain() })
	browser.Listen(v.Step, "click", func(dom.Event) {
		if !a.st.HasData && !a.dataSent {
			a.invalidate(a.st.SetError(present.FieldText, "There is no training data yet: type a training text or pick a preset."))
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
	browser.Listen(v.Reset, "click", func(dom.Event) {
		a.st.Running = false
		a.st.Stale()
		a.send(protocol.Reset{})
		if a.cmp != nil {
			a.cmp.st.Running = false
			a.cmpSend(protocol.Reset{})
		}
		a.invalidate(DirtyStats)
	})
	browser.Listen(v.LargeText, "click", func(dom.Event) {
		a.largeText = !a.largeText
		html := dom.GetWindow().Document().DocumentElement()
		browser.SetClass(html, "large-text", a.largeText)
		v.LargeText.SetAttribute("aria-pressed", strconv.FormatBool(a.largeText))
		a.invalidate(DirtyAll)
	})
	browser.Listen(dom.GetWindow().Document(), "keydown", func(ev dom.Event) {
		if browser.EventKey(ev) != " " || browser.EventModified(ev) {
			return
		}
		// Space trains or pauses when it would do nothing else: focus on the
		// page itself, not on a control or the heatmaps.
		if tag := browser.ActiveTag(); tag == "body" || tag == "html" || tag == "" {
			ev.PreventDefault()
			a.toggleTrain()
		}
	})

	browser.Listen(v.Cell, "change", func(dom.Event) {
		cell := lstm.CellLSTM
		if v.Cell.Value() == "1" {
			cell = lstm.CellRNN
		}
		a.sendConfig(present.FieldCell, func(c *lstm.Config) { c.Cell = cell }, true)
	})
	a.intSetting(v.Hidden, SpecHidden, func(c *lstm.Config, n int) { c.Hidden = n }, true)
	a.floatSetting(v.LR, SpecLR, func(c *lstm.Config, x float64) { c.LearningRate = x }, true, false)

}

// wireData makes the data column's data and training settings work.
func (a *app) wireData() {
	v := a.v
	browser.Listen(v.Preset, "change", func(dom.Event) {
		i, err := strconv.Atoi(v.Preset.Value())
		if err != nil || i < 0 || i >= len(a.presets) {
			return // "Your own text": nothing to load
		}
		a.choosePreset(i, true)
	})
	browser.Listen(v.Text, "input", func(dom.Event) {
		if v.Preset.Value() != "custom" {
			v.Preset.SetValue("custom")
			browser.SetText(v.PresetAbout, "Your own text: anything you type or paste.")
		}
		a.textDeb.Arm()
	})
	browser.Listen(v.Text, "change", func(dom.Event) { a.sendText() })
	modeChanged := func(dom.Event) {
		k := lstm.Text
		if v.ModeNumbers.Checked() {
			k = lstm.Numbers
		}
		if k == a.st.Mode {
			return
		}
		// A preset of the other kind is swapped for the first preset of this
		// kind; the person's own text stays as typed.
		if v.Text.Value() == a.presetText {
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
	browser.Listen(v.ModeText, "change", modeChanged)
	browser.Listen(v.ModeNumbers, "change", modeChanged)

	a.intSetting(v.SeqLen, SpecSeqLen, func(c *lstm.Config, n int) { c.SeqLen = n }, false)
	browser.Listen(v.Optimizer, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.Optimizer.Value())
		a.sendLive(present.FieldOptimizer, func(c *lstm.Config) { c.Optimizer = lstm.Optimizer(n) })
	})
	a.floatSetting(v.Clip, SpecClip, func(c *lstm.Config, x float64) { c.Clip = x }, true, false)
	browser.Listen(v.Seed, "change", func(dom.Event) {
		n, err := SpecSeed.Parse(v.Seed.Value())
		if err != nil {
			a.refuse(err)
			return
		}
		a.sendConfig(present.FieldSeed, func(c *lstm.Config) { c.Seed = uint64(n) }, true)
	})
	browser.Listen(v.Layers, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.Layers.Value())
		a.sendConfig(present.FieldLayers, func(c *lstm.Config) { c.Layers = n }, true)
	})
	a.floatSetting(v.ForgetBias, SpecForgetBias, func(c *lstm.Config, x float64) { c.ForgetBias = x }, false, true)

	browser.Listen(v.Save, "click", func(dom.Event) {
		a.invalidate(a.st.SetError(present.FieldSave, ""))
		a.send(a.st.ExportRequest())
	})
	browser.Listen(v.Load, "change", func(dom.Event) {
		browser.ReadFirstFile(v.Load, protocol.MaxModelFile, func(b []byte, err error) {
			v.Load.SetValue("")
			if err != nil {
				a.invalidate(a.st.SetError(present.FieldLoad, "The model could not be loaded: "+err.Error()+"."))
				return
			}
			a.importModel(b, fromFile, nil, nil)
		})
	})

}

// wireModel makes the model column work: the probe, the layer, the units and
// the time cursor over the heatmaps.
func (a *app) wireModel() {
	v := a.v
	browser.Listen(v.Probe, "input", func(dom.Event) {
		a.probeEdit = true
		a.invalidate(a.st.SetProbe(v.Probe.Value()) | DirtyStats)
		a.frame.Request()
	})
	browser.Listen(v.Layer, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.Layer.Value())
		a.st.Layer = n
		if a.st.UnitsAuto {
			a.st.SetUnits(nil)
		}
		a.invalidate(DirtyTrace | DirtyCursor)
	})
	browser.Listen(v.Units, "change", func(dom.Event) {
		view, ok := a.st.View()
		if !ok {
			return
		}
		units, err := ParseUnits(v.Units.Value(), view.H, MaxUnitsShown)
		if err != nil {
			a.refuse(err)
			return
		}
		a.invalidate(a.st.SetUnits(units) | a.st.SetError("Units", ""))
	})
	browser.Listen(v.UnitsAuto, "click", func(dom.Event) {
		a.invalidate(a.st.SetUnits(nil) | a.st.SetError("Units", ""))
	})
	onPointer := func(ev dom.Event) { a.pointer(ev) }
	browser.Listen(v.Stack, "pointermove", onPointer)
	browser.Listen(v.Stack, "pointerdown", onPointer)
	browser.Listen(v.Stack, "keydown", func(ev dom.Event) { a.key(ev) })

}

// wireOutput makes Generate work.
func (a *app) wireOutput() {
	v := a.v
	browser.Listen(v.Prime, "input", func(dom.Event) { a.primeEdit = true })
	browser.Listen(v.Generate, "click", func(dom.Event) { a.generate() })
	for _, in := range []*dom.HTMLInputElement{v.Prime, v.Length, v.Temperature} {
		browser.Listen(in, "keydown", func(ev dom.Event) {
			if browser.EventKey(ev) == "Enter" {
				ev.PreventDefault()
				a.generate()
			}
		})
	}
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
			a.invalidate(a.st.SetError(present.FieldText, "There is no training data yet: type a training text or pick a preset."))
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

// refuseTrain refuses Train and Step (named by button) while the training
// text shown is one the page or the engine refused: the engine still has
// the data before it, and training that would change a model the person
// no longer sees the data of. It reports whether it refused.
func (a *app) refuseTrain(button string) bool {
	if a.st.Errors[present.FieldText] == "" {
		a.invalidate(a.st.SetError(present.FieldTrain, ""))
		return false
	}
	a.invalidate(a.st.SetError(present.FieldTrain, button+" waits for training data it can use: correct the "+
		strings.ToLower(present.FieldText[:1])+present.FieldText[1:]+" first (the message under it says what is wrong). The model is unchanged.") | DirtyStats)
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
	n, err := SpecLength.Parse(v.Length.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	temp := 0.0
	if a.st.Mode == lstm.Text {
		if temp, err = SpecTemperature.Parse(v.Temperature.Value()); err != nil {
			a.refuse(err)
			return
		}
	}
	a.st.SetError(present.FieldLength, "")
	a.st.SetError(present.FieldTemperature, "")
	a.st.SetError(present.FieldPrime, "")
	a.st.SetError(present.FieldGenerate, "")
	if !a.st.HasData {
		a.invalidate(a.st.SetError(present.FieldGenerate, "There is no model yet: type a training text or pick a preset."))
		return
	}
	// The first Generate at an update draws the same text in every page
	// with the same model (after a reload, from a share link); pressing
	// again draws another.
	if a.genUpdate != a.st.Update {
		a.genUpdate, a.genCount = a.st.Update, 0
	}
	seed := present.SampleSeed(a.st.Cfg.Seed, a.st.Update, a.genCount)
	a.genCount++
	a.send(a.st.SampleRequest(v.Prime.Value(), n, temp, seed))
	a.invalidate(DirtyErrors | DirtySample)
}

// pointer moves the time cursor to the step (and unit) under the pointer.
func (a *app) pointer(ev dom.Event) {
	view, ok := a.st.View()
	if !ok {
		return
	}
	x, y := browser.PointerXY(ev)
	left, _, _, _ := browser.ClientRect(a.v.Heat[panels.HeatH].CanvasEl)
	t := a.Geo.Step(x - left)
	unit := a.st.Cursor.Unit
	for k := range panels.HeatCount {
		hb := a.v.Heat[k]
		if !a.heatShown(k, view) {
			continue
		}
		_, top, _, h := browser.ClientRect(hb.CanvasEl)
		if y >= top && y < top+h {
			unit = a.unitAtRow(a.Geo.Unit(y - top))
			break
		}
	}
	a.invalidate(a.st.MoveCursor(t, unit))
}

// key moves the time cursor with the arrow keys.
func (a *app) key(ev dom.Event) {
	view, ok := a.st.View()
	if !ok || browser.EventModified(ev) {
		return
	}
	c := a.st.Cursor
	switch browser.EventKey(ev) {
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
		msg := fmt.Sprintf("Step %d, %s, unit %d: h %s", s.T+1, a.stepLabel(s.T), s.Unit+1, present.FormatValue(s.H))
		if s.LSTM {
			msg = fmt.Sprintf("Step %d, %s, unit %d: c %s, h %s", s.T+1, a.stepLabel(s.T), s.Unit+1, present.FormatValue(s.C), present.FormatValue(s.H))
		}
		browser.SetText(a.v.LiveCursor, msg)
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
		return "value " + present.FormatNumber(float64(tr.Values[t]))
	}
	return "character " + present.DescribeRune(tr.Symbols[t])
}

// heatShown reports whether heatmap k applies to the shown cell: the RNN has
// only h.
func (a *app) heatShown(k panels.HeatKind, view present.LayerView) bool {
	return k == panels.HeatH || view.LSTM()
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
		if !force && (a.st.Errors[field] != "" || browser.IsFocused(el)) {
			return
		}
		el.SetValue(val)
	}
	setIf(present.FieldCell, v.Cell, strconv.Itoa(int(c.Cell)))
	setIf(present.FieldHidden, v.Hidden, strconv.Itoa(c.Hidden))
	setIf(present.FieldLR, v.LR, strconv.FormatFloat(c.LearningRate, 'g', -1, 64))
	setIf(present.FieldSeqLen, v.SeqLen, strconv.Itoa(c.SeqLen))
	setIf(present.FieldOptimizer, v.Optimizer, strconv.Itoa(int(c.Optimizer)))
	setIf(present.FieldClip, v.Clip, strconv.FormatFloat(c.Clip, 'g', -1, 64))
	setIf(present.FieldSeed, v.Seed, strconv.FormatUint(c.Seed, 10))
	setIf(present.FieldLayers, v.Layers, strconv.Itoa(c.Layers))
	setIf(present.FieldForgetBias, v.ForgetBias, strconv.FormatFloat(c.ForgetBias, 'g', -1, 64))
	if force {
		v.Temperature.SetValue("0.8")
	}
}
