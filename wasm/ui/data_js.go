//go:build js && wasm

package ui

import (
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// This file is the data column's wiring and painting: the preset, the
// training text and mode, the training settings (each checked against its
// range before it is sent), Save and Load model, and the line that describes
// the data. Its elements are built by panels (data_js.go).

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
			a.showTour("", false) // the preset's tips are not about this text
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

	a.intSetting(v.SeqLen, present.SpecSeqLen, func(c *lstm.Config, n int) { c.SeqLen = n }, false)
	browser.Listen(v.Optimizer, "change", func(dom.Event) {
		n, _ := strconv.Atoi(v.Optimizer.Value())
		a.sendLive(present.FieldOptimizer, func(c *lstm.Config) { c.Optimizer = lstm.Optimizer(n) })
	})
	a.floatSetting(v.Clip, present.SpecClip, func(c *lstm.Config, x float64) { c.Clip = x }, true, false)
	browser.Listen(v.Seed, "change", func(dom.Event) {
		n, err := present.SpecSeed.Parse(v.Seed.Value())
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
	a.floatSetting(v.ForgetBias, present.SpecForgetBias, func(c *lstm.Config, x float64) { c.ForgetBias = x }, false, true)

	browser.Listen(v.Save, "click", func(dom.Event) {
		a.invalidate(a.st.SetError(present.FieldSave, ""))
		a.st.Export(tagSave)
	})
	browser.Listen(v.Load, "change", func(dom.Event) {
		browser.ReadFirstFile(v.Load, protocol.MaxModelFile, func(b []byte, err error) {
			v.Load.SetValue("")
			if err != nil {
				a.invalidate(a.st.SetErrorBy(present.FieldLoad, func() string { return sayLang("ui.load.failed", err.Error()) }))
				return
			}
			a.importModel(b, fromFile, nil, nil)
		})
	})

}

// showRanges states each number setting's valid values beside it, before
// anything is typed: in the field's hint, or in a hint of its own.
func (a *app) showRanges() {
	v := a.v
	for _, r := range []struct {
		in     *dom.HTMLInputElement
		bounds string
	}{
		{v.Hidden, present.SpecHidden.Bounds()},
		{v.LR, present.SpecLR.Bounds()},
		{v.SeqLen, present.SpecSeqLen.Bounds()},
		{v.Clip, present.SpecClip.Bounds()},
		{v.Seed, present.SpecSeed.Bounds()},
		{v.ForgetBias, present.SpecForgetBias.Bounds()},
		{v.Length, present.SpecLength.Bounds()},
		{v.Temperature, present.SpecTemperature.Bounds()},
	} {
		idv := r.in.ID() + "-range"
		if browser.ByID(idv) != nil {
			continue
		}
		if note := browser.ByID(r.in.ID() + "-note"); note != nil {
			// a compact field of the top bar: "↺ resets · 1 to 512"
			note.AppendChild(v.B.El("span", browser.ID(idv), browser.Cls("range"), " · "+r.bounds))
		} else if hint := browser.ByID(r.in.ID() + "-hint"); hint != nil {
			hint.AppendChild(v.B.El("span", browser.ID(idv), browser.Cls("range"), " Allowed: "+r.bounds+"."))
		} else {
			p := v.B.El("p", browser.Cls("hint range"), browser.ID(idv), "Allowed: "+r.bounds+".")
			browser.Parent(r.in).InsertBefore(p, browser.NextSibling(r.in))
		}
		desc := strings.TrimSpace(r.in.GetAttribute("aria-describedby"))
		if !strings.Contains(" "+desc+" ", " "+r.in.ID()+"-note ") && !strings.Contains(" "+desc+" ", " "+r.in.ID()+"-hint ") {
			r.in.SetAttribute("aria-describedby", strings.TrimSpace(desc+" "+idv))
		}
	}
}

// intSetting wires a whole-number field to the configuration.
func (a *app) intSetting(in *dom.HTMLInputElement, spec present.IntSpec, set func(c *lstm.Config, v int), resets bool) {
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
func (a *app) floatSetting(in *dom.HTMLInputElement, spec present.FloatSpec, set func(c *lstm.Config, v float64), live, resets bool) {
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

// refuse shows why the page did not send a value.
func (a *app) refuse(err error) {
	if fe, ok := err.(*present.FieldError); ok {
		a.invalidate(a.showFieldError(fe))
		return
	}
	a.invalidate(a.st.SetError("", err.Error()))
}

// showFieldError shows fe at its field, worded again after a language
// switch if it was worded in the page's language.
func (a *app) showFieldError(fe *present.FieldError) Dirty {
	if fe.Again != nil {
		return a.st.SetErrorBy(fe.Field, fe.Again)
	}
	return a.st.SetError(fe.Field, fe.Message)
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
		a.invalidate(a.st.SetError(present.FieldPrime, "")) // about the prime replaced
	}
	a.st.Sample = nil
	a.invalidate(DirtySample | DirtyStatus)
	if send {
		a.sendText()
	}
}

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

func (a *app) paintStatus() {
	st, v := a.st, a.v
	s := st.Status
	lead := ""
	if st.Errors[present.FieldText] != "" && st.HasData {
		lead = "Still training on the last data it could use: "
	}
	switch {
	case !st.HasData:
		browser.SetText(v.DataInfo, "No training data yet.")
	case s.Kind == lstm.Numbers:
		mean := s.Norm.Mean
		if math.Abs(mean) < 1e-9*max(1, s.Norm.Scale) {
			mean = 0
		}
		browser.SetText(v.DataInfo, lead+present.FormatCount(s.Length)+" values · mean "+present.FormatSig(mean, 3)+" · spread "+present.FormatSig(s.Norm.Scale, 3)+
			" · "+present.FormatCount(s.Params)+" parameters")
	default:
		browser.SetText(v.DataInfo, lead+present.FormatCount(s.Length)+" characters · "+present.FormatCount(len(s.Vocab))+" distinct · "+
			present.FormatCount(s.Params)+" parameters")
	}
	if st.HasData && s.Kind == lstm.Text && len(s.Vocab) > 0 {
		var b strings.Builder
		b.WriteString(say("Characters:") + " ")
		for i, r := range s.Vocab {
			if i == 160 {
				b.WriteString(" …")
				break
			}
			b.WriteString(present.DisplayRune(r))
			b.WriteByte(' ')
		}
		browser.SetContent(v.Vocab, b.String())
		browser.SetHidden(v.Vocab, false)
	} else {
		browser.SetHidden(v.Vocab, true)
	}
	// the Layer picker of the model column
	layers := max(1, st.Cfg.Layers)
	if v.Layer.Length() != layers {
		browser.Clear(v.Layer)
		for l := range layers {
			v.Layer.AppendChild(v.B.El("option", browser.Attr("value", strconv.Itoa(l)), "Layer "+strconv.Itoa(l+1)))
		}
		a.st.Layer = min(a.st.Layer, layers-1)
		v.Layer.SetValue(strconv.Itoa(a.st.Layer))
	}
	browser.SetHidden(v.LayerField, layers < 2)
	v.Save.SetDisabled(st.Status.Params == 0)
	browser.SetText(v.DataLimits, present.TextLimits(st.Mode))
	browser.SetHidden(v.TempField, st.Mode == lstm.Numbers)
	if st.Mode == lstm.Numbers {
		browser.SetLabel(v.Probe, "placeholder", "e.g. 0, 0.38, 0.71, 0.92, 1")
		browser.SetLabel(v.Prime, "placeholder", "e.g. 0, 0.38, 0.71")
	} else {
		browser.SetLabel(v.Probe, "placeholder", "a text using the training text's characters")
		browser.SetLabel(v.Prime, "placeholder", "the text to start from")
	}
}
