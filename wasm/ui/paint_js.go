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
	name  string // for the frame probe
	on    Dirty
	paint func(a *app, d Dirty)
}

// painters are the page's parts in the order they paint: the cursor and the
// line charts after the heatmaps (they take their geometry), the comparison
// and the figures after both.
var painters = [...]painter{
	{"stats", DirtyStats, func(a *app, _ Dirty) { a.paintStats() }},
	{"status", DirtyStatus | DirtyErrors, func(a *app, _ Dirty) { a.paintStatus() }},
	{"errors", DirtyErrors, func(a *app, _ Dirty) { a.paintErrors() }},
	{"trace", DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintTrace() }},
	{"lines", DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintLines() }},
	{"cursor", DirtyTrace | DirtyCursor | DirtyLayout, func(a *app, _ Dirty) { a.paintCursor() }},
	{"loss", DirtyLoss | DirtyLayout, func(a *app, _ Dirty) { a.paintLoss() }},
	{"sample", DirtySample | DirtyLayout, func(a *app, _ Dirty) { a.paintSample() }},
	{"reach", DirtyReach | DirtyLayout | DirtyStatus, func(a *app, _ Dirty) { a.Reach(a.v, a.st.Reach[:], a.st.Cfg.Cell) }},
	{"race", DirtyCompare | DirtyLoss | DirtyLayout, func(a *app, _ Dirty) { a.paintRace() }},
	{"side", DirtyCompare | DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintSide() }},
	{"sidecursor", DirtyCompare | DirtyTrace | DirtyCursor | DirtyLayout, func(a *app, _ Dirty) { a.paintSideCursor() }},
	{"inside", DirtyUnits | DirtyCursor | DirtyTrace | DirtyLayout, (*app).paintInside},
	{"cell", DirtyTrace | DirtyCursor | DirtyCompare, (*app).paintCell},
	{"lesson", DirtyTrace | DirtyCursor, (*app).paintLesson},
	{"snap", DirtySnap | DirtyStats, (*app).paintSnap},
}

// frameBudget is the time, in ms, a frame spends painting before it leaves
// the parts still to paint to the next frames: the browser needs the rest of
// the frame (16.7 ms at 60 Hz) to lay out and draw what changed. A part left
// over maxWait frames paints whatever the budget says, so that none shows
// what it shows more than maxWait frames late.
const (
	frameBudget = 6
	maxWait     = 2
)

// frameQueue is what is left to paint: the marks each painter has not
// painted yet, and the painter the next frame starts with, so that every
// part has its turn however busy the frames are.
type frameQueue struct {
	due       []Dirty // by painter
	waited    []int   // frames each painter has been left over
	next      int
	measured  bool // the last frame painted: the next one checks the widths it used
	relayouts int  // frames in a row whose widths changed
}

// paint is the frame callback: it sends the due requests and draws what
// changed, painter by painter, until the frame's budget is spent. It returns
// whether it wants another frame.
func (a *app) paint(now float64) bool {
	t0 := a.probe.Start()
	waits := a.requests(now)
	q := &a.queue
	if q.due == nil {
		q.due, q.waited = make([]Dirty, len(painters)), make([]int, len(painters))
	}
	d := a.dirty
	a.dirty = 0
	if q.measured || d != 0 {
		d |= a.measure(d)
	}
	for i := range painters {
		if d&painters[i].on != 0 {
			q.due[i] |= d
		}
	}
	start, ran, left := browser.PerfNow(), 0, false
	for k := range painters {
		i := (q.next + k) % len(painters)
		if q.due[i] == 0 {
			continue
		}
		if ran > 0 && q.waited[i] < maxWait && browser.PerfNow()-start > frameBudget {
			if !left {
				q.next, left = i, true
			}
			q.waited[i]++
			continue
		}
		q.waited[i] = 0
		p, pd := &painters[i], q.due[i]
		q.due[i] = 0
		t := a.probe.Start()
		p.paint(a, pd)
		a.probe.Stop(p.name, t)
		ran++
	}
	if !left {
		q.next = 0 // all painted: the next frame starts with the first part again
	}
	a.EndFrame()
	q.measured = ran > 0
	a.probe.Stop("frame", t0)
	return a.dirty != 0 || waits || q.measured || left
}

// measure takes the frame's layout before anything is written: the root
// font size and the widths the painters use. A width that changed since the
// frame before (the page's own parts appeared or went, a scroll bar came) is
// a new layout, as a resize is: the parts are painted again (twice in a row
// at most, should a repaint change a width again).
func (a *app) measure(d Dirty) Dirty {
	v, q := a.v, &a.queue
	if d&DirtyLayout != 0 {
		a.Rem = browser.RootFontSize()
	}
	if !a.Measure(v.StackWrap, v.LossFig, v.ReachFig, v.SampleFig, v.BarsFig, v.Cmp.RaceFig) {
		q.relayouts = 0
		return 0
	}
	if q.relayouts++; q.relayouts > 2 {
		return 0
	}
	return DirtyLayout | DirtyTrace | DirtyLoss | DirtyCursor | DirtySample
}

// requests sends the due Trace and Reach requests of both engines and those
// of the unit view; it reports whether one waits for a later frame.
func (a *app) requests(now float64) bool {
	if a.st.TraceDue(now) && !a.failed {
		a.st.RequestTrace(now)
	}
	if a.st.ReachDue(now) && !a.failed {
		a.st.RequestReach(now)
	}
	cmpWaits := a.compareRequests(now)
	inWaits := a.insidePaint(now)
	return a.st.TraceWaiting() || cmpWaits || inWaits
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
