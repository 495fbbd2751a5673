//go:build js && wasm

package ui

import (
	"fmt"
	"math"
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
)

// This file is RNN beside LSTM: one click starts a second engine (a second
// worker from the same compiled module) with the same data, seed and size
// but the other cell, and trains both. The page shows a loss race chart of
// the two, the gradient reach of both, and the other model's states over the
// same probe, under the same time cursor. Train, Pause, Step, Reset and every
// setting go to both engines.

// FieldCompare names the alert of the comparison.
const FieldCompare = "Compare"

// compare is the second engine and what the page knows of it.
type compare struct {
	eng  *engineLink
	st   *State    // its conversation (a.pair.B) and what the page shows of it
	cell lstm.Cell // the second engine's cell: the other one
	bufs struct {
		rgba []byte
		pts  []chart.Point
		path []byte
	}
}

// compareView holds the comparison's elements.
type compareView struct {
	toggle   *dom.HTMLButtonElement
	hint     dom.HTMLElement
	row      dom.HTMLElement
	race     *drawCanvas
	raceFig  dom.HTMLElement
	raceNote dom.HTMLElement
	side     dom.HTMLElement // the other model over the probe
	sideT    dom.HTMLElement
	sideNote dom.HTMLElement
	sidePred dom.HTMLElement
	heat     [2]*sideHeat // h, then c (LSTM only)
}

// sideHeat is one heatmap of the other model.
type sideHeat struct {
	root     dom.HTMLElement
	title    dom.HTMLElement
	canvas   *pixelCanvas
	canvasEl *dom.HTMLCanvasElement
	colMark  dom.HTMLElement
	axisBot  dom.HTMLElement
}

// buildCompare makes the comparison's controls and charts: the toggle and
// the race chart go to the output column, the other model's heatmaps to the
// model column.
func (v *view) buildCompare() (row, race, side dom.HTMLElement) {
	b, c := v.b, &v.cmp
	c.toggle = b.el("button", attr{"type", "button"}, cls("btn btn-compare"), attr{"aria-pressed", "false"},
		attr{"aria-describedby", "compare-hint"}, "Compare LSTM and RNN").(*dom.HTMLButtonElement)
	c.hint = b.el("p", cls("hint"), id("compare-hint"),
		"Trains an LSTM and a plain RNN side by side: same data, seed and size, both from scratch. Clearest on the Counting aⁿXbⁿ and Balanced brackets presets.")
	c.row = b.el("div", cls("compare-row"), c.toggle, c.hint, v.alert(FieldCompare))

	cv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", "race-title"}, attr{"aria-describedby", "race-note"}).(*dom.HTMLCanvasElement)
	c.race = newDrawCanvas(cv)
	c.raceNote = b.el("p", cls("hint"), id("race-note"), attr{"aria-live", "off"})
	c.raceFig = b.el("figure", cls("race-fig"), attr{"aria-labelledby", "race-title"},
		v.pngButton("Loss race", cv, false), b.el("h3", id("race-title"), "Loss race: LSTM and RNN"),
		b.el("p", cls("howto"), "How to read: each model's smoothed loss against its own update count (blue solid LSTM, orange dashed RNN); the lower line has learnt more from the same number of updates."),
		cv, c.raceNote)
	setHidden(c.raceFig, true)

	c.sideT = b.el("h3", id("side-title"), "The other model on the same probe")
	c.sideNote = b.el("p", cls("hint"), "Same probe, same time cursor: move the cursor in either model's heatmaps.")
	c.sidePred = b.el("p", cls("side-pred"), attr{"aria-live", "polite"})
	heats := make([]dom.HTMLElement, 0, 2)
	for i, name := range []string{"h", "c"} {
		sh := &sideHeat{}
		tid := "side-heat-" + name
		sh.canvasEl = b.el("canvas", cls("heat"), attr{"role", "img"}, attr{"aria-labelledby", tid}, attr{"aria-describedby", "heat-how"}).(*dom.HTMLCanvasElement)
		sh.canvas = newPixelCanvas(sh.canvasEl)
		sh.colMark = b.el("div", cls("col-mark"), attr{"aria-hidden", "true"})
		sh.title = b.el("h3", id(tid))
		sh.axisBot = b.el("span")
		sh.root = b.el("figure", cls("heat-block"), attr{"aria-labelledby", tid},
			b.el("div", cls("heat-head"), sh.title),
			b.el("div", cls("heat-plot"),
				b.el("div", cls("heat-axis"), attr{"aria-hidden", "true"}, b.el("span", "1"), b.el("span", cls("axis-name"), "unit"), sh.axisBot),
				b.el("div", cls("heat-canvas"), sh.canvasEl, sh.colMark)))
		c.heat[i] = sh
		heats = append(heats, sh.root)
	}
	c.side = b.el("section", cls("side"), attr{"aria-labelledby", "side-title"}, c.sideT, c.sideNote, c.sidePred,
		b.el("div", cls("side-scroll"), heats))
	setHidden(c.side, true)
	return c.row, c.raceFig, c.side
}

