//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

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

	w.featBody = b.El("tbody")
	w.featNote = b.El("p", browser.Cls("hint"), browser.Attr("aria-live", "polite"))
	feat := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Units that follow the text"),
		b.El("p", browser.Cls("howto"), "How to read: each row is a simple feature of the training text and the unit whose activation goes up and down with it (r near ±1). Press a unit to colour the text by it."),
		b.El("table", browser.Cls("feat-table"), b.El("thead", b.El("tr", b.El("th", "feature"), b.El("th", "unit"), b.El("th", "r"))), w.featBody),
		w.featNote)

	w.textHead = b.El("p", browser.Cls("unit-text-head"), browser.Attr("aria-live", "polite"))
	w.text = b.El("pre", browser.Cls("unit-text"), browser.Attr("tabindex", "0"), browser.Attr("role", "region"), browser.Attr("aria-label", "Training text coloured by the chosen unit"))
	text := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "The text, coloured by one unit"),
		b.El("p", browser.Cls("howto"), "How to read: every character of the start of the training text is coloured by the chosen unit after reading it: orange positive, blue negative, white near 0. Click a row of a heatmap (or a unit above) to choose the unit."),
		w.textHead, w.text)

	w.gateBody = b.El("tbody")
	w.gateNote = b.El("p", browser.Cls("hint"))
	gates := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Gate statistics"),
		b.El("p", browser.Cls("howto"), "How to read: how often each gate is nearly shut (below 0.1) or wide open (above 0.9) over the start of the training text. A gate that is often shut or open acts like a switch."),
		b.El("table", browser.Cls("gate-table"), b.El("thead", b.El("tr", b.El("th", "gate"), b.El("th", "shut < 0.1"), b.El("th", "open > 0.9"), b.El("th", browser.Attr("aria-hidden", "true"), ""))), w.gateBody),
		w.gateNote)

	w.clampState = b.El("select", browser.ID("clamp-state"), b.El("option", browser.Attr("value", "c"), "c"), b.El("option", browser.Attr("value", "h"), "h")).(*dom.HTMLSelectElement)
	v.controls["Clamp state"] = w.clampState
	w.clampUnit = b.El("input", browser.ID("clamp-unit"), browser.Attr("type", "number"), browser.Attr("min", "1"), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	v.controls[present.FieldClampUnit] = w.clampUnit
	w.clampValue = b.El("input", browser.ID("clamp-value"), browser.Attr("type", "number"), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"), browser.Attr("autocomplete", "off"), browser.Attr("value", "0")).(*dom.HTMLInputElement)
	v.controls[present.FieldClampValue] = w.clampValue
	w.clampApply = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Clamp and compare").(*dom.HTMLButtonElement)
	w.clampClear = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Release the unit").(*dom.HTMLButtonElement)
	w.clampOut = b.El("p", browser.Cls("clamp-out"), browser.Attr("aria-live", "polite"))
	w.clampRows = b.El("div", browser.Cls("clamp-rows"), browser.Attr("aria-hidden", "true"))
	clamp := b.El("div", browser.Cls("unit-part"),
		b.El("h4", "Intervene"),
		b.El("p", browser.Cls("howto"), "Hold one unit of c or h at a value at every step of the probe (0 switches it off) and see how the model's guesses change. A unit that matters changes them."),
		b.El("div", browser.Cls("clamp-row"),
			b.El("label", browser.Attr("for", "clamp-state"), "Clamp state"), w.clampState,
			b.El("label", browser.Attr("for", "clamp-unit"), present.FieldClampUnit), w.clampUnit,
			b.El("label", browser.Attr("for", "clamp-value"), present.FieldClampValue), w.clampValue,
			w.clampApply, w.clampClear),
		v.alert(present.FieldClampUnit), v.alert(present.FieldClampValue),
		w.clampOut, w.clampRows)
	browser.SetHidden(w.clampClear, true)

	w.root = b.El("section", browser.Cls("inside"), browser.Attr("aria-labelledby", "h-units"),
		b.El("h3", browser.ID("h-units"), "Units: what each one does"),
		b.El("div", browser.Cls("inline-row unit-opts"), orderF.root, stateF.root),
		feat, text, gates, clamp)
	return w.root
}

// unitGroups returns what a teacher link's hide=units hides.
func (v *view) unitGroups() []dom.HTMLElement { return []dom.HTMLElement{v.grpUnits, v.in.root} }
