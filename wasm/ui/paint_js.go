//go:build js && wasm

package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// paint is the frame callback: it sends a due Trace request and draws what
// changed. It returns whether it wants another frame.
func (a *app) paint(now float64) bool {
	if a.st.TraceDue(now) && !a.failed {
		a.send(a.st.TraceRequest(now))
	}
	if a.st.ReachDue(now) && !a.failed {
		a.send(a.st.ReachRequest(now))
	}
	d := a.dirty
	a.dirty = 0
	if d&DirtyLayout != 0 {
		a.Rem = browser.RootFontSize()
	}
	if d&DirtyStats != 0 {
		a.paintStats()
	}
	if d&(DirtyStatus|DirtyErrors) != 0 {
		a.paintStatus()
	}
	if d&DirtyErrors != 0 {
		a.paintErrors()
	}
	if d&(DirtyTrace|DirtyLayout) != 0 {
		a.paintTrace()
	}
	if d&(DirtyTrace|DirtyCursor|DirtyLayout) != 0 {
		a.paintCursor()
	}
	if d&(DirtyLoss|DirtyLayout) != 0 {
		a.paintLoss()
	}
	if d&(DirtySample|DirtyLayout) != 0 {
		a.paintSample()
	}
	if d&(DirtyReach|DirtyLayout|DirtyStatus) != 0 {
		a.Reach(a.v, a.st.Reach[:], a.st.Cfg.Cell)
	}
	cmpWaits := a.comparePaint(now, d)
	inWaits := a.insidePaint(now)
	a.paintInside(d)
	a.paintSnap(d)
	return a.dirty != 0 || a.st.TraceWaiting() || cmpWaits || inWaits
}

// ---- top bar ----

func (a *app) paintStats() {
	st, v := a.st, a.v
	if st.Running {
		browser.SetText(v.TrainLabel, "Pause")
		browser.SetText(v.TrainIcon, "❚❚")
	} else {
		browser.SetText(v.TrainLabel, "Train")
		browser.SetText(v.TrainIcon, "▶")
	}
	browser.SetClass(v.Train, "running", st.Running)
	a.announceTraining()
	v.Train.SetDisabled(a.failed)
	v.Step.SetDisabled(a.failed)
	v.Reset.SetDisabled(a.failed)
	browser.SetText(v.StatUpdate, present.FormatCount(st.Update))
	loss, ok := st.Losses.LastSmooth()
	if !ok && st.HasLoss {
		loss, ok = st.Loss, true
	}
	browser.SetText(v.StatLoss, present.FormatLoss(loss, ok && st.Update > 0))
	browser.SetText(v.StatRate, present.FormatRate(st.CharsPerSec))
	switch {
	case a.failed:
		browser.SetHidden(v.Notice, true)
	case st.ModelReset && !st.Running && st.Update == 0:
		browser.SetText(v.Notice, "A new model was made, so training starts again from update 0. Press Train.")
		browser.SetHidden(v.Notice, false)
	default:
		browser.SetHidden(v.Notice, true)
	}
}

// ---- data column ----

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
		browser.SetText(v.DataInfo, lead+fmt.Sprintf("%s values · mean %s · spread %s · %s parameters",
			present.FormatCount(s.Length), present.FormatSig(mean, 3), present.FormatSig(s.Norm.Scale, 3), present.FormatCount(s.Params)))
	default:
		browser.SetText(v.DataInfo, lead+fmt.Sprintf("%s characters · %s distinct · %s parameters",
			present.FormatCount(s.Length), present.FormatCount(len(s.Vocab)), present.FormatCount(s.Params)))
	}
	if st.HasData && s.Kind == lstm.Text && len(s.Vocab) > 0 {
		var b strings.Builder
		b.WriteString("Characters: ")
		for i, r := range s.Vocab {
			if i == 160 {
				b.WriteString(" …")
				break
			}
			b.WriteString(present.DisplayRune(r))
			b.WriteByte(' ')
		}
		browser.SetText(v.Vocab, b.String())
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
	browser.SetText(v.DataLimits, TextLimits(st.Mode))
	browser.SetHidden(v.TempField, st.Mode == lstm.Numbers)
	if st.Mode == lstm.Numbers {
		v.Probe.SetAttribute("placeholder", "e.g. 0, 0.38, 0.71, 0.92, 1")
		v.Prime.SetAttribute("placeholder", "e.g. 0, 0.38, 0.71")
	} else {
		v.Probe.SetAttribute("placeholder", "a text using the training text's characters")
		v.Prime.SetAttribute("placeholder", "the text to start from")
	}
}

