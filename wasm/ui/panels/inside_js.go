//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// insideView holds the unit view's elements.
type insideView struct {
	root       dom.HTMLElement
	Order      *dom.HTMLSelectElement
	State      *dom.HTMLSelectElement
	FeatBody   dom.HTMLElement
	FeatNote   dom.HTMLElement
	TextHead   dom.HTMLElement
	Text       dom.HTMLElement
	Spans      []dom.HTMLElement
	GateBody   dom.HTMLElement
	GateNote   dom.HTMLElement
	ClampState *dom.HTMLSelectElement
	ClampUnit  *dom.HTMLInputElement
	ClampValue *dom.HTMLInputElement
	ClampApply *dom.HTMLButtonElement
	ClampClear *dom.HTMLButtonElement
	ClampOut   dom.HTMLElement
	ClampRows  dom.HTMLElement
	ClampCells [][]dom.HTMLElement // reads, guess, clamped: one span per step
	FeatRows   []*FeatRow
	GateRows   []*GateRow
}

// FeatRow is a row of the feature table.
type FeatRow struct {
	Row, Name, Btn, R, Bar dom.HTMLElement
}

// GateRow is a row of the gate statistics.
type GateRow struct {
	Row, Shut, Open, ShutBar, OpenBar dom.HTMLElement
}

// buildInside makes the unit view.
func (v *View) buildInside() dom.HTMLElement {
	b, w := v.B, &v.In
	var f Field
	w.Order, f = v.SelectField("row-order", "Heatmap rows", "", [][2]string{{"number", "By unit number"}, {"similar", "Similar units together"}})
	orderF := f
	orderF.Root.Class().Add("inline")
	w.State, f = v.SelectField("unit-state", "Unit state", "", [][2]string{{"c", "c (the cell state)"}, {"h", "h (the hidden state)"}})
	stateF := f
	stateF.Root.Class().Add("inline")

	w.FeatBody = b.El("tbody")
	w.FeatNote = b.El("p", browser.Cls("hint"), browser.Attr("aria-live", "polite"))
	feat := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Units that follow the text"),
		b.El("p", browser.Cls("howto"), "How to read: each row is a simple feature of the training text and the unit whose activation goes up and down with it (r near ±1). Press a unit to colour the text by it."),
		b.El("table", browser.Cls("feat-table"), b.El("thead", b.El("tr", b.El("th", "feature"), b.El("th", "unit"), b.El("th", "r"))), w.FeatBody),
		w.FeatNote)

	w.TextHead = b.El("p", browser.Cls("unit-text-head"), browser.Attr("aria-live", "polite"))
	w.Text = b.El("pre", browser.Cls("unit-text"), browser.Attr("translate", "no"), browser.Attr("tabindex", "0"), browser.Attr("role", "region"), browser.Attr("aria-label", "Training text coloured by the chosen unit"))
	text := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "The text, coloured by one unit"),
		b.El("p", browser.Cls("howto"), "How to read: every character of the start of the training text is coloured by the chosen unit after reading it: orange positive, blue negative, white near 0. Click a row of a heatmap (or a unit above) to choose the unit."),
		w.TextHead, w.Text)

	w.GateBody = b.El("tbody")
	w.GateNote = b.El("p", browser.Cls("hint"))
	gates := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Gate statistics"),
		b.El("p", browser.Cls("howto"), "How to read: how often each gate is nearly shut (below 0.1) or wide open (above 0.9) over the start of the training text. A gate that is often shut or open acts like a switch."),
		b.El("table", browser.Cls("gate-table"), b.El("thead", b.El("tr", b.El("th", "gate"), b.El("th", "shut < 0.1"), b.El("th", "open > 0.9"), b.El("th", browser.Attr("aria-hidden", "true"), ""))), w.GateBody),
		w.GateNote)

	w.ClampState = b.El("select", browser.ID("clamp-state"), b.El("option", browser.Attr("value", "c"), "c"), b.El("option", browser.Attr("value", "h"), "h")).(*dom.HTMLSelectElement)
	v.Controls["Clamp state"] = w.ClampState
	w.ClampUnit = b.El("input", browser.ID("clamp-unit"), browser.Attr("type", "number"), browser.Attr("min", "1"), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	v.Controls[present.FieldClampUnit] = w.ClampUnit
	w.ClampValue = b.El("input", browser.ID("clamp-value"), browser.Attr("type", "number"), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"), browser.Attr("autocomplete", "off"), browser.Attr("value", "0")).(*dom.HTMLInputElement)
	v.Controls[present.FieldClampValue] = w.ClampValue
	w.ClampApply = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Clamp and compare").(*dom.HTMLButtonElement)
	w.ClampClear = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Release the unit").(*dom.HTMLButtonElement)
	w.ClampOut = b.El("p", browser.Cls("clamp-out"), browser.Attr("aria-live", "polite"))
	w.ClampRows = b.El("div", browser.Cls("clamp-rows"), browser.Attr("aria-hidden", "true"))
	clamp := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Intervene"),
		b.El("p", browser.Cls("howto"), "Hold one unit of c or h at a value at every step of the probe (0 switches it off) and see how the model's guesses change. A unit that matters changes them."),
		b.El("div", browser.Cls("clamp-row"),
			b.El("label", browser.Attr("for", "clamp-state"), "Clamp state"), w.ClampState,
			b.El("label", browser.Attr("for", "clamp-unit"), present.FieldClampUnit), w.ClampUnit,
			b.El("label", browser.Attr("for", "clamp-value"), present.FieldClampValue), w.ClampValue,
			w.ClampApply, w.ClampClear),
		v.Alert(present.FieldClampUnit), v.Alert(present.FieldClampValue),
		w.ClampOut, w.ClampRows)
	browser.SetHidden(w.ClampClear, true)

	w.root = b.El("section", browser.Cls("inside"), browser.Attr("aria-labelledby", "h-units"),
		b.El("h3", browser.ID("h-units"), "Units: what each one does"),
		b.El("div", browser.Cls("inline-row unit-opts"), orderF.Root, stateF.Root),
		feat, text, gates, clamp)
	return w.root
}

// UnitGroups returns what a teacher link's hide=units hides.
func (v *View) UnitGroups() []dom.HTMLElement { return []dom.HTMLElement{v.grpUnits, v.In.root} }
