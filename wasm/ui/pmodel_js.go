//go:build js && wasm

package ui

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// buildModelColumn builds the model column: the probe, the heatmaps and line
// charts, the units field, the unit view, and the comparison's and the
// snapshots' parts; it returns those of the output column too.
func (v *view) buildModelColumn() (modelCol, cmpRow, cmpRace, snapSamples dom.HTMLElement) {
	b := v.b
	v.probe = b.El("textarea", browser.ID("probe"), browser.Cls("probe"), browser.Attr("rows", "2"), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off"),
		browser.Attr("autocapitalize", "off"), browser.Attr("aria-describedby", "probe-hint")).(*dom.HTMLTextAreaElement)
	v.probeNote = b.El("p", browser.Cls("hint"), browser.ID("probe-hint"), "The model reads this from a zero state; the heatmaps show every step (up to 60).")
	probeF := field{alert: v.alert(present.FieldProbe)}
	v.controls[present.FieldProbe] = v.probe
	probeF.root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "probe"), present.FieldProbe), v.probe, v.probeNote, probeF.alert)
	v.layer = b.El("select", browser.ID("layer")).(*dom.HTMLSelectElement)
	v.layerField = b.El("div", browser.Cls("field inline"), b.El("label", browser.Attr("for", "layer"), "Show"), v.layer)
	browser.SetHidden(v.layerField, true)
	v.traceNote = b.El("p", browser.Cls("trace-note"), browser.Attr("aria-live", "polite"))
	v.heatHow = b.El("p", browser.Cls("howto"), browser.ID("heat-how"), "How to read the heatmaps: one row per unit, one column per step of the probe (its characters are written above); the colour is the value after reading that step, on the scale right of each title. Point at a cell, or use the arrow keys, to move the time cursor.")

	v.empty = b.El("div", browser.Cls("empty"), "Press Train to start. The heatmaps will show the model reading the probe text, step by step.")
	v.probeRow = b.El("div", browser.Cls("probe-row"), browser.Attr("aria-hidden", "true"))
	probeLineEl := b.El("canvas", browser.Cls("probe-line"), browser.Attr("aria-hidden", "true")).(*dom.HTMLCanvasElement)
	v.probeLine = browser.NewDrawCanvas(probeLineEl)
	v.probeLineE = probeLineEl
	v.liveCursor = b.El("p", browser.Cls("visually-hidden"), browser.Attr("aria-live", "polite"))

	heats := make([]dom.HTMLElement, 0, heatCount)
	for k := range heatCount {
		hb := v.buildHeatBlock(k)
		v.heat[k] = hb
		heats = append(heats, hb.root)
	}

	var unitsHFig dom.HTMLElement
	v.unitsC, v.unitsCFig, v.unitsCT = v.lineFig("units-c-title", "c along the probe",
		"How to read: one line per chosen unit (numbers at the right), its cell state after each step; c is the memory, so it tends to drift rather than jump.")
	v.unitsH, unitsHFig, v.unitsHT = v.lineFig("units-h-title", "h along the probe",
		"How to read: the same units' hidden state, between −1 and 1; h is what the cell shows at each step, so it jumps.")
	v.delta, v.deltaFig, v.deltaT = v.lineFig("delta-title", "Mean change per step: |Δc| and |Δh|",
		"How to read: how much c and h change from one step to the next, averaged over the units; the claim to check is that c changes slowly and h a lot.")
	v.deltaText = b.El("p", browser.Cls("delta-text"), browser.Attr("aria-live", "polite"))
	v.deltaFig.AppendChild(v.deltaText)
	v.lineFigs = b.El("div", browser.Cls("line-figs"), v.unitsCFig, unitsHFig, v.deltaFig)

	v.stack = b.El("div", browser.Cls("stack"), browser.Attr("tabindex", "0"), browser.Attr("role", "group"),
		browser.Attr("aria-label", "Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit."),
		v.empty, v.probeRow, probeLineEl, heats, v.lineFigs)
	v.stackWrap = b.El("div", browser.Cls("stack-scroll"), v.stack)

	unitsF := v.buildUnitsField()

	cmpRow, cmpRace, cmpSide := v.buildCompare()
	snapRow, snapSamples := v.buildSnap()
	v.grpProbe = probeF.root
	v.grpUnits = unitsF.root
	v.modelCol = b.El("section", browser.Cls("col col-model"), browser.Attr("aria-labelledby", "h-model"),
		b.El("div", browser.Cls("col-head"), b.El("h2", browser.ID("h-model"), "Inside the model"), v.layerField),
		probeF.root, snapRow, v.traceNote, v.heatHow, v.stackWrap, v.liveCursor, cmpSide, unitsF.root, v.buildInside())
	return v.modelCol, cmpRow, cmpRace, snapSamples
}

