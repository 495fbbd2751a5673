//go:build js && wasm

package ui

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/ui/slowmo"
)

// This file is "One update in slow motion" (issue 15, item 3): a button
// beside One update that, while training is paused, makes one real update with its
// record (SlowStep) and walks through it in the numbered stages of
// wasm/ui/slowmo — the window, the forward pass step by step, the loss, the
// gradient going back along c and h on the LSTM cell figure and as a curve,
// the clip, the weight change, done. Nothing of it is built or drawn while
// training runs: the walk closes, and the button says why it waits.

// tagSlow marks the walk's SlowStep; set apart from state.go's tags.
const tagSlow client.Tag = 200

// slowState is the walk's elements and position.
type slowState struct {
	btn                *dom.HTMLButtonElement
	why                dom.HTMLElement // why the button cannot go now, after a press
	sec                dom.HTMLElement
	caption, pos, keys dom.HTMLElement
	heading            dom.HTMLElement
	stages             []*dom.HTMLButtonElement
	window, windowNote dom.HTMLElement
	cells              []dom.HTMLElement
	figBox, figDesc    dom.HTMLElement
	curveBox           dom.HTMLElement
	fig, curve         *dom.HTMLImageElement
	table              dom.HTMLElement
	prev, next, close  *dom.HTMLButtonElement
	walk               *slowmo.Walk
	waiting            bool
	svg                []byte
	said               string // the button's state last shown (slowButton), so that training repaints nothing
}

// slowButtonMarkup is the walk's button, in the training group; slowWhyMarkup
// the notice of why it cannot start, under the top bar (wireSlowmo).
const slowButtonMarkup = `<button type="button" class="btn" id="slowmo-open" aria-describedby="slowmo-why"></button>`

const slowWhyMarkup = `<p class="notice" id="slowmo-why" role="status" hidden></p>`

// wireSlowmo builds the button (in the training group, after One update) and the
// walk's panel (under the top bar, hidden), and connects them.
func (a *app) wireSlowmo() {
	s := &a.slow
	s.btn = a.v.B.Markup(slowButtonMarkup).Root.(*dom.HTMLButtonElement)
	a.v.GrpRun.InsertBefore(s.btn, a.v.Reset)
	s.why = a.v.B.Markup(slowWhyMarkup).Root
	browser.Parent(a.v.Notice).InsertBefore(s.why, browser.NextSibling(a.v.Notice))
	a.buildSlowPanel()
	a.v.App.InsertBefore(s.sec, a.v.Fatal)
	browser.Listen(s.btn, "click", func(dom.Event) { a.slowPress() })
	browser.Listen(s.prev, "click", func(dom.Event) { a.slowMove(s.walk.Prev) })
	browser.Listen(s.next, "click", func(dom.Event) { a.slowMove(s.walk.Next) })
	browser.Listen(s.close, "click", func(dom.Event) { a.slowClose(true) })
	browser.Listen(s.sec, "keydown", func(ev dom.Event) { a.slowKey(ev) })
	browser.Listen(a.v.Lang, "change", func(dom.Event) { a.slowWords() }) // after wireLang's: the language is set
	a.slowWords()
}

// slowMarkup is the walk's panel, under the top bar, hidden; its words are
// written by slowWords. The curve is drawn as the cell figure is (an SVG
// image, class cell-img) and, at phone width, scrolls sideways as it does:
// the scroller takes focus so that the keyboard can scroll it too.
const slowMarkup = `
<section class="slowmo" id="slowmo" aria-labelledby="slowmo-h" tabindex="-1" hidden>
  <div class="slowmo-head">
    <h2 id="slowmo-h" data-ref="heading"></h2>
    <button type="button" class="btn btn-small btn-quiet" id="slowmo-close" data-ref="close"></button>
  </div>
  <p class="howto" data-ref="keys"></p>
  <ol class="slowmo-stages" id="slowmo-stages" data-ref="stages"></ol>
  <p class="slowmo-caption" id="slowmo-caption" aria-live="polite" data-ref="caption"></p>
  <p class="slowmo-pos" id="slowmo-pos" data-ref="pos"></p>
  <p class="slowmo-note" data-ref="window-note"></p>
  <div class="slowmo-window" id="slowmo-window" translate="no" data-ref="window"></div>
  <div class="slowmo-body">
    <div class="slowmo-fig cell-one" tabindex="0" role="group" aria-labelledby="slowmo-h" data-ref="fig-box">
      <img class="cell-img" id="slowmo-cell" aria-describedby="slowmo-cell-desc" data-ref="fig">
      <p class="visually-hidden" id="slowmo-cell-desc" data-ref="fig-desc"></p>
    </div>
    <div class="slowmo-curvebox cell-one" tabindex="0" role="group" aria-labelledby="slowmo-h" data-ref="curve-box">
      <img class="cell-img" id="slowmo-curve" data-ref="curve">
    </div>
  </div>
  <table class="slowmo-table" id="slowmo-table" data-ref="table"></table>
  <div class="slowmo-nav">
    <button type="button" class="btn" id="slowmo-prev" data-ref="prev"></button>
    <button type="button" class="btn btn-train" id="slowmo-next" data-ref="next"></button>
  </div>
</section>`

