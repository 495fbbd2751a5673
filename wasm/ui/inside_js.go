//go:build js && wasm

package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/analysis"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
)

// This file is the unit view of the model column: heatmap rows sorted by
// similarity (analysis.OrderUnits), the training text coloured by one unit's
// activation, the units best correlated with features of the text
// (analysis.Correlate), gate saturation (analysis.GateStats), and
// interventions: a unit of c or h clamped, and the change in the predictions.

// Field names of the unit view's inputs and alerts.
const (
	FieldClampUnit  = "Clamp unit"
	FieldClampValue = "Clamp value"
)

// unitTextInterval is the least time between two unit-text traces while
// training runs, in ms.
const unitTextInterval = 2000

// clampInterval is the least time between two intervention traces while
// training runs, in ms.
const clampInterval = 700

// SpecClampValue is the range of a clamped value.
var SpecClampValue = FloatSpec{FieldClampValue, -50, 50}

// inside is the state of the unit view.
type inside struct {
	// the unit text's trace
	text      *protocol.TraceResult
	textSent  float64
	textStale bool

	// the heatmaps' row order: nil by unit number
	sorted    bool
	order     []int
	orderPos  []int
	orderUpd  uint64
	orderMade bool
	permBuf   []float32

	// what the coloured text shows
	colourKey  string
	spansKey   string
	matchesKey string

	// the intervention
	clamp      *lstm.Intervention
	clampRes   [2]*protocol.TraceResult // without, with
	clampSent  float64
	clampStale bool
}

// insideView holds the unit view's elements.
type insideView struct {
	root       dom.HTMLElement
	order      *dom.HTMLSelectElement
	state      *dom.HTMLSelectElement
	featBody   dom.HTMLElement
	featNote   dom.HTMLElement
	textHead   dom.HTMLElement
	text       dom.HTMLElement
	spans      []dom.HTMLElement
	gateBody   dom.HTMLElement
	gateNote   dom.HTMLElement
	clampState *dom.HTMLSelectElement
	clampUnit  *dom.HTMLInputElement
	clampValue *dom.HTMLInputElement
	clampApply *dom.HTMLButtonElement
	clampClear *dom.HTMLButtonElement
	clampOut   dom.HTMLElement
	clampRows  dom.HTMLElement
	clampCells [][]dom.HTMLElement // reads, guess, clamped: one span per step
	featRows   []*featRow
	gateRows   []*gateRow
}

// featRow is a row of the feature table.
type featRow struct {
	row, name, btn, r, bar dom.HTMLElement
}

// gateRow is a row of the gate statistics.
type gateRow struct {
	row, shut, open, shutBar, openBar dom.HTMLElement
}