func (a *app) paintErrors() {
	for field, el := range a.v.Alerts {
		msg := a.st.Errors[field]
		browser.SetText(el, msg)
		browser.SetHidden(el, msg == "")
		if c, ok := a.v.Controls[field]; ok {
			if msg != "" {
				c.SetAttribute("aria-invalid", "true")
			} else if c.HasAttribute("aria-invalid") {
				c.RemoveAttribute("aria-invalid")
			}
		}
	}
}

// ---- model column: heatmaps, probe, line charts ----

func (a *app) paintTrace() {
	v := a.v
	view, ok := a.st.View()
	browser.SetHidden(v.Empty, ok)
	browser.SetHidden(v.LineFigs, !ok)
	if !ok {
		for _, hb := range v.Heat {
			browser.SetHidden(hb.Root, true)
		}
		browser.SetHidden(v.ProbeRow, true)
		browser.SetHidden(v.ProbeLineE, true)
		v.Stack.Style().RemoveProperty("width")
		switch {
		case a.st.Errors[present.FieldProbe] != "":
			browser.SetText(v.TraceNote, "")
		case a.st.Shown() != nil && a.st.Shown().T == 0:
			browser.SetText(v.TraceNote, "The probe text is empty: type a few characters to see the model read them.")
		default:
			browser.SetText(v.TraceNote, "")
		}
		return
	}
	browser.SetText(v.TraceNote, a.traceNote(view))

	width := float64(v.StackWrap.OffsetWidth())
	a.Geo = present.NewGeometry(width, a.Gutter(), view.T, view.H)
	g := a.Geo
	plotW := float64(g.PlotW())
	v.Stack.Style().SetProperty("--gutter", browser.Px(g.Gutter), "")
	// On a narrow screen the steps keep a readable width and the charts scroll sideways.
	if g.Width() > width {
		v.Stack.Style().SetProperty("width", browser.Px(math.Ceil(g.Width())), "")
	} else {
		v.Stack.Style().RemoveProperty("width")
	}

	for k := range panels.HeatCount {
		a.Heat(v, k, view, plotW, a.rowOrder(view))
	}
	a.Probe(v, a.st.Shown())
	a.paintLines(view)
}

// traceNote says which model the heatmaps show and how much of the probe.
func (a *app) traceNote(view present.LayerView) string {
	tr := a.st.Shown()
	note := fmt.Sprintf("Model after update %s, reading %d steps of the probe", present.FormatCount(tr.Update), view.T)
	if a.st.ProbeCut {
		note += fmt.Sprintf(" (the first %d)", content.ProbeSteps)
	}
	switch {
	case a.st.Pinned != nil:
		note = fmt.Sprintf("Training snapshot: the model at update %s, reading %d steps of the probe. Move the Training snapshot slider to its right end for the live model.", present.FormatCount(tr.Update), view.T)
	case a.st.Errors[present.FieldProbe] != "":
		note += ": the last probe it could read."
	case tr.Update == 0:
		note += ". Untrained: press Train to start."
	default:
		note += "."
	}
	return note
}

// paintLines draws the chosen units of c and h along the probe, and the mean
// change per step of c and h.
func (a *app) paintLines(view present.LayerView) {
	v, st := a.v, a.st
	units := st.Units
	if !unitsFit(units, view.H) {
		st.autoUnits()
		units = st.Units
	}
	if st.UnitsAuto && !browser.IsFocused(v.Units) {
		v.Units.SetValue(FormatUnits(units))
	}
	h := math.Round(6 * a.Rem)
	unitList := FormatUnits(units)
	if view.LSTM() {
		browser.SetHidden(v.UnitsCFig, false)
		browser.SetText(v.UnitsCT, "c along the probe, units "+unitList)
		a.UnitLines(v.UnitsC, view.C, view, units, h, "c")
	} else {
		browser.SetHidden(v.UnitsCFig, true)
	}
	browser.SetText(v.UnitsHT, "h along the probe, units "+unitList)
	a.UnitLines(v.UnitsH, view.Hid, view, units, h, "h")

	a.Deltas(v, view, h)
}