// buildSlowPanel makes the walk's panel: heading, stages, caption, window,
// figure, curve, table and the Back/Next/Close buttons.
func (a *app) buildSlowPanel() {
	s, b := &a.slow, a.v.B
	t := b.Markup(slowMarkup)
	s.sec, s.heading, s.keys, s.caption, s.pos = t.Root, t.El("heading"), t.El("keys"), t.El("caption"), t.El("pos")
	s.windowNote, s.window, s.figBox, s.figDesc, s.curveBox, s.table = t.El("window-note"), t.El("window"), t.El("fig-box"), t.El("fig-desc"), t.El("curve-box"), t.El("table")
	s.fig = t.Image("fig")
	s.curve = t.Image("curve")
	s.close = t.Button("close")
	s.prev = t.Button("prev")
	s.next = t.Button("next")
	for i := 1; i <= slowmo.Stages; i++ {
		st := b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small slowmo-stage")).(*dom.HTMLButtonElement)
		st.SetAttribute("data-stage", strconv.Itoa(i))
		browser.Listen(st, "click", func(dom.Event) {
			if a.slow.walk != nil {
				a.slowMove(func() bool { return a.slow.walk.Go(a.slow.walk.Start(slowmo.Stage(i))) })
			}
		})
		s.stages = append(s.stages, st)
		t.El("stages").AppendChild(b.El("li", st))
	}
}

// slowWords writes the walk's words in the page's language.
func (a *app) slowWords() {
	s := &a.slow
	browser.SetText(s.btn, sayID("slowmo.button"))
	browser.SetText(s.heading, sayID("slowmo.title"))
	browser.SetText(s.close, sayID("slowmo.close"))
	browser.SetText(s.keys, sayID("slowmo.keys"))
	browser.SetText(s.prev, sayID("slowmo.prev"))
	browser.SetText(s.next, sayID("slowmo.next"))
	browser.SetText(s.windowNote, sayID("slowmo.window"))
	browser.Parent(browser.Parent(s.stages[0])).SetAttribute("aria-label", sayID("slowmo.stages"))
	for i, st := range s.stages {
		browser.SetText(st, sayID("slowmo.stage."+strconv.Itoa(i+1)))
	}
	s.said = ""
	a.slowButton()
	if s.walk != nil {
		a.slowRender()
	}
}

// slowWhy returns why the button cannot make an update now ("" if it can).
func (a *app) slowWhy() string {
	switch {
	case a.st.Running:
		return sayID("slowmo.why.running")
	case !a.st.HasData || a.st.Gen == 0 || a.failed:
		return sayID("slowmo.why.noModel")
	}
	return ""
}

// slowButton shows whether the button can go now, and why not: it stays
// focusable (aria-disabled), so that a press says the reason.
func (a *app) slowButton() {
	s := &a.slow
	why := a.slowWhy()
	state := why + strconv.FormatBool(s.waiting)
	if state == s.said {
		return // as shown: training repaints the top bar's figures often, this button never
	}
	s.said = state
	s.btn.SetAttribute("aria-disabled", strconv.FormatBool(why != "" || s.waiting))
	browser.SetClass(s.btn, "disabled", why != "")
	if why == "" {
		why = sayID("slowmo.why.ready")
		browser.SetHidden(s.why, true)
	}
	s.btn.SetAttribute("title", why)
	browser.SetText(s.why, why)
}

