//go:build js && wasm

package ui

import (
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// This file is the output column's wiring and painting: the loss chart and
// Generate with its text or its chart of values. Its elements are built by
// panels (output_js.go).

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

// generate asks the engine for a sample, after checking Length and Temperature.
func (a *app) generate() {
	v := a.v
	n, err := present.SpecLength.Parse(v.Length.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	temp := 0.0
	if a.st.Mode == lstm.Text {
		if temp, err = present.SpecTemperature.Parse(v.Temperature.Value()); err != nil {
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
	a.st.RequestSample(v.Prime.Value(), n, temp, seed)
	a.invalidate(DirtyErrors | DirtySample)
}

// paintLoss draws the loss chart.
func (a *app) paintLoss() { a.Loss(a.v, &a.st.Losses, a.st.Update) }

func (a *app) paintSample() {
	v, st := a.v, a.st
	switch {
	case st.Generating:
		browser.SetText(v.SampleNote, "Generating…")
	case st.Sample != nil && st.Sample.Kind == lstm.Text:
		browser.SetText(v.SampleNote, present.FormatCount(len([]rune(st.Sample.Text)))+" characters after the prime (shown in grey).")
	case st.Sample != nil:
		browser.SetText(v.SampleNote, present.FormatCount(len(st.Sample.Values))+" values after the prime.")
	default:
		browser.SetText(v.SampleNote, "")
	}
	v.Generate.SetDisabled(st.Generating || a.failed)
	if st.Sample == nil {
		browser.Clear(v.SampleText)
		v.SampleText.AppendChild(v.B.El("span", browser.Cls("placeholder"), "The generated text appears here: press Generate."))
		browser.SetHidden(v.SampleFig, true)
		return
	}
	if st.Sample.Kind == lstm.Text {
		browser.SetHidden(v.SampleFig, true)
		browser.Clear(v.SampleText)
		browser.SetContent(v.SamplePrime, st.SamplePrime)
		browser.SetContent(v.SampleGen, st.Sample.Text)
		v.SampleText.AppendChild(v.SamplePrime)
		v.SampleText.AppendChild(v.SampleGen)
		return
	}
	// numbers: the values as text, and the prime with its continuation on one chart
	parts := make([]string, len(st.Sample.Values))
	for i, x := range st.Sample.Values {
		parts[i] = present.FormatNumber(float64(x))
	}
	browser.Clear(v.SampleText)
	browser.SetContent(v.SampleGen, strings.Join(parts, ", "))
	v.SampleText.AppendChild(v.SampleGen)
	prime, err := lstm.ParseNumbers(st.SamplePrime)
	if err != nil {
		browser.SetHidden(v.SampleFig, true)
		return
	}
	browser.SetHidden(v.SampleFig, false)
	a.Continuation(a.v, prime, st.Sample.Values)
}
