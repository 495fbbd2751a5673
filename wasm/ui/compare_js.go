//go:build js && wasm

package ui

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// This file is RNN beside LSTM: one click starts a second engine (a second
// worker from the same compiled module) with the same data, seed and size
// but the other cell, and trains both. The page shows a loss race chart of
// the two, the gradient reach of both, and the other model's states over the
// same probe, under the same time cursor. Train, Pause, Step, Reset and every
// setting go to both engines.

// compare is the second engine and what the page knows of it.
type compare struct {
	eng  *browser.EngineLink
	st   *State    // its conversation (a.pair.B) and what the page shows of it
	cell lstm.Cell // the second engine's cell: the other one
	bufs struct {
		rgba []byte
	}
	// side is what paintSide last drew: the other model's trace, its layer
	// and the width it was drawn at. Its messages come ~30 times a second,
	// a new trace at most 10: the heatmaps are drawn again only for a new one.
	side struct {
		tr    *protocol.TraceResult
		layer int
		w     float64
	}
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
	a.invalidate(a.st.SetError(present.FieldCompare, ""))
	if !a.st.HasData || a.failed {
		a.invalidate(a.st.SetError(present.FieldCompare, "There is no training data yet: type a training text or pick a preset."))
		return
	}
	c := &compare{cell: client.OtherCell(a.st.Want().Cell)}
	c.st = NewState(a.pair.Compare(func(b []byte) {
		if c.eng != nil {
			c.eng.Send(b)
		}
	}))
	c.st.Mode = a.st.Mode
	eng, err := browser.StartSecondEngine(a.cmpReceived, func(msg string) {
		a.invalidate(a.st.SetErrorBy(present.FieldCompare, func() string { return sayLang("ui.compare.stopped", msg) }))
		a.stopCompare()
	})
	if err != nil {
		a.pair.StopCompare()
		a.invalidate(a.st.SetErrorBy(present.FieldCompare, func() string { return sayLang("ui.compare.failed", err.Error()) }))
		return
	}
	c.eng = eng
	a.cmp = c
	// Both start from a fresh model with the same seed: the second engine
	// gets the data, the settings and Train when it is ready.
	a.st.Stale()
	a.pair.Reset()
	a.snapRestart()
	a.pair.Train()
	a.v.Cmp.Toggle.SetAttribute("aria-pressed", "true")
	browser.SetText(a.v.Cmp.Toggle, "Stop comparing")
	browser.SetHidden(a.v.Cmp.RaceFig, false)
	browser.SetHidden(a.v.Cmp.Side, false)
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
	a.v.Cmp.Toggle.SetAttribute("aria-pressed", "false")
	browser.SetText(a.v.Cmp.Toggle, "Compare LSTM and RNN")
	browser.SetHidden(a.v.Cmp.RaceFig, true)
	browser.SetHidden(a.v.Cmp.Side, true)
	a.invalidate(DirtyCompare | DirtyReach)
}

// cmpReceived handles a message of the second engine.
func (a *app) cmpReceived(b []byte) {
	defer a.probe.Stop("message2", a.probe.Start())
	c := a.cmp
	if c == nil {
		return
	}
	r, err := a.pair.ReceiveB(b)
	if err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldCompare, func() string { return sayLang("ui.compare.unreadable", err.Error()) }))
		return
	}
	if r.Msg == nil {
		return
	}
	if r.Tag == tagGap {
		a.gapReply(r)
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
		a.invalidate(a.st.SetErrorBy(present.FieldCompare, func() string { return sayLang("ui.side", c.cell.String(), ErrorText(m)) }))
	}
	a.invalidate(DirtyCompare | d&DirtyReach)
}

// engines is how many engines the page runs: 2 while comparing.
func (a *app) engines() int {
	if a.cmp != nil {
		return 2
	}
	return 1
}

// compareRequests sends the second engine's due requests; it reports whether
// one waits for a later frame.
func (a *app) compareRequests(now float64) bool {
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
	if st.TraceDue(now, a.engines()) {
		st.RequestTrace(now)
	}
	if st.ReachDue(now) {
		st.RequestReach(now)
	}
	return st.TraceWaiting()
}

// paintRace draws the smoothed loss of both models against the update.
func (a *app) paintRace() {
	if c := a.cmp; c != nil {
		a.Race(a.v, [2]panels.RaceRun{{Cell: a.st.Cfg.Cell, Hist: &a.st.Losses}, {Cell: c.cell, Hist: &c.st.Losses}})
	}
}