// slowPress makes the update, or says why it cannot.
func (a *app) slowPress() {
	s := &a.slow
	if s.waiting {
		return
	}
	if why := a.slowWhy(); why != "" {
		browser.SetText(s.why, why)
		browser.SetHidden(s.why, false)
		return
	}
	browser.SetHidden(s.why, true)
	if a.st.SlowStep(tagSlow) == 0 {
		return
	}
	if p := a.pair; p.B != nil && p.B.Ready {
		p.B.Step() // the compared model takes its update too
	}
	a.st.ModelReset = false
	a.st.Stale()
	s.waiting, s.walk = true, nil
	browser.SetText(s.caption, sayID("slowmo.waiting"))
	a.slowShow(false)
	browser.SetHidden(s.sec, false)
	a.invalidate(DirtyStats)
}

// slowReply takes the SlowStep's answer: the record to walk, or why the
// engine did not make the update.
func (a *app) slowReply(r client.Reply) {
	s := &a.slow
	s.waiting = false
	switch m := r.Msg.(type) {
	case protocol.SlowStepResult:
		if r.Stale {
			a.slowClose(false)
			return
		}
		s.walk = slowmo.New(&m, a.st.Layer, a.st.Cursor.Unit)
		a.slowCells()
		a.slowRender()
		s.sec.Focus()
	case protocol.Error:
		browser.SetText(s.caption, sayID("slowmo.failed", ErrorText(m)))
	}
	a.slowButton()
}

// slowMove moves the walk with f and draws the new position.
func (a *app) slowMove(f func() bool) {
	if a.slow.walk != nil && f() {
		a.slowRender()
	}
}

// slowKey: ← and → move, Home and End jump to the ends, Escape closes.
func (a *app) slowKey(ev dom.Event) {
	w := a.slow.walk
	if w == nil || browser.EventModified(ev) {
		return
	}
	switch browser.EventKey(ev) {
	case "ArrowRight":
		a.slowMove(w.Next)
	case "ArrowLeft":
		a.slowMove(w.Prev)
	case "Home":
		a.slowMove(func() bool { return w.Go(0) })
	case "End":
		a.slowMove(func() bool { return w.Go(w.Len() - 1) })
	case "Escape":
		a.slowClose(true)
	default:
		return
	}
	ev.PreventDefault()
}

// slowClose hides the walk and forgets it (focus back on the button if asked).
func (a *app) slowClose(focus bool) {
	s := &a.slow
	s.walk = nil
	browser.SetHidden(s.sec, true)
	if focus {
		s.btn.Focus()
	}
}

// paintSlowmo follows training: the button's state, and the walk closes
// when training runs or the model it shows is gone.
func (a *app) paintSlowmo(d Dirty) {
	s := &a.slow
	if d&(DirtyStats|DirtyStatus) == 0 || s.btn == nil {
		return
	}
	if s.waiting && !a.st.Waiting(tagSlow) { // the engine restarted: its answer will not come
		s.waiting = false
		a.slowClose(false)
	}
	a.slowButton()
	if s.walk != nil && (a.st.Running || s.walk.R.Gen != a.st.Gen) {
		a.slowClose(false)
	}
}

// slowCells writes the window: each symbol read, the symbol scored under it.
func (a *app) slowCells() {
	s, b, r := &a.slow, a.v.B, a.slow.walk.R
	browser.Clear(s.window)
	s.cells = s.cells[:0]
	f := &r.Forward
	for t := range f.T {
		in, tgt := "", ""
		if f.Kind == lstm.Numbers {
			in, tgt = present.FormatNumber(float64(f.Values[t])), present.FormatNumber(float64(r.TargetValues[t]))
		} else {
			in, tgt = present.DisplayRune(f.Symbols[t]), present.DisplayRune(r.Targets[t])
		}
		x, y := b.El("span", browser.Cls("slowmo-in")), b.El("span", browser.Cls("slowmo-tgt"))
		browser.SetContent(x, in)
		browser.SetContent(y, tgt)
		c := b.El("span", browser.Cls("slowmo-sym"), x, y)
		s.cells = append(s.cells, c)
		s.window.AppendChild(c)
	}
}

