//go:build js && wasm

package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
)

// app is the page: its state, its elements and its link to the engine. Every
// method runs inside a JavaScript callback (an event, a worker message, an
// animation frame or a timer); JavaScript runs them one at a time and none of
// them blocks, so the state needs no lock.
type app struct {
	st      *State       // the page's engine: the conversation (st.Conn) and what the page shows
	pair    *client.Pair // the conversation with the page's engine and the comparison's
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
	genCount    uint64 // Generate presses at update genUpdate
	rec         recovery
}

// Run builds the page and serves it until the page is closed.
func Run() {
	doc := dom.GetWindow().Document()
	a := &app{presets: Presets(), rem: 16}
	a.pair = client.NewPair(a.post)
	a.st = NewState(a.pair.A)
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
	case tagUnitText, tagClampBefore, tagClampAfter:
		a.insideReply(r)
		return
	}
	if _, status := r.Msg.(protocol.Status); status || r.NewModel || a.st.Update != update {
		a.insideStale()
	}
	d, file := a.st.Apply(r)
	if file != nil {
		download("lstm-playground.model", "application/octet-stream", file)
	}
	switch m := r.Msg.(type) {
	case protocol.Ready:
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
	a.invalidate(d)
}

// status takes a Status of the page's engine.
func (a *app) status(r client.Reply, m protocol.Status) Dirty {
	a.snapCheck()
	a.showConfig(m.Config, false)
	var d Dirty
	if m.Length > 0 && !r.Stale {
		d |= a.st.SetError(FieldText, "") | a.st.SetError(FieldLoad, "") | a.st.SetError(FieldTrain, "")
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
	a.invalidate(a.st.SetError("", "The page received a malformed reply from the engine: "+err.Error()))
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
		a.pair.SetConfig(a.st.Cfg)
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

// versionMismatch says that the page and its engine come from different
// deploys (a browser that kept an old copy of one of them): nothing either
// says can be understood, so the page stops and offers a reload.
func (a *app) versionMismatch(ve *client.VersionError) {
	if a.failed {
		return
	}
	a.engineFailed(fmt.Sprintf("This page and its training engine come from different versions of LSTM Playground "+
		"(the page speaks protocol %d, the engine %d): the browser kept an old copy of one of them. Reload the page to load both anew.", ve.Page, ve.Engine))
	at := a.v.fatal
	if !a.shown && a.v.boot != nil {
		if st, ok := dom.GetWindow().Document().GetElementByID("boot-status").(dom.HTMLElement); ok && st != nil {
			at = st
		}
	}
	btn := a.v.b.el("button", attr{"type", "button"}, cls("btn"), id("reload-page"), "Reload the page")
	listen(btn, "click", func(dom.Event) { reloadPage() })
	at.ParentNode().InsertBefore(btn, at.NextSibling())
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
// was chosen), unless the page refuses it first or the engine has it.
func (a *app) sendText() { a.sendTextNow(false) }

// sendTextNow sends the training text, even if it is the one last sent when
// force is set (a setup puts its text on the page, whatever the engine has).
func (a *app) sendTextNow(force bool) {
	a.textDeb.Cancel()
	text := a.v.text.Value()
	mode := a.st.Mode
	if err := CheckText(text, mode); err != nil {
		a.invalidate(a.st.SetError(FieldText, err.Error()))
		return
	}
	a.invalidate(a.st.SetError(FieldText, ""))
	if !a.started || (!force && text == a.sentText && mode == a.sentMode) {
		return
	}
	a.sentText, a.sentMode = text, mode
	a.pair.SetText(mode, text)
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
	a.invalidate(DirtyErrors | DirtyStats)
	a.pair.SetConfig(c)
}

// sendLive sends the live settings with one changed.
func (a *app) sendLive(field string, change func(c *lstm.Config)) {
	c := a.st.Cfg
	change(&c)
	a.st.SetError(field, "")
	a.invalidate(DirtyErrors)
	a.pair.SetLive(c)
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
		if !a.st.HasData && !a.st.DataUnderWay() {
			a.invalidate(a.st.SetError(FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("Step") {
			return
		}
		a.st.ModelReset = false
		a.st.Stale()
		a.pair.Step()
		a.invalidate(DirtyStats)
	})
	listen(v.reset, "click", func(dom.Event) {
		a.st.Stale()
		a.pair.Reset()
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
		a.st.Export(tagSave)
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
		a.pair.Pause()
	} else {
		if !a.st.HasData && !a.st.DataUnderWay() {
			a.invalidate(a.st.SetError(FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("Train") {
			return
		}
		a.recoveryDone()
		a.pair.Train()
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
	a.st.RequestSample(v.prime.Value(), n, temp, seed)
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
