//go:build js && wasm

package ui

import (
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/analysis"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/mathtext"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file is the unit view of the model column: heatmap rows sorted by
// similarity (analysis.OrderUnits), the training text coloured by one unit's
// activation, the units best correlated with features of the text
// (analysis.Correlate), gate saturation (analysis.GateStats), and
// interventions: a unit of c or h clamped, and the change in the predictions.

// unitTextInterval is the least time between two unit-text traces while
// training runs, in ms.
const unitTextInterval = 2000

// unitTextChunk is how many spans of the coloured text one frame colours:
// colouring all 500 characters at once took about 10 ms of a frame's 16, so
// a new colouring is spread over a few frames.
const unitTextChunk = 125

// clampInterval is the least time between two intervention traces while
// training runs, in ms.
const clampInterval = 700

// SpecClampValue is the range of a clamped value.
var SpecClampValue = present.FloatSpec{Field: present.FieldClampValue, Lo: -50, Hi: 50}

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

	// what the coloured text shows
	colourKey   string
	colourTrace *protocol.TraceResult // the trace colourKey was painted from
	colourLimit float64               // its colour scale's limit
	colourNext  int                   // the first span the colouring has not reached
	colourSaid  bool                  // the heading names the colouring (all of it is shown)
	colours     []string              // each span's background colour
	spansKey    string
	matchesKey  string

	// the intervention
	clamp      *lstm.Intervention
	clampRes   [2]*protocol.TraceResult // without, with
	clampSent  float64
	clampStale bool
}

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
			st.Conn.Trace(tagUnitText, content.UnitTextProbe(a.sentText, a.sentMode), nil)
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
	probe, _ := content.TruncateProbe(a.st.Probe, a.st.Mode)
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
			browser.SetText(a.v.In.TextHead, ErrorText(m))
			return
		}
		a.forgetClamp()
		in.clamp = nil
		browser.SetHidden(a.v.In.ClampClear, true)
		a.invalidate(a.st.SetErrorBy(present.FieldClampUnit, func() string { return ErrorText(m) }))
	}
}

// ---- the heatmaps' row order ----