// paintSide draws the other model's h (and c) over the probe, on the page's
// time axis.
func (a *app) paintSide(d Dirty) {
	c, v := a.cmp, a.v.Cmp
	if c == nil {
		return
	}
	w := a.WidthOf(a.v.StackWrap)
	if d&DirtyLayout == 0 && c.side.tr != nil && c.side.tr == c.st.Shown() && c.side.layer == c.st.Layer && c.side.w == w {
		return
	}
	c.side.tr, c.side.layer, c.side.w = c.st.Shown(), c.st.Layer, w
	browser.SetText(v.SideT, "The "+c.cell.String()+" on the same probe")
	view, ok := c.st.View()
	if !ok {
		for _, sh := range v.Heat {
			browser.SetHidden(sh.Root, true)
		}
		browser.SetText(v.SidePred, "Waiting for the "+c.cell.String()+"…")
		return
	}
	g := present.NewGeometry(w, a.Gutter(), view.T, view.H)
	for i, sh := range v.Heat {
		data, name := view.Hid, "Hidden state h"
		if i == 1 {
			data, name = view.C, "Cell state c"
		}
		if data == nil {
			browser.SetHidden(sh.Root, true)
			continue
		}
		browser.SetHidden(sh.Root, false)
		browser.SetText(sh.Title, name+" of the "+c.cell.String()+", update "+present.FormatCount(c.st.Trace.Update))
		n := 4 * view.T * view.H
		if cap(c.bufs.rgba) < n {
			c.bufs.rgba = make([]byte, n)
		}
		limit := 1.0
		if i == 1 {
			var q float64
			q, a.Bufs.Scratch = present.AbsQuantile(view.C, 0.98, a.Bufs.Scratch)
			limit = present.NiceLimit(q, 1)
		}
		chart.Heatmap(c.bufs.rgba[:n], data, view.T, view.H, true, a.Bufs.Diverging(limit))
		sh.Canvas.Put(c.bufs.rgba[:n], view.T, view.H)
		st := sh.CanvasEl.Style()
		st.SetProperty("width", browser.Px(float64(g.PlotW())), "")
		st.SetProperty("height", browser.Px(float64(g.HeatH)), "")
		browser.SetText(sh.AxisBot, strconv.Itoa(view.H))
	}
}

// paintSideCursor moves the other model's time cursor with the page's, and
// says what both models predict at the cursor.
func (a *app) paintSideCursor() {
	c, v := a.cmp, a.v.Cmp
	if c == nil {
		return
	}
	view, ok := c.st.View()
	if !ok {
		return
	}
	g := present.NewGeometry(a.WidthOf(a.v.StackWrap), a.Gutter(), view.T, view.H)
	t := max(0, min(a.st.Cursor.T, view.T-1))
	for _, sh := range v.Heat {
		cs := sh.ColMark.Style()
		cs.SetProperty("left", browser.Px(float64(t*g.ColW)), "")
		cs.SetProperty("width", browser.Px(float64(g.ColW)), "")
	}
	main := a.st.Trace
	other := c.st.Trace
	if main == nil || other == nil || t >= main.T || t >= other.T {
		browser.SetText(v.SidePred, "")
		return
	}
	if other.Kind == lstm.Numbers {
		browser.SetText(v.SidePred, "Time step "+strconv.Itoa(t+1)+": the "+
			main.Cell.String()+" predicts "+present.FormatNumber(float64(main.Pred[t]))+" next, the "+other.Cell.String()+" "+present.FormatNumber(float64(other.Pred[t]))+".")
		return
	}
	// By catalogue id: the characters' names (a space, a newline) are words
	// of the page's language too.
	ch := func(r rune) string { return present.DescribeRuneIn(lang, r) }
	guess := func(tr *protocol.TraceResult) string {
		return sayLang("compare.guess", ch(tr.Top[t]), present.FormatPercent(float64(tr.TopP[t])))
	}
	args := []string{strconv.Itoa(t + 1), ch(other.Symbols[t]), main.Cell.String(), guess(main), other.Cell.String(), guess(other)}
	if t+1 < other.T {
		browser.SetText(v.SidePred, sayLang("compare.pred.next", append(args, ch(other.Symbols[t+1]),
			present.FormatPercent(float64(main.PNext[t])), present.FormatPercent(float64(other.PNext[t])))...))
		return
	}
	browser.SetText(v.SidePred, sayLang("compare.pred", args...))
}

// sidePointer moves the shared time cursor from the other model's heatmaps.
func (a *app) sidePointer(ev dom.Event, sh *panels.SideHeat) {
	c := a.cmp
	if c == nil {
		return
	}
	view, ok := c.st.View()
	if !ok {
		return
	}
	x, y := browser.PointerXY(ev)
	left, top, _, _ := browser.ClientRect(sh.CanvasEl)
	g := present.NewGeometry(a.WidthOf(a.v.StackWrap), a.Gutter(), view.T, view.H)
	a.invalidate(a.st.MoveCursor(g.Step(x-left), g.Unit(y-top)))
}

// wireCompare connects the comparison's controls.
func (a *app) wireCompare() {
	v := &a.v.Cmp
	browser.Listen(v.Toggle, "click", func(dom.Event) { a.toggleCompare() })
	for _, sh := range v.Heat {
		on := func(ev dom.Event) { a.sidePointer(ev, sh) }
		browser.Listen(sh.CanvasEl, "pointermove", on)
		browser.Listen(sh.CanvasEl, "pointerdown", on)
	}
}
