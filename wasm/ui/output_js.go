//go:build js && wasm

package ui

import (
	"fmt"
	"math"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/chart"
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

func (a *app) paintLoss() {
	v, st := a.v, a.st
	c := v.Loss
	w, h := a.BeginChart(c, v.LossFig, 12)
	hist := &st.Losses
	left, bottom := math.Round(3.2*a.Rem), math.Round(2.4*a.Rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: 8, Right: 12, Bottom: bottom, Left: left})
	if hist.Len() == 0 || hist.Max == 0 {
		a.ChartAxes(c, r, h, "update", "loss", nil, nil)
		a.ChartMessage(c, r, "Press Train to start: the loss of every", "update is drawn here.")
		browser.SetText(v.LossNote, "No updates yet.")
		return
	}
	first := float64(hist.First)
	last := float64(hist.Next() - 1)
	xs := chart.Linear{D0: first, D1: max(last, first+10), R0: r.X0, R1: r.X1}
	var ys chart.Scale = chart.Linear{D0: 0, D1: hist.Max * 1.02, R0: r.Y1, R1: r.Y0}.Nice(4)
	yName := "loss"
	if hist.LogScale() {
		ys = chart.Log{D0: hist.MinPos, D1: hist.Max, R0: r.Y1, R1: r.Y0}.Nice()
		yName = "loss (log scale)"
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.ChartAxes(c, r, h, "update", yName, ys.Ticks(4), xs.Ticks(a.XTickCount(r)))

	a.Bufs.Pts = hist.AppendRaw(a.Bufs.Pts[:0], f)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, "rgba(0,114,178,0.28)", 1, nil)
	a.Bufs.Pts = hist.AppendSmooth(a.Bufs.Pts[:0], f)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, "#0072B2", 2, nil)

	sm, _ := hist.LastSmooth()
	raw, _ := hist.LastRaw()
	browser.SetText(v.LossNote, fmt.Sprintf("Update %s: loss %s, smoothed %s. Faint line: every update; bold line: moving average.",
		present.FormatCount(st.Update), present.FormatSig(raw, 4), present.FormatSig(sm, 4)))
}

func (a *app) paintSample() {
	v, st := a.v, a.st
	switch {
	case st.Generating:
		browser.SetText(v.SampleNote, "Generating…")
	case st.Sample != nil && st.Sample.Kind == lstm.Text:
		browser.SetText(v.SampleNote, fmt.Sprintf("%s characters after the prime (shown in grey).", present.FormatCount(len([]rune(st.Sample.Text)))))
	case st.Sample != nil:
		browser.SetText(v.SampleNote, fmt.Sprintf("%s values after the prime.", present.FormatCount(len(st.Sample.Values))))
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
		browser.SetText(v.SamplePrime, st.SamplePrime)
		browser.SetText(v.SampleGen, st.Sample.Text)
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
	browser.SetText(v.SampleGen, strings.Join(parts, ", "))
	v.SampleText.AppendChild(v.SampleGen)
	prime, err := lstm.ParseNumbers(st.SamplePrime)
	if err != nil {
		browser.SetHidden(v.SampleFig, true)
		return
	}
	browser.SetHidden(v.SampleFig, false)
	a.Continuation(a.v, prime, st.Sample.Values)
}