// buildInside makes the unit view.
func (v *view) buildInside() dom.HTMLElement {
	b, w := v.b, &v.in
	var f field
	w.order, f = v.selectField("row-order", "Heatmap rows", "", [][2]string{{"number", "By unit number"}, {"similar", "Similar units together"}})
	orderF := f
	orderF.root.Class().Add("inline")
	w.state, f = v.selectField("unit-state", "Unit state", "", [][2]string{{"c", "c (the cell state)"}, {"h", "h (the hidden state)"}})
	stateF := f
	stateF.root.Class().Add("inline")

	w.featBody = b.el("tbody")
	w.featNote = b.el("p", cls("hint"), attr{"aria-live", "polite"})
	feat := b.el("div", cls("unit-part"),
		b.el("h4", "Units that follow the text"),
		b.el("p", cls("howto"), "How to read: each row is a simple feature of the training text and the unit whose activation goes up and down with it (r near ±1). Press a unit to colour the text by it."),
		b.el("table", cls("feat-table"), b.el("thead", b.el("tr", b.el("th", "feature"), b.el("th", "unit"), b.el("th", "r"))), w.featBody),
		w.featNote)

	w.textHead = b.el("p", cls("unit-text-head"), attr{"aria-live", "polite"})
	w.text = b.el("pre", cls("unit-text"), attr{"tabindex", "0"}, attr{"role", "region"}, attr{"aria-label", "Training text coloured by the chosen unit"})
	text := b.el("div", cls("unit-part"),
		b.el("h4", "The text, coloured by one unit"),
		b.el("p", cls("howto"), "How to read: every character of the start of the training text is coloured by the chosen unit after reading it: orange positive, blue negative, white near 0. Click a row of a heatmap (or a unit above) to choose the unit."),
		w.textHead, w.text)

	w.gateBody = b.el("tbody")
	w.gateNote = b.el("p", cls("hint"))
	gates := b.el("div", cls("unit-part"),
		b.el("h4", "Gate statistics"),
		b.el("p", cls("howto"), "How to read: how often each gate is nearly shut (below 0.1) or wide open (above 0.9) over the start of the training text. A gate that is often shut or open acts like a switch."),
		b.el("table", cls("gate-table"), b.el("thead", b.el("tr", b.el("th", "gate"), b.el("th", "shut < 0.1"), b.el("th", "open > 0.9"), b.el("th", attr{"aria-hidden", "true"}, ""))), w.gateBody),
		w.gateNote)

	w.clampState = b.el("select", id("clamp-state"), b.el("option", attr{"value", "c"}, "c"), b.el("option", attr{"value", "h"}, "h")).(*dom.HTMLSelectElement)
	v.controls["Clamp state"] = w.clampState
	w.clampUnit = b.el("input", id("clamp-unit"), attr{"type", "number"}, attr{"min", "1"}, attr{"step", "1"}, attr{"inputmode", "numeric"}, attr{"autocomplete", "off"}).(*dom.HTMLInputElement)
	v.controls[FieldClampUnit] = w.clampUnit
	w.clampValue = b.el("input", id("clamp-value"), attr{"type", "number"}, attr{"step", "any"}, attr{"inputmode", "decimal"}, attr{"autocomplete", "off"}, attr{"value", "0"}).(*dom.HTMLInputElement)
	v.controls[FieldClampValue] = w.clampValue
	w.clampApply = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Clamp and compare").(*dom.HTMLButtonElement)
	w.clampClear = b.el("button", attr{"type", "button"}, cls("btn btn-small btn-quiet"), "Release the unit").(*dom.HTMLButtonElement)
	w.clampOut = b.el("p", cls("clamp-out"), attr{"aria-live", "polite"})
	w.clampRows = b.el("div", cls("clamp-rows"), attr{"aria-hidden", "true"})
	clamp := b.el("div", cls("unit-part"),
		b.el("h4", "Intervene"),
		b.el("p", cls("howto"), "Hold one unit of c or h at a value at every step of the probe (0 switches it off) and see how the model's guesses change. A unit that matters changes them."),
		b.el("div", cls("clamp-row"),
			b.el("label", attr{"for", "clamp-state"}, "Clamp state"), w.clampState,
			b.el("label", attr{"for", "clamp-unit"}, FieldClampUnit), w.clampUnit,
			b.el("label", attr{"for", "clamp-value"}, FieldClampValue), w.clampValue,
			w.clampApply, w.clampClear),
		v.alert(FieldClampUnit), v.alert(FieldClampValue),
		w.clampOut, w.clampRows)
	setHidden(w.clampClear, true)

	w.root = b.el("section", cls("inside"), attr{"aria-labelledby", "h-units"},
		b.el("h3", id("h-units"), "Units: what each one does"),
		b.el("div", cls("inline-row unit-opts"), orderF.root, stateF.root),
		feat, text, gates, clamp)
	return w.root
}

// unitGroups returns what a teacher link's hide=units hides.
func (v *view) unitGroups() []dom.HTMLElement { return []dom.HTMLElement{v.grpUnits, v.in.root} }

// ---- requests ----

// insideStale marks the unit text's and the intervention's traces out of
// date (the model changed).
func (a *app) insideStale() {
	a.in.textStale = true
	a.in.clampStale = true
}

// insidePaint sends the unit view's due requests; it reports whether one will
// be due later.
func (a *app) insidePaint(now float64) bool {
	in, st := &a.in, a.st
	if !st.Ready || st.Status.Params == 0 || !st.HasData || a.failed || a.sentText == "" {
		return false
	}
	wait := false
	gap := 300.0
	if st.Running {
		gap = unitTextInterval
	}
	if in.textStale && !st.Waiting(tagUnitText) {
		if now-in.textSent >= gap {
			in.textSent, in.textStale = now, false
			st.Conn.Trace(tagUnitText, UnitTextProbe(a.sentText, a.sentMode), nil)
		} else {
			wait = true
		}
	}
	if in.clamp != nil && in.clampStale && !st.Waiting(tagClampBefore) && !st.Waiting(tagClampAfter) {
		if now-in.clampSent >= clampInterval || !st.Running {
			a.sendClamp(now)
		} else {
			wait = true
		}
	}
	return wait
}