// buildHeatBlock builds heatmap k: its title, note, colour scale, axis and
// canvas, with the marks of the cursor.
func (v *view) buildHeatBlock(k heatKind) *heatBlock {
	b := v.b
	hb := &heatBlock{}
	titleID := "heat-" + strconv.Itoa(int(k))
	cv := b.El("canvas", browser.Cls("heat"), browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID),
		browser.Attr("aria-describedby", titleID+"-note heat-how")).(*dom.HTMLCanvasElement)
	hb.canvasEl = cv
	hb.canvas = browser.NewPixelCanvas(cv)
	lg := b.El("canvas", browser.Cls("legend-bar"), browser.Attr("aria-hidden", "true"), browser.Attr("width", "64"), browser.Attr("height", "1")).(*dom.HTMLCanvasElement)
	hb.legend = browser.NewPixelCanvas(lg)
	hb.legendLo = b.El("span")
	hb.legendMid = b.El("span")
	hb.legendHi = b.El("span")
	hb.axisTop = b.El("span", "1")
	hb.axisBottom = b.El("span")
	hb.unitMark = b.El("div", browser.Cls("unit-mark"), browser.Attr("aria-hidden", "true"))
	hb.colMark = b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	hb.note = b.El("span", browser.Cls("heat-note"), browser.ID(titleID+"-note"), heatNotes[k])
	hb.plot = b.El("div", browser.Cls("heat-plot"),
		b.El("div", browser.Cls("heat-axis"), browser.Attr("aria-hidden", "true"), hb.axisTop, b.El("span", browser.Cls("axis-name"), "unit"), hb.axisBottom),
		b.El("div", browser.Cls("heat-canvas"), cv, hb.colMark, hb.unitMark))
	hb.root = b.El("figure", browser.Cls("heat-block"), browser.Attr("aria-labelledby", titleID),
		b.El("div", browser.Cls("heat-head"),
			b.El("h3", browser.ID(titleID), heatTitles[k]),
			hb.note,
			b.El("span", browser.Cls("legend"), browser.Attr("role", "group"), browser.Attr("aria-label", "Colour scale"),
				hb.legendLo, b.El("span", browser.Cls("legend-wrap"), lg, hb.legendMid), hb.legendHi),
			v.pngButton(heatTitles[k], cv, true)),
		hb.plot)
	return hb
}

// lineFig builds a line chart aligned with the heatmaps' steps: its title,
// its "How to read", its canvas and the cursor's mark.
func (v *view) lineFig(titleID, title, how string) (*browser.DrawCanvas, dom.HTMLElement, dom.HTMLElement) {
	b := v.b
	t := b.El("h3", browser.ID(titleID), title)
	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID), browser.Attr("aria-describedby", titleID+"-how")).(*dom.HTMLCanvasElement)
	mark := b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	v.lineMarks = append(v.lineMarks, mark)
	fig := b.El("figure", browser.Cls("line-fig"), browser.Attr("aria-labelledby", titleID), b.El("div", browser.Cls("line-head"), t, v.pngButton(title, cv, false)),
		b.El("p", browser.Cls("howto line-how"), browser.ID(titleID+"-how"), how),
		b.El("div", browser.Cls("line-plot"), cv, mark))
	return browser.NewDrawCanvas(cv), fig, t
}

// buildUnitsField builds the Units field of the line charts.
func (v *view) buildUnitsField() field {
	b := v.b
	var unitsF field
	v.units, unitsF = v.input("units", "Units", "text", "", browser.Attr("spellcheck", "false"), browser.Attr("placeholder", "e.g. 1, 2, 3"))
	v.unitsAuto = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Most varying").(*dom.HTMLButtonElement)
	unitsHint := b.El("p", browser.Cls("hint"), browser.ID("units-hint"), "Units drawn in the line charts, numbered from 1 (up to 6).")
	v.units.SetAttribute("aria-describedby", "units-hint")
	unitsF.root.InsertBefore(b.El("div", browser.Cls("inline-row"), v.units, v.unitsAuto), unitsF.alert)
	unitsF.root.InsertBefore(unitsHint, unitsF.alert)
	unitsF.root.Class().Add("units-field")
	return unitsF
}
