//go:build js && wasm

package ui

import (
	"math"
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file is the LSTM cell figure (issue 15): the article's cell drawn by
// wasm/cell for the unit and step under the time cursor, with the step
// inspector's values (present.LayerView.At); the RNN's own cell for an RNN;
// both side by side while comparing. The scene is built again only when the
// trace, the cursor, the unit or the page's language changes, never per frame. Hover or focus
// shows a part's equation; a play control walks the probe at a class pace.

// cellState is what the figure shows and its play control.
type cellState struct {
	shown  [2]*protocol.TraceResult // the traces drawn (the page's, the compared one)
	t, j   int
	lang   words.Lang // the language they were drawn in
	scenes [2]cell.Scene
	canvas [2]*panels.CellCanvas // each figure's painter (made on the first paint)
	n      int                   // scenes drawn: 0, 1 or 2
	eqFig  int                   // the figure and part whose equation is shown
	eqID   string                // ("" for none)
	stop   func()
	scale  panels.CScale // the colour scale of c drawn
}

// sayID is panels.Say: the catalogue's message id in the page's language.
func sayID(id string, args ...string) string { return panels.Say(id, args...) }

// cellText is the cell.Text of the page's catalogue.
var cellText cell.Text = func(id string, args ...string) string { return panels.Say(id, args...) }

// cellStep fills a cell.Step from the trace at step t of unit j: the step
// inspector's values, what was read and what is predicted.
func cellStep(tr *protocol.TraceResult, view present.LayerView, t, j int, cLimit float64) cell.Step {
	s := view.At(t, j)
	st := cell.Step{T: s.T, Unit: s.Unit, Zf: s.Zf, CPrev: s.CPrev, Zi: s.Zi, Z: s.Z, C: s.C, Zo: s.Zo,
		HPrev: s.HPrev, H: s.H, LSTM: s.LSTM, CLimit: cLimit, P: math.NaN()}
	t = s.T
	if tr.Kind == lstm.Numbers {
		st.Numbers = true
		if t < len(tr.Values) {
			st.X = present.FormatNumber(float64(tr.Values[t]))
		}
		if t < len(tr.Pred) {
			st.Y = present.FormatNumber(float64(tr.Pred[t]))
		}
		return st
	}
	if t < len(tr.Symbols) {
		st.X = present.DisplayRune(tr.Symbols[t])
	}
	if t < len(tr.Top) && t < len(tr.TopP) {
		st.Y, st.P = present.DisplayRune(tr.Top[t]), float64(tr.TopP[t])
	}
	return st
}

// paintCell draws the figures again if their trace, step, unit or language
// changed; while comparing, a new trace of one model redraws its figure only.
func (a *app) paintCell(d Dirty) {
	if d&(DirtyTrace|DirtyCursor|DirtyCompare) == 0 {
		return
	}
	cs, v := &a.cellSt, &a.v.Fig
	trs := [2]*protocol.TraceResult{a.st.Shown()}
	if a.cmp != nil {
		trs[1] = a.cmp.st.Shown()
	}
	t, j := a.st.Cursor.T, a.st.Cursor.Unit
	same := t == cs.t && j == cs.j && lang == cs.lang && cs.scale == a.CScale // but for the traces
	if same && trs == cs.shown {
		return
	}
	old := cs.shown
	cs.shown, cs.t, cs.j, cs.lang, cs.n, cs.scale = trs, t, j, lang, 0, a.CScale
	for i, tr := range trs {
		f := &v.Figs[i]
		if tr == nil || tr.T == 0 || len(tr.Layers) == 0 {
			browser.SetHidden(f.Root, true)
			continue
		}
		if same && tr == old[i] { // this figure shows it already: only the other model's trace is new
			browser.SetHidden(f.Root, false)
			cs.n = i + 1
			continue
		}
		view := present.Layer(tr, min(a.st.Layer, len(tr.Layers)-1))
		step := cellStep(tr, view, t, j, a.CLimit(j))
		cs.scenes[i] = cell.Build(step, cellText)
		if cs.canvas[i] == nil {
			cs.canvas[i] = panels.NewCellCanvas(f)
		}
		cs.canvas[i].Paint(&cs.scenes[i])
		f.Canvas.SetAttribute("aria-label", cs.scenes[i].Title)
		browser.SetText(f.Desc, cell.Describe(&cs.scenes[i], cellText))
		browser.SetHidden(f.Root, false)
		cs.n = i + 1
	}
	browser.SetHidden(v.Empty, cs.n > 0)
	title := "cellui.title"
	if cs.n == 1 && !cs.scenes[0].LSTM {
		title = "cellui.title.rnn"
	}
	browser.SetText(v.Title, sayID(title))
	a.paintCellParts()
	a.showEquation(cs.eqFig, cs.eqID) // the part pointed at or focused, with the new numbers
}

// paintCellParts writes the part list: the page's model's parts (each value
// once), each a button with its symbol and value.
func (a *app) paintCellParts() {
	cs := &a.cellSt
	if cs.n == 0 {
		a.v.CellPartButtons(0)
		return
	}
	sc := &cs.scenes[0]
	n := 0
	for i := range sc.Parts {
		if sc.Parts[i].Of == "" {
			n++
		}
	}
	btns := a.v.CellPartButtons(n)
	k := 0
	for i := range sc.Parts {
		p := &sc.Parts[i]
		if p.Of != "" {
			continue
		}
		label := p.Symbol.String()
		if p.Text != "" {
			label += " = " + p.Text
		}
		browser.SetText(btns[k], label)
		btns[k].SetAttribute("data-part", p.ID)
		btns[k].SetAttribute("aria-describedby", "cell-eq")
		k++
	}
}

// showEquation writes part id's name and equation (figure i) under the figure.
func (a *app) showEquation(i int, id string) {
	cs, v := &a.cellSt, &a.v.Fig
	cs.eqFig, cs.eqID = i, id
	var p *cell.Part
	if i < cs.n {
		p = cs.scenes[i].Part(id)
	}
	if p == nil {
		browser.SetText(v.Eq, sayID("cellui.eqhint"))
		return
	}
	browser.SetText(v.Eq, p.Tooltip())
}

// cellHover shows the equation of the part under the pointer on figure i.
func (a *app) cellHover(i int, ev dom.Event) {
	f := &a.v.Fig.Figs[i]
	if i >= a.cellSt.n {
		return
	}
	x, y := browser.PointerXY(ev)
	left, top, w, h := browser.ClientRect(f.Canvas)
	vx, vy := cell.ToView(x-left, y-top, w, h)
	if id := a.cellSt.scenes[i].At(vx, vy); id != "" {
		a.showEquation(i, id)
	}
}

// togglePlay starts or stops walking the probe one step at the chosen pace.
func (a *app) togglePlay() {
	cs, v := &a.cellSt, &a.v.Fig
	if cs.stop != nil {
		cs.stop()
		cs.stop = nil
		browser.SetText(v.Play, sayID("cellui.play"))
		v.Play.SetAttribute("aria-pressed", "false")
		return
	}
	k, _ := strconv.Atoi(v.Speed.Value())
	ms := panels.CellSpeeds[max(0, min(k, len(panels.CellSpeeds)-1))].Ms
	cs.stop = browser.Interval(ms, func() {
		view, ok := a.st.View()
		if !ok {
			return
		}
		t := a.st.Cursor.T + 1
		if t >= view.T {
			t = 0
		}
		a.invalidate(a.st.MoveCursor(t, a.st.Cursor.Unit))
	})
	browser.SetText(v.Play, sayID("cellui.pause"))
	v.Play.SetAttribute("aria-pressed", "true")
}

// cellFileName names an export of the figure.
func (a *app) cellFileName(ext string) string {
	return "lstm-cell-unit-" + strconv.Itoa(a.st.Cursor.Unit+1) + "-step-" + strconv.Itoa(a.st.Cursor.T+1) + "." + ext
}

// wireCell connects the figure: hover, the part list, play and the exports.
func (a *app) wireCell() {
	v := &a.v.Fig
	if browser.ReducedMotion() {
		v.Speed.SetValue("0")
	}
	for i := range v.Figs {
		browser.Listen(v.Figs[i].Canvas, "pointermove", func(ev dom.Event) { a.cellHover(i, ev) })
	}
	browser.Listen(v.Parts, "focusin", func(ev dom.Event) { a.showEquation(0, browser.Target(ev).GetAttribute("data-part")) })
	browser.Listen(v.Parts, "pointerover", func(ev dom.Event) { a.showEquation(0, browser.Target(ev).GetAttribute("data-part")) })
	browser.Listen(v.Play, "click", func(dom.Event) { a.togglePlay() })
	browser.Listen(v.Speed, "change", func(dom.Event) {
		if a.cellSt.stop != nil {
			a.togglePlay()
			a.togglePlay()
		}
	})
	browser.Listen(v.SVG, "click", func(dom.Event) {
		if a.cellSt.n > 0 {
			browser.Download(a.cellFileName("svg"), "image/svg+xml", cell.AppendSVG(nil, &a.cellSt.scenes[0], cellText))
		}
	})
	browser.Listen(v.PNG, "click", func(dom.Event) {
		if a.cellSt.n > 0 {
			browser.DownloadSVGPNG(cell.AppendSVG(nil, &a.cellSt.scenes[0], cellText), a.cellFileName("png"), cell.ViewW, cell.ViewH, 2)
		}
	})
}