// sendClamp asks for the probe's trace without and with the intervention.
func (a *app) sendClamp(now float64) {
	in := &a.in
	probe, _ := TruncateProbe(a.st.Probe, a.st.Mode)
	a.forgetClamp()
	in.clampSent, in.clampStale = now, false
	a.st.Conn.Trace(tagClampBefore, probe, nil)
	a.st.Conn.Trace(tagClampAfter, probe, []lstm.Intervention{*in.clamp})
}

// forgetClamp drops the intervention's traces, shown or under way.
func (a *app) forgetClamp() {
	a.in.clampRes = [2]*protocol.TraceResult{}
	a.st.Forget(tagClampBefore)
	a.st.Forget(tagClampAfter)
}

// insideReply takes the answer to one of the unit view's traces: of the
// coloured text, or of the probe without and with the intervention.
func (a *app) insideReply(r client.Reply) {
	in := &a.in
	switch m := r.Msg.(type) {
	case protocol.TraceResult:
		if r.Stale {
			in.textStale = in.textStale || r.Tag == tagUnitText
			in.clampStale = in.clampStale || r.Tag != tagUnitText
			return
		}
		switch r.Tag {
		case tagUnitText:
			in.text = &m
			a.invalidate(DirtyUnits)
			return
		case tagClampBefore:
			in.clampRes[0] = &m
		case tagClampAfter:
			in.clampRes[1] = &m
		}
		if in.clampRes[0] != nil && in.clampRes[1] != nil {
			a.invalidate(DirtyUnits)
		}
	case protocol.Error:
		if r.Tag == tagUnitText {
			in.text = nil
			setText(a.v.in.textHead, ErrorText(m))
			return
		}
		a.forgetClamp()
		in.clamp = nil
		setHidden(a.v.in.clampClear, true)
		a.invalidate(a.st.SetError(FieldClampUnit, ErrorText(m)))
	}
}

// ---- the heatmaps' row order ----

// rowOrder returns the order of the heatmap rows for view (nil: by unit
// number). Sorted rows are computed again only when training is paused, so
// that the rows do not jump about while the model trains.
func (a *app) rowOrder(view LayerView) []int {
	in := &a.in
	if !in.sorted {
		return nil
	}
	tr := a.st.Shown()
	stale := !ValidOrder(in.order, view.H) || !in.orderMade || (!a.st.Running && tr != nil && tr.Update != in.orderUpd)
	if stale {
		x := view.C
		if !view.LSTM() {
			x = view.Hid
		}
		in.order = analysis.OrderUnits(x, view.T, view.H)
		in.orderPos = InvertOrder(in.order)
		in.orderMade = true
		if tr != nil {
			in.orderUpd = tr.Update
		}
	}
	return in.order
}

// unitAtRow returns the unit shown in heatmap row r.
func (a *app) unitAtRow(r int) int {
	if a.in.sorted && r >= 0 && r < len(a.in.order) {
		return a.in.order[r]
	}
	return r
}

// rowOfUnit returns the heatmap row of unit j.
func (a *app) rowOfUnit(j int) int {
	if a.in.sorted && j >= 0 && j < len(a.in.orderPos) {
		return a.in.orderPos[j]
	}
	return j
}

// ---- painting ----

// paintInside draws the unit view: the feature table, the coloured text, the
// gate statistics and the intervention.
func (a *app) paintInside(d Dirty) {
	if d&(DirtyUnits|DirtyCursor|DirtyTrace|DirtyLayout) == 0 {
		return
	}
	w, in := &a.v.in, &a.in
	tr := in.text
	useC := w.state.Value() != "h"
	if tr == nil || tr.T == 0 || len(tr.Layers) == 0 {
		setText(w.textHead, "Train the model for a moment: the start of the training text is read by it and shown here.")
		for _, r := range w.featRows {
			setHidden(r.row, true)
		}
		for _, r := range w.gateRows {
			setHidden(r.row, true)
		}
		setText(w.featNote, "")
		setText(w.gateNote, "")
		in.spansKey, in.colourKey, in.matchesKey = "", "", ""
		for _, s := range w.spans {
			s.Remove()
		}
		w.spans = w.spans[:0]
		a.paintClamp()
		return
	}
	view := Layer(tr, a.st.Layer)
	act, sym := view.C, "c"
	if !useC || !view.LSTM() {
		act, sym = view.Hid, "h"
	}
	unit := max(0, min(a.st.Cursor.Unit, view.H-1))
	if d&(DirtyUnits|DirtyLayout) != 0 {
		a.paintFeatures(tr, view, act, sym)
		a.paintGates(view)
	}
	a.paintUnitText(tr, view, act, sym, unit)
	if d&(DirtyUnits|DirtyLayout) != 0 {
		a.paintClamp()
	}
}

