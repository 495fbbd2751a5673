//go:build js && wasm

package ui

import (
	"lstmplayground/wasm/ui/browser"
)

// This file is the frame: each animation frame sends a due trace or reach
// request and repaints the parts that changed, each by its own painter.

// paint is the frame callback: it sends a due Trace request and draws what
// changed. It returns whether it wants another frame.
func (a *app) paint(now float64) bool {
	if a.st.TraceDue(now) && !a.failed {
		a.st.RequestTrace(now)
	}
	if a.st.ReachDue(now) && !a.failed {
		a.st.RequestReach(now)
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
	gapWaits := a.gapPaint(now, d)
	a.paintInside(d)
	a.paintCell(d)
	a.paintLesson(d)
	a.paintSnap(d)
	return a.dirty != 0 || a.st.TraceWaiting() || cmpWaits || inWaits || gapWaits
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