// rowOrder returns the order of the heatmap rows for view (nil: by unit
// number). Sorted rows are computed again only when training is paused, so
// that the rows do not jump about while the model trains.
func (a *app) rowOrder(view present.LayerView) []int {
	in := &a.in
	if !in.sorted {
		return nil
	}
	tr := a.st.Shown()
	stale := !present.ValidOrder(in.order, view.H) || !in.orderMade || (!a.st.Running && tr != nil && tr.Update != in.orderUpd)
	if stale {
		x := view.C
		if !view.LSTM() {
			x = view.Hid
		}
		in.order = analysis.OrderUnits(x, view.T, view.H)
		in.orderPos = present.InvertOrder(in.order)
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
	if d&(DirtyUnits|DirtyCursor|DirtyTrace|DirtyLayout|DirtyUnitText) == 0 {
		return
	}
	w, in := &a.v.In, &a.in
	tr := in.text
	useC := w.State.Value() != "h"
	if tr == nil || tr.T == 0 || len(tr.Layers) == 0 {
		browser.SetText(w.TextHead, "Train the model for a moment: the start of the training text is read by it and shown here.")
		for _, r := range w.FeatRows {
			browser.SetHidden(r.Row, true)
		}
		for _, r := range w.GateRows {
			browser.SetHidden(r.Row, true)
		}
		browser.SetText(w.FeatNote, "")
		browser.SetText(w.GateNote, "")
		in.spansKey, in.colourKey, in.matchesKey = "", "", ""
		for _, s := range w.Spans {
			s.Remove()
		}
		w.Spans, in.colours = w.Spans[:0], nil
		a.paintClamp()
		return
	}
	view := present.Layer(tr, a.st.Layer)
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
func (a *app) paintFeatures(tr *protocol.TraceResult, view present.LayerView, act []float32, sym string) {
	w, in := &a.v.In, &a.in
	key := strconv.FormatUint(tr.Update, 10) + "|" + strconv.Itoa(a.st.Layer) + "|" + sym + "|" + strconv.Itoa(tr.T) + "|" + strconv.Itoa(int(lang))
	if key == in.matchesKey {
		return
	}
	in.matchesKey = key
	feats := analysis.FeaturesOf(tr)
	best := analysis.Best(analysis.Correlate(act, view.T, view.H, feats))
	// The rows are made once and then only given new values.
	b := a.v.B
	for len(w.FeatRows) < len(best) {
		r := &panels.FeatRow{
			Name: b.El("span"),
			Btn:  b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small unit-btn")),
			R:    b.El("span", browser.Cls("r-val")),
			Bar:  b.El("span", browser.Cls("r-bar"), browser.Attr("aria-hidden", "true")),
		}
		r.Row = b.El("tr", b.El("td", r.Name), b.El("td", r.Btn),
			b.El("td", browser.Cls("num"), r.R, b.El("span", browser.Cls("r-track"), r.Bar)))
		w.FeatRows = append(w.FeatRows, r)
		w.FeatBody.AppendChild(r.Row)
	}
	for i, r := range w.FeatRows {
		browser.SetHidden(r.Row, i >= len(best))
		if i >= len(best) {
			continue
		}
		m := best[i]
		about := ""
		if m.Feature >= 0 && m.Feature < len(feats) {
			about = feats[m.Feature].About
		}
		browser.SetText(r.Name, m.Name)
		browser.SetLabel(r.Name, "title", about)
		// One listener on the table answers every button (wireInside).
		r.Btn.SetAttribute("data-unit", strconv.Itoa(m.Unit))
		browser.SetLabel(r.Btn, "aria-label", "Unit "+strconv.Itoa(m.Unit+1)+" ("+m.Name+")")
		browser.SetText(r.Btn, strconv.Itoa(m.Unit+1))
		browser.SetText(r.R, present.FormatSig(m.R, 2))
		r.Bar.Style().SetProperty("width", percent1(100*math.Abs(m.R)), "")
		browser.SetClass(r.Bar, "neg", m.R < 0)
	}
	if len(best) == 0 {
		browser.SetText(w.FeatNote, "No feature varies along this text, or no unit does yet.")
		return
	}
	browser.SetText(w.FeatNote, say("Pearson's r between each feature and "+sym+" of every unit over "+strconv.Itoa(view.T)+
		" steps of the training text (update "+present.FormatCount(tr.Update)+").")+" "+say("The best match: "+best[0].Name+
		" follows unit "+strconv.Itoa(best[0].Unit+1)+" (r = "+present.FormatSig(best[0].R, 2)+")."))
}

// chooseUnit makes unit j the chosen one: the time cursor's unit.
func (a *app) chooseUnit(j int) {
	a.invalidate(a.st.MoveCursor(a.st.Cursor.T, j) | DirtyUnits)
	a.v.In.ClampUnit.SetValue(strconv.Itoa(j + 1))
}

// paintUnitText colours the start of the training text by unit j.
func (a *app) paintUnitText(tr *protocol.TraceResult, view present.LayerView, act []float32, sym string, j int) {
	w, in, b := &a.v.In, &a.in, a.v.B
	// The spans are made once per text (making elements is what costs:
	// dom/v2 wraps each one); a new trace of the same text only recolours.
	skey := textKey(tr)
	if skey != in.spansKey {
		in.spansKey = skey
		in.colourKey = ""
		browser.Clear(w.Text)
		w.Spans, in.colours = w.Spans[:0], nil
		for t := range tr.T {
			var s dom.HTMLElement
			if tr.Kind == lstm.Numbers {
				s = b.El("span", present.FormatNumber(float64(tr.Values[t])))
			} else {
				r := tr.Symbols[t]
				txt := string(r)
				switch {
				case r == '\n':
					txt = "↵\n"
				case r == '\t':
					txt = "⇥"
				case r != ' ' && (r < ' ' || r == 0x7f):
					txt = present.DisplayRune(r)
				}
				s = b.El("span", txt)
			}
			w.Spans = append(w.Spans, s)
			w.Text.AppendChild(s)
			if tr.Kind == lstm.Numbers && t+1 < tr.T {
				w.Text.AppendChild(a.v.B.Text(" "))
			}
		}
	}
	ckey := strconv.Itoa(j) + "|" + sym + "|" + strconv.Itoa(a.st.Layer) + "|" + strconv.Itoa(int(lang))
	if tr != in.colourTrace || ckey != in.colourKey {
		in.colourTrace, in.colourKey, in.colourNext = tr, ckey, 0
		var m float64
		for t := range view.T {
			m = max(m, math.Abs(float64(act[t*view.H+j])))
		}
		in.colourLimit = present.NiceLimit(m, 0.1)
		in.colourSaid = false
	}
	// A chunk of spans a frame; a span whose colour stays is left alone.
	if len(in.colours) != len(w.Spans) {
		in.colours = make([]string, len(w.Spans))
	}
	cmap := a.Bufs.Diverging(in.colourLimit)
	end := min(len(w.Spans), in.colourNext+unitTextChunk)
	for t := in.colourNext; t < end; t++ {
		x := float64(act[t*view.H+j])
		bg := cmap.CSS(x)
		if bg == in.colours[t] {
			continue
		}
		in.colours[t] = bg
		st := w.Spans[t].Style()
		st.SetProperty("background-color", bg, "")
		st.SetProperty("color", present.InkOn(cmap.At(x)), "")
	}
	in.colourNext = end
	if end < len(w.Spans) {
		a.invalidate(DirtyUnitText)
		return
	}
	if in.colourSaid {
		return
	}
	// The heading names the colouring once all of it is shown.
	in.colourSaid = true
	what := " characters of the training text (model at update "
	if tr.Kind == lstm.Numbers {
		what = " values of the training text (model at update "
	}
	browser.SetText(w.TextHead, say("Unit "+strconv.Itoa(j+1)+" of "+strconv.Itoa(view.H)+", "+sym+", over the first "+strconv.Itoa(tr.T)+
		what+present.FormatCount(tr.Update)+").")+" "+
		say("Colour scale: blue −"+present.FormatNumber(in.colourLimit)+", white 0, orange +"+present.FormatNumber(in.colourLimit)+"."))
}

// textKey identifies the text of a trace: its symbols, or its values.
func textKey(tr *protocol.TraceResult) string {
	if tr.Kind == lstm.Numbers {
		b := []byte{'['}
		for i, v := range tr.Values {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendFloat(b, float64(v), 'g', -1, 32)
		}
		return string(append(b, ']'))
	}
	return string(tr.Symbols)
}

// paintGates shows how often each gate is shut or open.
func (a *app) paintGates(view present.LayerView) {
	w, b := &a.v.In, a.v.B
	if !view.LSTM() {
		for _, r := range w.GateRows {
			browser.SetHidden(r.Row, true)
		}
		browser.SetText(w.GateNote, "The plain RNN has no gates.")
		return
	}
	type gate struct {
		name string
		sym  mathtext.Line
		z    []float32
	}
	gates := []gate{{"input", mathtext.Line(present.SymZi), view.Zi}, {"forget", mathtext.Line(present.SymZf), view.Zf}, {"output", mathtext.Line(present.SymZo), view.Zo}}
	if len(w.GateRows) == 0 {
		// The rows are made once and then only given new values.
		for _, g := range gates {
			r := &panels.GateRow{Shut: b.El("td", browser.Cls("num")), Open: b.El("td", browser.Cls("num")),
				ShutBar: b.El("span", browser.Cls("sat sat-shut")), OpenBar: b.El("span", browser.Cls("sat sat-open"))}
			r.Row = b.El("tr", b.El("th", browser.Attr("scope", "row"), panels.Spans(b, g.sym, nil), " "+g.name), r.Shut, r.Open,
				b.El("td", browser.Attr("aria-hidden", "true"), b.El("span", browser.Cls("sat-track"), r.ShutBar, r.OpenBar)))
			w.GateRows = append(w.GateRows, r)
			w.GateBody.AppendChild(r.Row)
		}
	}
	var notes []string
	for i, g := range gates {
		s := analysis.GateStats(g.z, view.T, view.H)
		r := w.GateRows[i]
		browser.SetHidden(r.Row, false)
		browser.SetText(r.Shut, present.FormatPercent(s.Left))
		browser.SetText(r.Open, present.FormatPercent(s.Right))
		r.ShutBar.Style().SetProperty("width", percent1(100*s.Left), "")
		r.OpenBar.Style().SetProperty("width", percent1(100*s.Right), "")
		notes = append(notes, say(g.name+" gate "+present.FormatPercent(s.Left)+" shut, "+present.FormatPercent(s.Right)+" open"))
	}
	if lang == words.English {
		notes[0] = strings.ToUpper(notes[0][:1]) + notes[0][1:]
	}
	browser.SetText(w.GateNote, say("Bars: dark, shut; light, open; the rest is in between.")+" "+strings.Join(notes, say("; "))+say("."))
}

// ---- intervention ----

// applyClamp reads the intervention's fields and asks for the traces.
func (a *app) applyClamp() {
	w := &a.v.In
	view, ok := a.st.View()
	if !ok {
		a.invalidate(a.st.SetError(present.FieldClampUnit, "There is no trace yet: press Train or One update first."))
		return
	}
	unit, err := present.IntSpec{Field: present.FieldClampUnit, Lo: 1, Hi: view.H}.Parse(w.ClampUnit.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	// the unit is right: no message about it may stay while the value is refused
	a.invalidate(a.st.SetError(present.FieldClampUnit, ""))
	val, err := SpecClampValue.Parse(w.ClampValue.Value())
	if err != nil {
		a.refuse(err)
		return
	}
	state := lstm.StateC
	if w.ClampState.Value() == "h" || !view.LSTM() {
		state = lstm.StateH
		w.ClampState.SetValue("h")
	}
	a.st.SetError(present.FieldClampUnit, "")
	a.st.SetError(present.FieldClampValue, "")
	a.in.clamp = &lstm.Intervention{Layer: a.st.Layer, State: state, Unit: unit - 1, Value: val}
	a.sendClamp(float64(browser.NowMillis()))
	browser.SetHidden(w.ClampClear, false)
	browser.SetText(w.ClampOut, "Comparing…")
	a.invalidate(DirtyErrors)
}

// clearClamp ends the intervention.
func (a *app) clearClamp() {
	a.in.clamp = nil
	a.forgetClamp()
	browser.SetHidden(a.v.In.ClampClear, true)
	a.invalidate(DirtyUnits)
}

// paintClamp shows the effect of the intervention.
func (a *app) paintClamp() {
	w, in, b := &a.v.In, &a.in, a.v.B
	if in.clamp == nil || in.clampRes[0] == nil || in.clampRes[1] == nil {
		if in.clamp == nil {
			browser.SetText(w.ClampOut, "")
			browser.Clear(w.ClampRows)
			w.ClampCells = nil
		}
		return
	}
	before, after := in.clampRes[0], in.clampRes[1]
	e := present.CompareTraces(before, after)
	c := in.clamp
	what := "With " + stateName(c.State) + " of unit " + strconv.Itoa(c.Unit+1) + " held at " + present.FormatNumber(c.Value) +
		" at every step (model at update " + present.FormatCount(after.Update) + ")"
	if before.Kind == lstm.Numbers {
		browser.SetText(w.ClampOut, what+", the predicted next value moves by "+present.FormatValue(e.Shift)+
			" on average; its mean error goes from "+present.FormatValue(e.Before)+" to "+present.FormatValue(e.After)+".")
		browser.Clear(w.ClampRows)
		w.ClampCells = nil
		return
	}
	browser.SetText(w.ClampOut, what+", the top guess changes at "+strconv.Itoa(e.Changed)+" of "+strconv.Itoa(before.T)+
		" steps, and the actual next character gets "+present.FormatPercent(e.After)+" on average instead of "+present.FormatPercent(e.Before)+".")
	// Three rows of one span per step, made once per probe length and
	// then only given new letters (making elements is what costs).
	T := before.T
	if len(w.ClampCells) != 3 || len(w.ClampCells[0]) != T {
		browser.Clear(w.ClampRows)
		w.ClampCells = make([][]dom.HTMLElement, 3)
		for i, label := range []string{"reads", "guess", "clamped"} {
			r := b.El("div", browser.Cls("clamp-line"), b.El("span", browser.Cls("clamp-label"), label))
			for range T {
				c := b.El("span")
				w.ClampCells[i] = append(w.ClampCells[i], c)
				r.AppendChild(c)
			}
			w.ClampRows.AppendChild(r)
		}
	}
	// the guess after step t is for step t+1: shift right by one
	shift := func(x []rune) []rune { return append([]rune{' '}, x[:max(0, len(x)-1)]...) }
	rows := [3][]rune{before.Symbols, shift(before.Top), shift(after.Top)}
	for i, runes := range rows {
		for t, c := range w.ClampCells[i] {
			x := ' '
			if t < len(runes) {
				x = runes[t]
			}
			browser.SetText(c, present.DisplayRune(x))
			browser.SetClass(c, "diff", i == 2 && t < len(rows[1]) && rows[1][t] != x)
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
	w := &a.v.In
	browser.Listen(w.Order, "change", func(dom.Event) {
		a.in.sorted = w.Order.Value() == "similar"
		a.in.orderMade = false
		a.invalidate(DirtyTrace | DirtyCursor)
	})
	browser.Listen(w.State, "change", func(dom.Event) { a.invalidate(DirtyUnits) })
	browser.Listen(w.FeatBody, "click", func(ev dom.Event) {
		t := browser.Target(ev)
		if t == nil {
			return
		}
		btn := browser.Closest(t, "button[data-unit]")
		if btn == nil {
			return
		}
		if j, err := strconv.Atoi(btn.GetAttribute("data-unit")); err == nil {
			a.chooseUnit(j)
		}
	})
	browser.Listen(w.ClampApply, "click", func(dom.Event) { a.applyClamp() })
	browser.Listen(w.ClampClear, "click", func(dom.Event) { a.clearClamp() })
	for _, in := range []*dom.HTMLInputElement{w.ClampUnit, w.ClampValue} {
		browser.Listen(in, "keydown", func(ev dom.Event) {
			if browser.EventKey(ev) == "Enter" {
				ev.PreventDefault()
				a.applyClamp()
			}
		})
	}
}

// percent1 writes p with one decimal and a per cent sign, a CSS width: "12.5%".
func percent1(p float64) string { return strconv.FormatFloat(p, 'f', 1, 64) + "%" }
