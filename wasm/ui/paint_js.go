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

// painters are the page's parts in the order they paint: the cursor after the
// heatmaps (it takes their geometry), the comparison and the figures after both.
var painters = [...]painter{
	{"stats", DirtyStats, func(a *app, _ Dirty) { a.paintStats() }},
	{"status", DirtyStatus | DirtyErrors, func(a *app, _ Dirty) { a.paintStatus() }},
	{"errors", DirtyErrors, func(a *app, _ Dirty) { a.paintErrors() }},
	{"trace", DirtyTrace | DirtyLayout, func(a *app, _ Dirty) { a.paintTrace() }},
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

// paint is the frame callback: it sends the due requests and draws what
// changed. It returns whether it wants another frame.
func (a *app) paint(now float64) bool {
	t0 := a.probe.Start()
	waits := a.requests(now)
	d := a.dirty
	a.dirty = 0
	if d&DirtyLayout != 0 {
		a.Rem = browser.RootFontSize()
	}
	for i := range painters {
		p := &painters[i]
		if d&p.on == 0 {
			continue
		}
		t := a.probe.Start()
		p.paint(a, d)
		a.probe.Stop(p.name, t)
	}
	a.probe.Stop("frame", t0)
	return a.dirty != 0 || waits
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
