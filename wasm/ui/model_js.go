//go:build js && wasm

package ui

import (
	"math"
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// This file is the model column's wiring and painting: the probe, the layer,
// the heatmaps, the line charts of chosen units, the mean change per step,
// and the time cursor with the step inspector it drives (by pointer and by
// keyboard). Its elements are built by panels (model_js.go).

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
		units, err := present.ParseUnits(v.Units.Value(), view.H, MaxUnitsShown)
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
		msg := "Time step " + strconv.Itoa(s.T+1) + ", " + a.stepLabel(s.T) + ", unit " + strconv.Itoa(s.Unit+1) + ": h " + present.FormatValue(s.H)
		if s.LSTM {
			msg = "Time step " + strconv.Itoa(s.T+1) + ", " + a.stepLabel(s.T) + ", unit " + strconv.Itoa(s.Unit+1) + ": c " + present.FormatValue(s.C) + ", h " + present.FormatValue(s.H)
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

	width := a.WidthOf(v.StackWrap)
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
}

// traceNote says which model the heatmaps show and how much of the probe.
func (a *app) traceNote(view present.LayerView) string {
	tr := a.st.Shown()
	note := "Model after update " + present.FormatCount(tr.Update) + ", reading " + strconv.Itoa(view.T) + " steps of the probe"
	if a.st.ProbeCut {
		note += " (the first " + strconv.Itoa(content.ProbeSteps) + ")"
	}
	switch {
	case a.st.Pinned != nil:
		note = "Training snapshot: the model at update " + present.FormatCount(tr.Update) + ", reading " + strconv.Itoa(view.T) +
			" steps of the probe. Move the Training snapshot slider to its right end for the live model."
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
// change per step of c and h (after paintTrace, whose geometry it takes).
func (a *app) paintLines() {
	v, st := a.v, a.st
	view, ok := st.View()
	if !ok {
		return // paintTrace hid the charts
	}
	units := st.Units
	if !unitsFit(units, view.H) {
		st.autoUnits()
		units = st.Units
	}
	if st.UnitsAuto && !browser.IsFocused(v.Units) {
		v.Units.SetValue(present.FormatUnits(units))
	}
	h := math.Round(6 * a.Rem)
	unitList := present.FormatUnits(units)
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

func (a *app) paintCursor() {
	v, st := a.v, a.st
	view, ok := st.View()
	if !ok {
		browser.SetText(v.InspHead, "The time-step inspector shows every value of one time step once a trace is shown.")
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
	browser.SetText(v.InspHead, "Time step t = "+strconv.Itoa(t+1)+" of "+strconv.Itoa(view.T)+" · reads "+a.stepWhat(t)+" · unit "+strconv.Itoa(j+1)+" of "+strconv.Itoa(view.H))
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
	s := "Its guess for the next character: " + present.DescribeRune(tr.Top[t]) + " (" + present.FormatPercent(float64(tr.TopP[t])) + ")"
	if t+1 < tr.T {
		s += "; the actual next, " + present.DescribeRune(tr.Symbols[t+1]) + ", got " + present.FormatPercent(float64(tr.PNext[t]))
	}
	return s + "."
}

// heatShown reports whether heatmap k applies to the shown cell: the RNN has
// only h.
func (a *app) heatShown(k panels.HeatKind, view present.LayerView) bool {
	return k == panels.HeatH || view.LSTM()
}