// slowShow shows or hides the parts of the walk that need a record.
func (a *app) slowShow(on bool) {
	s := &a.slow
	for _, e := range []dom.Element{s.pos, s.windowNote, s.window, s.figBox, s.curveBox, s.table, s.prev, s.next} {
		browser.SetHidden(e, !on)
	}
	for _, st := range s.stages {
		st.SetDisabled(!on)
	}
}

// slowRender draws the walk's position: caption, stage, window, figure,
// curve and table.
func (a *app) slowRender() {
	s, w := &a.slow, a.slow.walk
	a.slowShow(true)
	stage, t := w.At()
	browser.SetText(s.caption, w.Caption(sayID))
	browser.SetText(s.pos, sayID("slowmo.pos", strconv.Itoa(int(stage)), strconv.Itoa(slowmo.Stages), strconv.Itoa(w.Pos()+1), strconv.Itoa(w.Len()),
		present.FormatCount(w.R.Update)))
	for i, st := range s.stages {
		if i+1 == int(stage) {
			st.SetAttribute("aria-current", "step")
		} else {
			st.RemoveAttribute("aria-current")
		}
	}
	s.prev.SetDisabled(w.Pos() == 0)
	s.next.SetDisabled(w.Pos() == w.Len()-1)
	for k, c := range s.cells {
		browser.SetClass(c, "now", k == t)
		browser.SetClass(c, "done", stage == slowmo.StageForward && k < t || stage == slowmo.StageBack && k > t)
	}
	browser.SetHidden(s.window, stage > slowmo.StageBack)
	browser.SetHidden(s.windowNote, stage > slowmo.StageBack)
	a.slowFigure(stage, t)
	if svg, title, ok := w.Curve(sayID); ok {
		browser.SetSVGImage(s.curve, svg)
		s.curve.SetAttribute("alt", title)
		browser.SetHidden(s.curveBox, false)
	} else {
		browser.SetHidden(s.curveBox, true)
	}
	a.slowTable(stage == slowmo.StageChange)
}

// slowFigure draws the cell of the walk's unit at step t: the forward
// values in stage 2, and with the gradient flowing back in stage 4.
func (a *app) slowFigure(stage slowmo.Stage, t int) {
	s, w := &a.slow, a.slow.walk
	if stage != slowmo.StageForward && stage != slowmo.StageBack {
		browser.SetHidden(s.figBox, true)
		return
	}
	f := &w.R.Forward
	step := cellStep(f, present.Layer(f, w.Layer), t, w.Unit, a.v.Heat[panels.HeatC].Limit)
	sc := cell.Build(step, cellText)
	if stage == slowmo.StageBack {
		sc.AddGrad(w.Grad(t))
	}
	s.svg = cell.AppendSVG(s.svg[:0], &sc, cellText)
	browser.SetSVGImage(s.fig, s.svg)
	s.fig.SetAttribute("alt", sc.Title)
	browser.SetText(s.figDesc, cell.Describe(&sc, cellText))
	browser.SetHidden(s.figBox, false)
}

// slowTable writes the weight changes (stage 6), or hides the table.
func (a *app) slowTable(on bool) {
	s, b := &a.slow, a.v.B
	browser.SetHidden(s.table, !on)
	if !on {
		return
	}
	browser.Clear(s.table)
	s.table.AppendChild(b.El("caption", sayID("slowmo.table.caption")))
	head := b.El("tr")
	for _, k := range []string{"matrix", "norm", "delta", "rel", "max"} {
		head.AppendChild(b.El("th", browser.Attr("scope", "col"), sayID("slowmo.table."+k)))
	}
	s.table.AppendChild(b.El("thead", head))
	body := b.El("tbody")
	for _, row := range slowmo.Changes(a.slow.walk.R, sayID) {
		tr := b.El("tr", b.El("th", browser.Attr("scope", "row"), row.Name))
		for _, v := range row.Format() {
			tr.AppendChild(b.El("td", v))
		}
		body.AppendChild(tr)
	}
	s.table.AppendChild(body)
}