// ---- time cursor and step inspector ----

func (a *app) paintCursor() {
	v, st := a.v, a.st
	view, ok := st.View()
	if !ok {
		browser.SetText(v.InspHead, "The step inspector shows every value of one step once a trace is shown.")
		browser.SetText(v.InspPred, "")
		browser.Clear(v.InspValues)
		browser.Clear(v.InspEqC)
		browser.Clear(v.InspEqH)
		a.ResetInspector()
		browser.SetHidden(v.BarsFig, true)
		return
	}
	g := a.Geo
	t, j := st.Cursor.T, st.Cursor.Unit
	// the column cursor over every time-aligned chart
	for k := range panels.HeatCount {
		cs := v.Heat[k].ColMark.Style()
		cs.SetProperty("left", browser.Px(float64(t*g.ColW)), "")
		cs.SetProperty("width", browser.Px(float64(g.ColW)), "")
	}
	for _, m := range v.LineMarks {
		cs := m.Style()
		cs.SetProperty("left", browser.Px(g.Gutter+float64(t*g.ColW)), "")
		cs.SetProperty("width", browser.Px(float64(g.ColW)), "")
	}
	if a.Bufs.CursorT != t && t < len(v.ProbeChars) {
		if a.Bufs.CursorT >= 0 && a.Bufs.CursorT < len(v.ProbeChars) {
			browser.SetClass(v.ProbeChars[a.Bufs.CursorT], "on", false)
		}
		browser.SetClass(v.ProbeChars[t], "on", true)
		a.Bufs.CursorT = t
	}
	for k := range panels.HeatCount {
		browser.SetHidden(v.Heat[k].UnitMark, !st.CursorMoved)
		m := v.Heat[k].UnitMark.Style()
		m.SetProperty("top", browser.Px(float64(a.rowOfUnit(j))*g.RowH), "")
		m.SetProperty("height", browser.Px(max(g.RowH, 1)), "")
		m.SetProperty("width", browser.Px(float64(g.PlotW())), "")
	}

	s := view.At(t, j)
	browser.SetText(v.InspHead, fmt.Sprintf("Step t = %d of %d · reads %s · unit %d of %d", t+1, view.T, a.stepWhat(t), j+1, view.H))
	browser.SetText(v.InspPred, a.prediction(t))

	a.Inspector(a.v, s)
	browser.SetHidden(v.BarsFig, !s.LSTM)
	if s.LSTM {
		a.Bars(a.v, view, t, j)
	}
}

// stepWhat names what the model read at step t.
func (a *app) stepWhat(t int) string {
	tr := a.st.Shown()
	if tr.Kind == lstm.Numbers {
		return present.FormatNumber(float64(tr.Values[t]))
	}
	return present.DescribeRune(tr.Symbols[t])
}

// prediction says what the model expects after step t, and what came.
func (a *app) prediction(t int) string {
	tr := a.st.Shown()
	if tr.Kind == lstm.Numbers {
		s := "Predicts next " + present.FormatNumber(float64(tr.Pred[t]))
		if t+1 < tr.T {
			s += ", actual " + present.FormatNumber(float64(tr.Values[t+1]))
		}
		return s + "."
	}
	s := fmt.Sprintf("Its guess for the next character: %s (%s)", present.DescribeRune(tr.Top[t]), present.FormatPercent(float64(tr.TopP[t])))
	if t+1 < tr.T {
		s += fmt.Sprintf("; the actual next, %s, got %s", present.DescribeRune(tr.Symbols[t+1]), present.FormatPercent(float64(tr.PNext[t])))
	}
	return s + "."
}

// ---- Line charts: the frame they share ----

// ---- Loss chart ----

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

// ---- Generate ----

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

// ---- Gradient reach ----

// announceTraining says a change of the engine's training state in the
// Training state live region (polite), once per change: started, paused at
// an update with its loss, or stopped and why (a divergence, the engine gone).
func (a *app) announceTraining() {
	if a.failed {
		if a.liveRunning {
			a.liveRunning = false
			browser.SetText(a.v.LiveTrain, "Training stopped: "+a.v.Fatal.TextContent())
		}
		return
	}
	if msg, ok := a.st.Announce(a.liveRunning); ok {
		a.liveRunning = !a.liveRunning
		browser.SetText(a.v.LiveTrain, msg)
	}
}