// compareGroups returns what a teacher link's hide=compare hides.
func (v *view) compareGroups() []dom.HTMLElement {
	return []dom.HTMLElement{v.cmp.row, v.cmp.raceFig, v.cmp.side}
}

// toggleCompare starts or stops the comparison.
func (a *app) toggleCompare() {
	if a.cmp != nil {
		a.stopCompare()
		return
	}
	a.startCompare()
}

// startCompare pauses and resets the page's model, starts the second engine
// with the other cell, and trains both once it has the data.
func (a *app) startCompare() {
	a.invalidate(a.st.SetError(FieldCompare, ""))
	if !a.st.HasData || a.failed {
		a.invalidate(a.st.SetError(FieldCompare, "There is no training data yet: type a training text or pick a preset."))
		return
	}
	c := &compare{cell: client.OtherCell(a.st.Cfg.Cell)}
	c.st = NewState(a.pair.Compare(func(b []byte) {
		if c.eng != nil {
			c.eng.Send(b)
		}
	}))
	c.st.Mode = a.st.Mode
	eng, err := startSecondEngine(a.cmpReceived, func(msg string) {
		a.invalidate(a.st.SetError(FieldCompare, "The second engine stopped: "+msg+"."))
		a.stopCompare()
	})
	if err != nil {
		a.pair.StopCompare()
		a.invalidate(a.st.SetError(FieldCompare, "The comparison could not start: "+err.Error()+"."))
		return
	}
	c.eng = eng
	a.cmp = c
	// Both start from a fresh model with the same seed: the second engine
	// gets the data, the settings and Train when it is ready.
	a.st.Stale()
	a.pair.Reset()
	a.pair.Train()
	a.v.cmp.toggle.SetAttribute("aria-pressed", "true")
	setText(a.v.cmp.toggle, "Stop comparing")
	setHidden(a.v.cmp.raceFig, false)
	setHidden(a.v.cmp.side, false)
	a.invalidate(DirtyAll)
}

// stopCompare ends the second engine; its last gradient reach stays on the
// chart for reference.
func (a *app) stopCompare() {
	c := a.cmp
	if c == nil {
		return
	}
	c.eng.Close()
	c.eng = nil
	a.pair.StopCompare()
	a.cmp = nil
	a.v.cmp.toggle.SetAttribute("aria-pressed", "false")
	setText(a.v.cmp.toggle, "Compare LSTM and RNN")
	setHidden(a.v.cmp.raceFig, true)
	setHidden(a.v.cmp.side, true)
	a.invalidate(DirtyCompare | DirtyReach)
}

// cmpReceived handles a message of the second engine.
func (a *app) cmpReceived(b []byte) {
	c := a.cmp
	if c == nil {
		return
	}
	r, err := a.pair.ReceiveB(b)
	if err != nil {
		a.invalidate(a.st.SetError(FieldCompare, "The page could not read the second engine: "+err.Error()))
		return
	}
	if r.Msg == nil {
		return
	}
	d, _ := c.st.Apply(r)
	switch m := r.Msg.(type) {
	case protocol.ReachResult:
		if int(m.Cell) < len(a.st.Reach) {
			if rr := c.st.Reach[m.Cell]; rr != nil {
				a.st.Reach[m.Cell] = rr
				d |= DirtyReach
			}
		}
	case protocol.Error:
		a.invalidate(a.st.SetError(FieldCompare, c.cell.String()+": "+ErrorText(m)))
	}
	a.invalidate(DirtyCompare | d&DirtyReach)
}

// comparePaint sends the second engine's due requests and draws the
// comparison; it reports whether it waits for a later frame.
func (a *app) comparePaint(now float64, d Dirty) bool {
	c := a.cmp
	if c == nil {
		return false
	}
	st := c.st
	st.Mode = a.st.Mode
	st.Layer = a.st.Layer
	if st.Probe != a.st.Probe {
		st.SetProbe(a.st.Probe)
	}
	if st.TraceDue(now) {
		st.RequestTrace(now)
	}
	if st.ReachDue(now) {
		st.RequestReach(now)
	}
	if d&(DirtyCompare|DirtyLoss|DirtyLayout) != 0 {
		a.paintRace()
	}
	if d&(DirtyCompare|DirtyTrace|DirtyLayout) != 0 {
		a.paintSide()
	}
	if d&(DirtyCompare|DirtyTrace|DirtyCursor|DirtyLayout) != 0 {
		a.paintSideCursor()
	}
	return st.TraceWaiting()
}