// paintFeatures lists, for each feature of the text, the unit that follows
// it best.
func (a *app) paintFeatures(tr *protocol.TraceResult, view LayerView, act []float32, sym string) {
	w, in := &a.v.in, &a.in
	key := fmt.Sprintf("%d|%d|%s|%d", tr.Update, a.st.Layer, sym, tr.T)
	if key == in.matchesKey {
		return
	}
	in.matchesKey = key
	feats := analysis.FeaturesOf(tr)
	best := analysis.Best(analysis.Correlate(act, view.T, view.H, feats))
	// The rows are made once and then only given new values.
	b := a.v.b
	for len(w.featRows) < len(best) {
		r := &featRow{
			name: b.el("span"),
			btn:  b.el("button", attr{"type", "button"}, cls("btn btn-small unit-btn")),
			r:    b.el("span", cls("r-val")),
			bar:  b.el("span", cls("r-bar"), attr{"aria-hidden", "true"}),
		}
		r.row = b.el("tr", b.el("td", r.name), b.el("td", r.btn),
			b.el("td", cls("num"), r.r, b.el("span", cls("r-track"), r.bar)))
		w.featRows = append(w.featRows, r)
		w.featBody.AppendChild(r.row)
	}
	for i, r := range w.featRows {
		setHidden(r.row, i >= len(best))
		if i >= len(best) {
			continue
		}
		m := best[i]
		about := ""
		if m.Feature >= 0 && m.Feature < len(feats) {
			about = feats[m.Feature].About
		}
		setText(r.name, m.Name)
		r.name.SetAttribute("title", about)
		// One listener on the table answers every button (wireInside).
		r.btn.SetAttribute("data-unit", strconv.Itoa(m.Unit))
		r.btn.SetAttribute("aria-label", fmt.Sprintf("Unit %d (%s)", m.Unit+1, m.Name))
		setText(r.btn, strconv.Itoa(m.Unit+1))
		setText(r.r, formatSig(m.R, 2))
		r.bar.Style().SetProperty("width", fmt.Sprintf("%.1f%%", 100*math.Abs(m.R)), "")
		setClass(r.bar, "neg", m.R < 0)
	}
	if len(best) == 0 {
		setText(w.featNote, "No feature varies along this text, or no unit does yet.")
		return
	}
	setText(w.featNote, fmt.Sprintf("Pearson's r between each feature and %s of every unit over %d steps of the training text (update %s). The best match: %s follows unit %d (r = %s).",
		sym, view.T, FormatCount(tr.Update), best[0].Name, best[0].Unit+1, formatSig(best[0].R, 2)))
}

// chooseUnit makes unit j the chosen one: the time cursor's unit.
func (a *app) chooseUnit(j int) {
	a.invalidate(a.st.MoveCursor(a.st.Cursor.T, j) | DirtyUnits)
	a.v.in.clampUnit.SetValue(strconv.Itoa(j + 1))
}

