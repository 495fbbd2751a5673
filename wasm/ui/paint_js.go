//go:build js && wasm

package ui

import (
	"lstmplayground/wasm/ui/browser"
)

// This file is the frame: each animation frame sends the due requests and
// repaints the parts that changed, each by its own painter.

// painter is one part of the page: it paints when one of the marks in on is
// set (its paint gets the marks set since it last painted).
type painter struct {
	name   string // for the frame probe
	on     Dirty
	paint  func(a *app, d Dirty)
	every  float64 // the least time between two of its paints, in ms (frameQueue's every)
	urgent Dirty   // the marks that paint it at once all the same (frameQueue's urgent)
}

// painters are the page's parts in the order they paint: the cursor and the
// line charts after the heatmaps (they take their geometry), the comparison
// and the figures after both.
var painters = [...]painter{
	{"stats", DirtyStats, func(a *app, _ Dirty) { a.paintStats() }, 0, 0},
	{"status", DirtyStatus | DirtyErrors, func(a *app, _ Dirty) { a.paintStatus() }, 0, 0},
	{"errors", DirtyErrors, func(a *app, _ Dirty) { a.paintErrors() }, 0, 0},
	{"trace", DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintTrace() }, 0, 0},
	{"lines", DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintLines() }, 0, 0},
	{"cursor", DirtyTrace | DirtyCursor | DirtyLayout, func(a *app, _ Dirty) { a.paintCursor() }, 0, 0},
	{"loss", DirtyLoss | DirtyLayout, func(a *app, _ Dirty) { a.paintLoss() }, chartEvery, 0},
	{"sample", DirtySample | DirtyLayout, func(a *app, _ Dirty) { a.paintSample() }, 0, 0},
	{"reach", DirtyReach | DirtyLayout | DirtyStatus, func(a *app, _ Dirty) { a.Reach(a.v, a.st.Reach[:], a.st.Cfg.Cell) }, 0, 0},
	{"race", DirtyCompare | DirtyLoss | DirtyLayout, func(a *app, _ Dirty) { a.paintRace() }, raceEvery, 0},
	{"side", DirtyCompare | DirtyTrace | DirtyLayout, (*app).paintSide, 0, 0},
	{"sidecursor", DirtyCompare | DirtyTrace | DirtyCursor | DirtyLayout, func(a *app, _ Dirty) { a.paintSideCursor() }, 0, 0},
	{"inside", DirtyUnits | DirtyCursor | DirtyTrace | DirtyLayout | DirtyUnitText, (*app).paintInside, 0, 0},
	{"cell", DirtyTrace | DirtyCursor | DirtyCompare, (*app).paintCell, cellEvery, DirtyCursor},
	{"lesson", DirtyTrace | DirtyCursor, (*app).paintLesson, 0, 0},
	{"snap", DirtySnap | DirtyStats, (*app).paintSnap, 0, 0},
	{"slowmo", DirtyStats | DirtyStatus, (*app).paintSlowmo, 0, 0},
	{"gap", DirtyCompare | DirtyLayout | DirtyStatus, func(a *app, _ Dirty) {
		if a.gap.shown {
			a.paintGap()
		}
	}, 0, 0},
}

// relayout is what the frames know of the layout they measured.
type relayout struct {
	measured bool // the last frame painted: the next one checks the widths it used
	times    int  // frames in a row whose widths changed
}

// chartEvery is the least time between two paints of the loss and race
// charts, in ms: every other frame at 60 Hz.
const chartEvery = 30

// raceEvery is the least time between two paints of the race chart: it is
// shown only while two engines train, whose Progress messages each mark it.
const raceEvery = 100

// cellEvery is the least time between two paints of the cell figures while
// only new traces come (a moved cursor paints them at once): a figure's
// canvas, its part list and its description cost some 2 ms a model, and the
// numbers of a training model cannot be read at ten a second anyway.
const cellEvery = 250

// paintsOn are the marks each painter paints on, paintsEvery the least time
// between two of its paints, and paintsUrgent the marks that paint it at once.
var paintsOn, paintsEvery, paintsUrgent = func() (on [len(painters)]Dirty, every [len(painters)]float64, urgent [len(painters)]Dirty) {
	for i, p := range painters {
		on[i], every[i], urgent[i] = p.on, p.every, p.urgent
	}
	return on, every, urgent
}()

// paint is the frame callback: it sends the due requests and draws what
// changed, painter by painter, until the frame's budget is spent. It returns
// whether it wants another frame.
func (a *app) paint(now float64) bool {
	if !a.shown {
		// Nothing is on screen before start shows the page (it asks for a
		// frame of everything then): the marks wait for it.
		return false
	}
	t0 := a.probe.Start()
	waits := a.requests(now)
	q := &a.queue
	d := a.dirty
	a.dirty = 0
	if a.relay.measured || d != 0 {
		d |= a.measure(d)
	}
	q.mark(d, paintsOn[:])
	q.every, q.urgent, q.now = paintsEvery[:], paintsUrgent[:], now
	start := browser.PerfNow()
	ran, left := q.run(func(i int, d Dirty) {
		t := a.probe.Start()
		painters[i].paint(a, d)
		a.probe.Stop(painters[i].name, t)
	}, func() float64 { return browser.PerfNow() - start })
	a.EndFrame()
	a.relay.measured = ran > 0
	a.probe.Stop("frame", t0)
	return a.dirty != 0 || waits || a.relay.measured || left
}

// measure takes the frame's layout before anything is written: the root
// font size and the widths the painters use. A width that changed since the
// frame before (the page's own parts appeared or went, a scroll bar came) is
// a new layout, as a resize is: the parts are painted again (twice in a row
// at most, should a repaint change a width again).
func (a *app) measure(d Dirty) Dirty {
	v, r := a.v, &a.relay
	if d&DirtyLayout != 0 {
		a.Rem = browser.RootFontSize()
	}
	if !a.Measure(v.StackWrap, v.LossFig, v.ReachFig, v.SampleFig, v.BarsFig, v.Cmp.RaceFig) {
		r.times = 0
		return 0
	}
	if r.times++; r.times > 2 {
		return 0
	}
	return DirtyLayout | DirtyTrace | DirtyLoss | DirtyCursor | DirtySample
}

// requests sends the due Trace and Reach requests of both engines and those
// of the unit view; it reports whether one waits for a later frame.
func (a *app) requests(now float64) bool {
	if a.st.TraceDue(now, a.engines()) && !a.failed {
		a.st.RequestTrace(now)
	}
	if a.st.ReachDue(now) && !a.failed {
		a.st.RequestReach(now)
	}
	cmpWaits := a.compareRequests(now)
	inWaits := a.insidePaint(now)
	gapWaits := a.gapRequests(now)
	return a.st.TraceWaiting() || cmpWaits || inWaits || gapWaits
}

// ---- top bar ----

// ---- data column ----

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

// ---- time cursor and step inspector ----

// ---- Line charts: the frame they share ----

// ---- Loss chart ----

// ---- Generate ----

// ---- Gradient reach ----