// raceStyle returns the colour and dash of a cell's line: LSTM blue and
// solid, RNN vermilion and dashed, as in the gradient reach chart.
func raceStyle(cell lstm.Cell) (string, []float64) {
	k := int(cell)
	return seriesColors[k], seriesDashes[k]
}

// paintRace draws the smoothed loss of both models against the update.
func (a *app) paintRace() {
	c, v := a.cmp, a.v.cmp
	if c == nil {
		return
	}
	cv := v.race
	w, h := a.beginChart(cv, v.raceFig, 11)
	lf := a.font(0.72, "600")
	type run struct {
		cell lstm.Cell
		hist *LossHistory
	}
	runs := []run{{a.st.Cfg.Cell, &a.st.Losses}, {c.cell, &c.st.Losses}}
	var first, last uint64 = math.MaxUint64, 0
	lo, hi := math.Inf(1), 0.0
	for _, r := range runs {
		if r.hist.Len() == 0 {
			continue
		}
		first = min(first, r.hist.First)
		last = max(last, r.hist.Next()-1)
		if l, h, ok := r.hist.SmoothRange(); ok {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	left, bottom := math.Round(3.2*a.rem), math.Round(2.4*a.rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: math.Round(1.5 * a.rem), Right: 12, Bottom: bottom, Left: left})
	// legend: the line's look and the cell's name
	x := r.X0
	for _, rn := range runs {
		col, dash := raceStyle(rn.cell)
		cv.Stroke([]byte(fmt.Sprintf("M%g %gL%g %g", x, 7.5, x+22, 7.5)), col, 2, dash)
		cv.Text(rn.cell.String(), x+26, 7.5, lf, col, "left", "middle")
		x += 26 + cv.TextWidth(rn.cell.String(), lf) + a.rem
	}
	if last == 0 || !(hi > 0) {
		a.chartAxes(cv, r, h, "update", "loss", nil, nil)
		a.chartMessage(cv, r, "Both models are starting…")
		setText(v.raceNote, "The loss of each model, smoothed, against its update. The same data, seed and size; only the cell differs.")
		return
	}
	xs := chart.Linear{D0: float64(first), D1: max(float64(last), float64(first)+10), R0: r.X0, R1: r.X1}
	var ys chart.Scale = chart.Linear{D0: 0, D1: hi * 1.05, R0: r.Y1, R1: r.Y0}.Nice(4)
	yName := "loss"
	if hi/lo > 30 {
		ys = chart.Log{D0: lo, D1: hi, R0: r.Y1, R1: r.Y0}.Nice()
		yName = "loss (log)"
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.chartAxes(cv, r, h, "update", yName, ys.Ticks(4), xs.Ticks(a.xTickCount(r)))
	note := "The loss of each model, smoothed, against its update: lower is better. "
	for i, rn := range runs {
		if rn.hist.Len() == 0 {
			continue
		}
		col, dash := raceStyle(rn.cell)
		c.bufs.pts = rn.hist.AppendSmooth(c.bufs.pts[:0], f)
		c.bufs.path = chart.AppendPath(c.bufs.path[:0], c.bufs.pts)
		cv.Stroke(c.bufs.path, col, 2, dash)
		if sm, ok := rn.hist.LastSmooth(); ok {
			if i > 0 {
				note += "; "
			}
			note += fmt.Sprintf("%s: %s after %s updates", rn.cell, formatSig(sm, 3), FormatCount(rn.hist.Next()-1))
		}
	}
	note += "."
	// At the same update, the race is fair whatever each engine's speed.
	at := min(runs[0].hist.Next(), runs[1].hist.Next())
	if at > 1 && runs[0].hist.Len() > 0 && runs[1].hist.Len() > 0 {
		a0, ok0 := smoothAt(runs[0].hist, at-1)
		a1, ok1 := smoothAt(runs[1].hist, at-1)
		if ok0 && ok1 {
			note += fmt.Sprintf(" At update %s, both: %s %s, %s %s.", FormatCount(at-1), runs[0].cell, formatSig(a0, 3), runs[1].cell, formatSig(a1, 3))
			x := math.Round(xs.Map(float64(at-1))) + 0.5
			cv.Line(x, r.Y0, x, r.Y1, colAxis, 1)
		}
	}
	setText(v.raceNote, note)
}

// smoothAt returns the smoothed loss of update u, or the nearest before it.
func smoothAt(h *LossHistory, u uint64) (float64, bool) { return h.SmoothAt(u) }

// paintSide draws the other model's h (and c) over the probe, on the page's
// time axis.
func (a *app) paintSide() {
	c, v := a.cmp, a.v.cmp
	if c == nil {
		return
	}
	setText(v.sideT, fmt.Sprintf("The %s on the same probe", c.cell))
	view, ok := c.st.View()
	if !ok {
		for _, sh := range v.heat {
			setHidden(sh.root, true)
		}
		setText(v.sidePred, "Waiting for the "+c.cell.String()+"…")
		return
	}
	g := NewGeometry(float64(a.v.stackWrap.OffsetWidth()), a.gutter(), view.T, view.H)
	for i, sh := range v.heat {
		data, name := view.Hid, "Hidden state h"
		if i == 1 {
			data, name = view.C, "Cell state c"
		}
		if data == nil {
			setHidden(sh.root, true)
			continue
		}
		setHidden(sh.root, false)
		setText(sh.title, fmt.Sprintf("%s of the %s, update %s", name, c.cell, FormatCount(c.st.Trace.Update)))
		n := 4 * view.T * view.H
		if cap(c.bufs.rgba) < n {
			c.bufs.rgba = make([]byte, n)
		}
		limit := 1.0
		if i == 1 {
			var q float64
			q, a.bufs.scratch = AbsQuantile(view.C, 0.98, a.bufs.scratch)
			limit = NiceLimit(q, 1)
		}
		chart.Heatmap(c.bufs.rgba[:n], data, view.T, view.H, true, a.bufs.diverging(limit))
		sh.canvas.Put(c.bufs.rgba[:n], view.T, view.H)
		st := sh.canvasEl.Style()
		st.SetProperty("width", px(float64(g.PlotW())), "")
		st.SetProperty("height", px(float64(g.HeatH)), "")
		setText(sh.axisBot, strconv.Itoa(view.H))
	}
}

// paintSideCursor moves the other model's time cursor with the page's, and
// says what both models predict at the cursor.
func (a *app) paintSideCursor() {
	c, v := a.cmp, a.v.cmp
	if c == nil {
		return
	}
	view, ok := c.st.View()
	if !ok {
		return
	}
	g := NewGeometry(float64(a.v.stackWrap.OffsetWidth()), a.gutter(), view.T, view.H)
	t := max(0, min(a.st.Cursor.T, view.T-1))
	for _, sh := range v.heat {
		cs := sh.colMark.Style()
		cs.SetProperty("left", px(float64(t*g.ColW)), "")
		cs.SetProperty("width", px(float64(g.ColW)), "")
	}
	main := a.st.Trace
	other := c.st.Trace
	if main == nil || other == nil || t >= main.T || t >= other.T {
		setText(v.sidePred, "")
		return
	}
	if other.Kind == lstm.Numbers {
		setText(v.sidePred, fmt.Sprintf("Step %d: the %s predicts %s next, the %s %s.", t+1,
			main.Cell, FormatNumber(float64(main.Pred[t])), other.Cell, FormatNumber(float64(other.Pred[t]))))
		return
	}
	s := fmt.Sprintf("Step %d, after %s: the %s guesses %s (%s), the %s %s (%s)", t+1, DescribeRune(other.Symbols[t]),
		main.Cell, DescribeRune(main.Top[t]), FormatPercent(float64(main.TopP[t])),
		other.Cell, DescribeRune(other.Top[t]), FormatPercent(float64(other.TopP[t])))
	if t+1 < other.T {
		s += fmt.Sprintf("; the actual next, %s, got %s and %s", DescribeRune(other.Symbols[t+1]),
			FormatPercent(float64(main.PNext[t])), FormatPercent(float64(other.PNext[t])))
	}
	setText(v.sidePred, s+".")
}

// sidePointer moves the shared time cursor from the other model's heatmaps.
func (a *app) sidePointer(ev dom.Event, sh *sideHeat) {
	c := a.cmp
	if c == nil {
		return
	}
	view, ok := c.st.View()
	if !ok {
		return
	}
	x, y := pointerXY(ev)
	left, top, _, _ := clientRect(sh.canvasEl)
	g := NewGeometry(float64(a.v.stackWrap.OffsetWidth()), a.gutter(), view.T, view.H)
	a.invalidate(a.st.MoveCursor(g.Step(x-left), g.Unit(y-top)))
}

// wireCompare connects the comparison's controls.
func (a *app) wireCompare() {
	v := &a.v.cmp
	listen(v.toggle, "click", func(dom.Event) { a.toggleCompare() })
	for _, sh := range v.heat {
		on := func(ev dom.Event) { a.sidePointer(ev, sh) }
		listen(sh.canvasEl, "pointermove", on)
		listen(sh.canvasEl, "pointerdown", on)
	}
}