// paintUnitText colours the start of the training text by unit j.
func (a *app) paintUnitText(tr *protocol.TraceResult, view LayerView, act []float32, sym string, j int) {
	w, in, b := &a.v.in, &a.in, a.v.b
	// The spans are made once per text (making elements is what costs:
	// dom/v2 wraps each one); a new trace of the same text only recolours.
	skey := textKey(tr)
	if skey != in.spansKey {
		in.spansKey = skey
		in.colourKey = ""
		clear(w.text)
		w.spans = w.spans[:0]
		for t := range tr.T {
			var s dom.HTMLElement
			if tr.Kind == lstm.Numbers {
				s = b.el("span", FormatNumber(float64(tr.Values[t])))
			} else {
				r := tr.Symbols[t]
				txt := string(r)
				switch {
				case r == '\n':
					txt = "↵\n"
				case r == '\t':
					txt = "⇥"
				case r != ' ' && (r < ' ' || r == 0x7f):
					txt = DisplayRune(r)
				}
				s = b.el("span", txt)
			}
			w.spans = append(w.spans, s)
			w.text.AppendChild(s)
			if tr.Kind == lstm.Numbers && t+1 < tr.T {
				w.text.AppendChild(a.v.b.doc.CreateTextNode(" "))
			}
		}
	}
	ckey := fmt.Sprintf("%p|%d|%s|%d", tr, j, sym, a.st.Layer)
	if ckey == in.colourKey {
		return
	}
	in.colourKey = ckey
	var m float64
	for t := range view.T {
		m = max(m, math.Abs(float64(act[t*view.H+j])))
	}
	limit := NiceLimit(m, 0.1)
	cmap := a.bufs.diverging(limit)
	for t, s := range w.spans {
		x := float64(act[t*view.H+j])
		st := s.Style()
		st.SetProperty("background-color", cmap.CSS(x), "")
		st.SetProperty("color", InkOn(cmap.At(x)), "")
	}
	what := "characters"
	if tr.Kind == lstm.Numbers {
		what = "values"
	}
	setText(w.textHead, fmt.Sprintf("Unit %d of %d, %s, over the first %d %s of the training text (model at update %s). Colour scale: blue −%s, white 0, orange +%s.",
		j+1, view.H, sym, tr.T, what, FormatCount(tr.Update), FormatNumber(limit), FormatNumber(limit)))
}

// textKey identifies the text of a trace: its symbols, or its values.
func textKey(tr *protocol.TraceResult) string {
	if tr.Kind == lstm.Numbers {
		return fmt.Sprint(tr.Values)
	}
	return string(tr.Symbols)
}

// paintGates shows how often each gate is shut or open.
func (a *app) paintGates(view LayerView) {
	w, b := &a.v.in, a.v.b
	if !view.LSTM() {
		for _, r := range w.gateRows {
			setHidden(r.row, true)
		}
		setText(w.gateNote, "The plain RNN has no gates.")
		return
	}
	type gate struct {
		name string
		sym  Line
		z    []float32
	}
	gates := []gate{{"input", Line(symZi), view.Zi}, {"forget", Line(symZf), view.Zf}, {"output", Line(symZo), view.Zo}}
	if len(w.gateRows) == 0 {
		// The rows are made once and then only given new values.
		for _, g := range gates {
			r := &gateRow{shut: b.el("td", cls("num")), open: b.el("td", cls("num")),
				shutBar: b.el("span", cls("sat sat-shut")), openBar: b.el("span", cls("sat sat-open"))}
			r.row = b.el("tr", b.el("th", attr{"scope", "row"}, b.spans(g.sym, nil), " "+g.name), r.shut, r.open,
				b.el("td", attr{"aria-hidden", "true"}, b.el("span", cls("sat-track"), r.shutBar, r.openBar)))
			w.gateRows = append(w.gateRows, r)
			w.gateBody.AppendChild(r.row)
		}
	}
	var notes []string
	for i, g := range gates {
		s := analysis.GateStats(g.z, view.T, view.H)
		r := w.gateRows[i]
		setHidden(r.row, false)
		setText(r.shut, FormatPercent(s.Left))
		setText(r.open, FormatPercent(s.Right))
		r.shutBar.Style().SetProperty("width", fmt.Sprintf("%.1f%%", 100*s.Left), "")
		r.openBar.Style().SetProperty("width", fmt.Sprintf("%.1f%%", 100*s.Right), "")
		notes = append(notes, fmt.Sprintf("%s gate %s shut, %s open", g.name, FormatPercent(s.Left), FormatPercent(s.Right)))
	}
	setText(w.gateNote, "Bars: dark, shut; light, open; the rest is in between. "+strings.ToUpper(notes[0][:1])+notes[0][1:]+"; "+strings.Join(notes[1:], "; ")+".")
}

// ---- intervention ----

// applyClamp reads the intervention's fields and asks for the traces.
func (a *app) applyClamp() {
	w := &a.v.in
	view, ok := a.st.View()
	if !ok {
		a.invalidate(a.st.SetError(FieldClampUnit, "There is no trace yet: press Train or Step first."))
		return
	}
	unit, err := IntSpec{FieldClampUnit, 1, view.H}.Parse(w.clampUnit.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	// the unit is right: no message about it may stay while the value is refused
	a.invalidate(a.st.SetError(FieldClampUnit, ""))
	val, err := SpecClampValue.Parse(w.clampValue.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	state := lstm.StateC
	if w.clampState.Value() == "h" || !view.LSTM() {
		state = lstm.StateH
		w.clampState.SetValue("h")
	}
	a.st.SetError(FieldClampUnit, "")
	a.st.SetError(FieldClampValue, "")
	a.in.clamp = &lstm.Intervention{Layer: a.st.Layer, State: state, Unit: unit - 1, Value: val}
	a.sendClamp(float64(nowMillis()))
	setHidden(w.clampClear, false)
	setText(w.clampOut, "Comparing…")
	a.invalidate(DirtyErrors)
}

// clearClamp ends the intervention.
func (a *app) clearClamp() {
	a.in.clamp = nil
	a.forgetClamp()
	setHidden(a.v.in.clampClear, true)
	a.invalidate(DirtyUnits)
}

// paintClamp shows the effect of the intervention.
func (a *app) paintClamp() {
	w, in, b := &a.v.in, &a.in, a.v.b
	if in.clamp == nil || in.clampRes[0] == nil || in.clampRes[1] == nil {
		if in.clamp == nil {
			setText(w.clampOut, "")
			clear(w.clampRows)
			w.clampCells = nil
		}
		return
	}
	before, after := in.clampRes[0], in.clampRes[1]
	e := CompareTraces(before, after)
	c := in.clamp
	what := fmt.Sprintf("With %s of unit %d held at %s at every step (model at update %s)", stateName(c.State), c.Unit+1, FormatNumber(c.Value), FormatCount(after.Update))
	if before.Kind == lstm.Numbers {
		setText(w.clampOut, fmt.Sprintf("%s, the predicted next value moves by %s on average; its mean error goes from %s to %s.",
			what, FormatValue(e.Shift), FormatValue(e.Before), FormatValue(e.After)))
		clear(w.clampRows)
		w.clampCells = nil
		return
	}
	setText(w.clampOut, fmt.Sprintf("%s, the top guess changes at %d of %d steps, and the actual next character gets %s on average instead of %s.",
		what, e.Changed, before.T, FormatPercent(e.After), FormatPercent(e.Before)))
	// Three rows of one span per step, made once per probe length and
	// then only given new letters (making elements is what costs).
	T := before.T
	if len(w.clampCells) != 3 || len(w.clampCells[0]) != T {
		clear(w.clampRows)
		w.clampCells = make([][]dom.HTMLElement, 3)
		for i, label := range []string{"reads", "guess", "clamped"} {
			r := b.el("div", cls("clamp-line"), b.el("span", cls("clamp-label"), label))
			for range T {
				c := b.el("span")
				w.clampCells[i] = append(w.clampCells[i], c)
				r.AppendChild(c)
			}
			w.clampRows.AppendChild(r)
		}
	}
	// the guess after step t is for step t+1: shift right by one
	shift := func(x []rune) []rune { return append([]rune{' '}, x[:max(0, len(x)-1)]...) }
	rows := [3][]rune{before.Symbols, shift(before.Top), shift(after.Top)}
	for i, runes := range rows {
		for t, c := range w.clampCells[i] {
			x := ' '
			if t < len(runes) {
				x = runes[t]
			}
			setText(c, DisplayRune(x))
			setClass(c, "diff", i == 2 && t < len(rows[1]) && rows[1][t] != x)
		}
	}
}

func stateName(k lstm.StateKind) string {
	if k == lstm.StateC {
		return "c"
	}
	return "h"
}

// wireInside connects the unit view's controls.
func (a *app) wireInside() {
	w := &a.v.in
	listen(w.order, "change", func(dom.Event) {
		a.in.sorted = w.order.Value() == "similar"
		a.in.orderMade = false
		a.invalidate(DirtyTrace | DirtyCursor)
	})
	listen(w.state, "change", func(dom.Event) { a.invalidate(DirtyUnits) })
	listen(w.featBody, "click", func(ev dom.Event) {
		t := ev.Target()
		if t == nil {
			return
		}
		btn := t.Closest("button[data-unit]")
		if btn == nil {
			return
		}
		if j, err := strconv.Atoi(btn.GetAttribute("data-unit")); err == nil {
			a.chooseUnit(j)
		}
	})
	listen(w.clampApply, "click", func(dom.Event) { a.applyClamp() })
	listen(w.clampClear, "click", func(dom.Event) { a.clearClamp() })
	for _, in := range []*dom.HTMLInputElement{w.clampUnit, w.clampValue} {
		listen(in, "keydown", func(ev dom.Event) {
			if eventKey(ev) == "Enter" {
				ev.PreventDefault()
				a.applyClamp()
			}
		})
	}
}
